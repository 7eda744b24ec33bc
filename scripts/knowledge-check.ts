/**
 * npm run knowledge:check [-- --source PATH]
 * Validates the knowledge (schema, references, aliases); with --source, also
 * checks every quote against the article text. Exits non-zero on any problem.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBundle } from '../knowledge/bundle';
import { loadKnowledge } from '../knowledge/load';
import { verifyQuotes } from '../knowledge/verify-quotes';

const { values } = parseArgs({ options: { source: { type: 'string' } } });

try {
  const knowledge = loadKnowledge();
  const bundle = buildBundle(knowledge);
  const problems = values.source ? verifyQuotes(knowledge, readFileSync(values.source, 'utf8')) : [];
  if (problems.length > 0) {
    console.error(`Quotes that do not match ${values.source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const quotes = knowledge.entities.reduce((sum, e) => sum + e.quotes.length, 0);
  console.log(
    `knowledge ok: ${knowledge.entities.length} entities, ${knowledge.topics.length} topics, ` +
      `${bundle.index.aliases.length} compiled surface forms, ${quotes} quotes` +
      (values.source ? `, all verbatim in ${values.source}` : ''),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
