/**
 * Checks the knowledge's quotes against the articles they claim to come from.
 * Straight and curly quotes, and runs of whitespace, count as equal, since
 * the same article is copied with either.
 */
import { oneLine } from '../core/normalize';
import type { Knowledge } from './schema';

export function normaliseForQuote(text: string): string {
  return oneLine(text.replace(/[\u2018\u2019\u201A\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u2033]/g, '"'));
}

/**
 * Problems with quotes: each must occur verbatim in the paragraph (1-based line) it cites of its source's article.
 * `articles` maps a source id to its article's text; quotes of the other sources are not checked.
 */
export function verifyQuotes(knowledge: Knowledge, articles: ReadonlyMap<string, string>): string[] {
  const paragraphsOf = new Map([...articles].map(([id, text]) => [id, text.split(/\r?\n/).map(normaliseForQuote)]));
  const problems: string[] = [];
  for (const entity of knowledge.entities) {
    entity.quotes.forEach((quote, i) => {
      const paragraphs = paragraphsOf.get(quote.source);
      if (!paragraphs) return;
      const paragraph = paragraphs[quote.paragraph - 1];
      if (paragraph === undefined) {
        problems.push(`"${entity.id}", field quotes.${i}.paragraph: the article of "${quote.source}" has no paragraph ${quote.paragraph}`);
      } else if (!paragraph.includes(normaliseForQuote(quote.text))) {
        problems.push(
          `"${entity.id}", field quotes.${i}.text: not found verbatim in paragraph ${quote.paragraph} of "${quote.source}": "${quote.text}"`,
        );
      }
    });
  }
  return problems;
}
