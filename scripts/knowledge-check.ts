/**
 * npm run knowledge:check [-- --source PATH]
 * Validates the knowledge (schema, references, aliases, other names that each
 * hold a surface form, a passage for every cited paragraph); with --source,
 * also checks every quote and every passage against the article text. Exits
 * non-zero on any problem.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBundle } from '../knowledge/bundle';
import { loadKnowledge } from '../knowledge/load';
import { passageProblem, readArticle } from '../knowledge/passages';
import { verifyQuotes } from '../knowledge/verify-quotes';

const { values } = parseArgs({ options: { source: { type: 'string' } } });

try {
  const knowledge = loadKnowledge();
  const bundle = buildBundle(knowledge);
  const problems: string[] = [];
  if (values.source) {
    const text = readFileSync(values.source, 'utf8');
    problems.push(...verifyQuotes(knowledge, text));
    const article = readArticle(text);
    for (const source of knowledge.sources) {
      source.passages.forEach((passage, i) => {
        const problem = passageProblem(article, passage);
        if (problem) problems.push(`"${source.id}", field passages.${i}: ${problem} (npm run passages -- --source ${values.source})`);
      });
    }
  }
  if (problems.length > 0) {
    console.error(`Quotes and passages that do not match ${values.source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const quotes = knowledge.entities.reduce((sum, e) => sum + e.quotes.length, 0);
  console.log(
    `knowledge ok: ${knowledge.entities.length} entities, ${knowledge.topics.length} topics, ` +
      `${bundle.index.aliases.length} compiled surface forms, ${knowledge.otherNames.length} other names, ${quotes} quotes` +
      (values.source ? `, quotes and passages all verbatim in ${values.source}` : ''),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
