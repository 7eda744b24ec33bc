/**
 * Passages: for each paragraph of a source that a claim cites, the few
 * verbatim words at its start and end that a URL text fragment needs to
 * open the article at that paragraph. Found from the article text by
 * `npm run passages`, checked against it by `npm run knowledge:check -- --source`.
 * Browsers match fragment terms case-insensitively at word edges and take the
 * first match in the page, so a passage is good when its start first occurs in
 * its paragraph and its end's first occurrence after that ends within the paragraph.
 */
import { oneLine } from '../core/normalize';
import type { Passage } from './schema';

/** Fewest words in a term: one or two words are unique here but would not be on a page with navigation and teasers. */
const MIN_WORDS = 4;
/** A paragraph this short is its own start term. */
const WHOLE_UP_TO = 8;

const EDGE = /[\p{L}\p{N}]/u;

/** The paragraph's words, without the punctuation at its two ends (quotes would have to match the page's quote marks). */
function wordsOf(paragraph: string): string[] {
  const words = paragraph.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return words;
  const trimStart = (w: string) => w.slice([...w].findIndex((c) => EDGE.test(c)));
  const trimEnd = (w: string) => {
    let end = w.length;
    while (end > 0 && !EDGE.test(w[end - 1]!)) end--;
    return w.slice(0, end);
  };
  words[0] = trimStart(words[0]!);
  words[words.length - 1] = trimEnd(words[words.length - 1]!);
  return words.filter(Boolean);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && EDGE.test(c);
}

/** Offset of the first match of `term` at word edges in `text` from `from`, case-insensitive; -1 if none. */
export function findTerm(text: string, term: string, from = 0): number {
  // Line breaks between paragraphs read as spaces, as a browser's rendered text would have them.
  const haystack = text.replace(/\s/g, ' ').toLowerCase();
  const needle = oneLine(term).toLowerCase();
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + needle.length])) return at;
  }
  return -1;
}

export interface Article {
  text: string;
  /** Offset in `text` where each paragraph (1-based line) starts. */
  offsets: number[];
  paragraphs: string[];
}

export function readArticle(source: string): Article {
  const paragraphs = source.split(/\r?\n/);
  const offsets: number[] = [];
  let at = 0;
  for (const paragraph of paragraphs) {
    offsets.push(at);
    at += paragraph.length + 1;
  }
  return { text: paragraphs.join('\n'), offsets, paragraphs };
}

/** Why `passage` would not open the article at its paragraph; null when it would. */
export function passageProblem(article: Article, passage: Passage): string | null {
  const paragraph = article.paragraphs[passage.paragraph - 1];
  if (paragraph === undefined) return `the article has no paragraph ${passage.paragraph}`;
  const from = article.offsets[passage.paragraph - 1]!;
  const to = from + paragraph.length;
  const start = findTerm(article.text, passage.start);
  if (start < 0) return `start "${passage.start}" is not in the article`;
  if (start < from || start >= to) return `start "${passage.start}" first occurs outside paragraph ${passage.paragraph}`;
  if (passage.end === undefined) return null;
  const end = findTerm(article.text, passage.end, start + passage.start.length);
  if (end < 0) return `end "${passage.end}" does not follow the start`;
  if (end + passage.end.length > to) return `end "${passage.end}" first occurs after paragraph ${passage.paragraph}`;
  return null;
}

/** Quote marks and apostrophes differ between copies of one article (straight, curly), and a term must match the page's. */
const QUOTE = /["'\u2018\u2019\u201C\u201D\u201E\u00AB\u00BB]/;

/** The first `count` words as a term (or the last, `fromEnd`), without punctuation where it ends inside the paragraph. */
function term(words: string[], count: number, fromEnd = false): string {
  const text = (fromEnd ? words.slice(words.length - count) : words.slice(0, count)).join(' ');
  return fromEnd ? text.replace(/^[^\p{L}\p{N}]+/u, '') : text.replace(/[^\p{L}\p{N}]+$/u, '');
}

/** How many words the longest term from the start (or end) without a quote mark holds; at least one. */
function longestQuoteFree(words: string[], fromEnd: boolean): number {
  let count = 1;
  // Longer terms only add words, so once a term holds a quote mark every longer one does.
  while (count < words.length && !QUOTE.test(term(words, count + 1, fromEnd))) count++;
  return count;
}

/**
 * The shortest start and end terms that make a good passage for `paragraph`: at least MIN_WORDS words where the
 * paragraph allows, none holding a quote mark unless its one word does. A paragraph that opens with such a word
 * ("Marrow's plan …") has its start from the first word after it: the link then opens at the paragraph's second
 * word, where a term holding the apostrophe might not match the page's at all, or match where an earlier line opens
 * alike.
 */
export function findPassage(article: Article, paragraph: number): Passage {
  const words = wordsOf(article.paragraphs[paragraph - 1] ?? '');
  if (words.length === 0) throw new Error(`paragraph ${paragraph} is empty or missing`);
  const tryPassage = (passage: Passage) => (passageProblem(article, passage) === null ? passage : null);
  if (words.length <= WHOLE_UP_TO) {
    const whole = tryPassage({ paragraph, start: words.join(' ') });
    if (whole) return whole;
  }
  let first = 0;
  while (first < words.length - 1 && QUOTE.test(words[first]!)) first++;
  const opening = words.slice(first);
  const startMax = longestQuoteFree(opening, false);
  for (let k = Math.min(MIN_WORDS, startMax); k <= startMax; k++) {
    const start = term(opening, k);
    if (passageProblem(article, { paragraph, start }) !== null) continue;
    if (k === opening.length) return { paragraph, start };
    const endMax = Math.min(longestQuoteFree(words, true), opening.length - k);
    for (let j = Math.min(MIN_WORDS, endMax); j <= endMax; j++) {
      const found = tryPassage({ paragraph, start, end: term(words, j, true) });
      if (found) return found;
    }
  }
  throw new Error(`no start and end words of paragraph ${paragraph} are unique in the article`);
}
