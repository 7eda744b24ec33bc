/**
 * npm run passages -- --source PATH
 * Finds, in the article text at PATH, the passage (start and end words for a
 * URL text fragment) of every paragraph the knowledge cites, and writes them
 * into knowledge/sources.json. Run it after adding or moving a claim.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { citingClaims, KNOWLEDGE_DIR, readKnowledgeFiles, validateKnowledge } from '../knowledge/load';
import { findPassage, readArticle } from '../knowledge/passages';

const { values } = parseArgs({ options: { source: { type: 'string' }, id: { type: 'string' } } });
if (!values.source) {
  console.error('usage: npm run passages -- --source <article text file> [--id <source id>]');
  process.exit(2);
}

const file = join(KNOWLEDGE_DIR, 'sources.json');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { id: string; passages?: unknown }[];
const knowledge = validateKnowledge(readKnowledgeFiles(), { requirePassages: false });
const id = values.id ?? knowledge.sources[0]!.id;
const cited = new Set<number>();
for (const entity of knowledge.entities) {
  if (entity.sources[0]!.source !== id) continue;
  for (const { paragraph } of citingClaims(entity)) cited.add(paragraph);
}
const article = readArticle(readFileSync(values.source, 'utf8'));
const passages = [...cited].sort((a, b) => a - b).map((paragraph) => findPassage(article, paragraph));
const entry = raw.find((source) => source.id === id);
if (!entry) throw new Error(`sources.json has no source "${id}"`);
entry.passages = passages;
writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
console.log(`${passages.length} passages of "${id}" written to knowledge/sources.json`);
