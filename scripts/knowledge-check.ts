/**
 * npm run knowledge:check [-- --source ID=FILE ...] [--knowledge DIR]
 * Validates the knowledge (schema, references, aliases, other names that each
 * hold a surface form, roles newest first, a passage for every cited
 * paragraph); with --source, once per article, also checks every quote and
 * every passage of that source against the article text. A bare --source FILE
 * is the article of knowledge with one source. Exits 1 on any problem, 2 on a
 * wrong command line.
 */
import { parseArgs } from 'node:util';
import { articleProblems, parseSourceArgs, readArticles, SourceArgsError } from '../knowledge/articles';
import { buildBundle } from '../knowledge/bundle';
import { KNOWLEDGE_DIR, loadKnowledge } from '../knowledge/load';

const { values } = parseArgs({ options: { source: { type: 'string', multiple: true }, knowledge: { type: 'string' } } });

try {
  const knowledge = loadKnowledge(values.knowledge ?? KNOWLEDGE_DIR);
  const bundle = buildBundle(knowledge);
  const files = parseSourceArgs(
    values.source ?? [],
    knowledge.sources.map((source) => source.id),
  );
  const problems = articleProblems(knowledge, readArticles(files));
  const given = [...files].map(([id, file]) => `${id} (${file})`).join(', ');
  if (problems.length > 0) {
    console.error(`Quotes and passages that do not match ${given}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const quotes = knowledge.entities.reduce((sum, e) => sum + e.quotes.length, 0);
  console.log(
    `knowledge ok: ${knowledge.sources.length} source${knowledge.sources.length === 1 ? '' : 's'}, ${knowledge.entities.length} entities, ${knowledge.topics.length} topics, ` +
      `${bundle.index.aliases.length} compiled surface forms, ${knowledge.otherNames.length} other names, ${quotes} quotes` +
      (files.size > 0 ? `, quotes and passages all verbatim in ${given}` : ''),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(error instanceof SourceArgsError ? 2 : 1);
}
