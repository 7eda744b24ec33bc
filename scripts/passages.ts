/**
 * npm run passages -- --source ID=FILE ... [--knowledge DIR]
 * Finds, in each article given, the passage (start and end words for a URL
 * text fragment) of every paragraph of that source the knowledge's claims
 * cite, and writes them into the source's entry in sources.json. A bare
 * --source FILE is the article of knowledge with one source. Run it after
 * adding or moving a claim.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSourceArgs, readArticles, SourceArgsError } from '../knowledge/articles';
import { citedParagraphs, KNOWLEDGE_DIR, readKnowledgeFiles, validateKnowledge } from '../knowledge/load';
import { findPassage, readArticle } from '../knowledge/passages';
import type { Passage } from '../knowledge/schema';

const { values } = parseArgs({ options: { source: { type: 'string', multiple: true }, knowledge: { type: 'string' } } });
const dir = values.knowledge ?? KNOWLEDGE_DIR;
const knowledge = validateKnowledge(readKnowledgeFiles(dir), { requirePassages: false });
let files: Map<string, string>;
try {
  files = parseSourceArgs(
    values.source ?? [],
    knowledge.sources.map((source) => source.id),
  );
  if (files.size === 0) throw new SourceArgsError('no article given');
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run passages -- --source <source id>=<article text file> ... [--knowledge <dir>]`);
  process.exit(2);
}

const file = join(dir, 'sources.json');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { id: string; passages?: unknown }[];
for (const [id, { file: path, text }] of readArticles(files)) {
  const article = readArticle(text);
  let passages: Passage[];
  try {
    passages = citedParagraphs(knowledge, id).map((paragraph) => findPassage(article, paragraph));
  } catch (error) {
    console.error(`"${id}" (${path}): ${(error as Error).message}; nothing written`);
    process.exit(1);
  }
  raw.find((source) => source.id === id)!.passages = passages;
  console.log(`${passages.length} passages of "${id}" written to ${file}`);
}
writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
