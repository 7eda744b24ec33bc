/**
 * npm run knowledge:draft -- --source FILE --publisher NAME --date YYYY-MM-DD --url URL [--out FILE] [--title TEXT]
 *   [--id SOURCE_ID] [--alone] [--score [--required entities.md] [--expected FILE.expected.json]]
 * Reads an article (one paragraph per line) and writes a draft for a maintainer to edit: the entities it names,
 * with `existing` where the knowledge has them, their aliases as written, paragraphs, quotes with speakers and
 * related entities. The draft is never loaded by the build. With --score, also drafts the article without the
 * knowledge and prints how much of the knowledge (or of an expected file) that draft finds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { KNOWLEDGE_DIR, loadKnowledge } from '../knowledge/load';
import { makeDraft, slug, type Draft } from './knowledge-draft/draft';
import { expectedFromKnowledge, percent, requiredIds, scoreDraft, type Expected, type Score } from './knowledge-draft/score';

const USAGE =
  'usage: npm run knowledge:draft -- --source <article.txt> --publisher <name> --date <YYYY-MM-DD> --url <https://…> ' +
  '[--out <draft.json>] [--title <title>] [--id <source id>] [--alone] [--score [--required <entities.md>] [--expected <file>]]';

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    publisher: { type: 'string' },
    date: { type: 'string' },
    url: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    id: { type: 'string' },
    alone: { type: 'boolean', default: false },
    score: { type: 'boolean', default: false },
    required: { type: 'string' },
    expected: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!values.source || !values.publisher || !values.date || !values.url) fail(USAGE);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fail(`--date must be YYYY-MM-DD, got "${values.date}"`);
if (!/^https?:\/\//.test(values.url)) fail(`--url must be an http(s) address, got "${values.url}"`);
if (!existsSync(values.source)) fail(`no article at ${values.source}`);

const text = readFileSync(values.source, 'utf8');
const knowledge = loadKnowledge();
const options = { publisher: values.publisher, date: values.date, url: values.url, title: values.title, sourceId: values.id };
const draft = makeDraft(text, options, values.alone ? null : knowledge);
const out = values.out ?? join(KNOWLEDGE_DIR, 'drafts', `${slug(draft.source.title).slice(0, 60)}.draft.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(draft, null, 2)}\n`);
const known = draft.entities.filter((e) => e.existing).length;
console.log(
  `draft written to ${relative(process.cwd(), out)}: ${draft.entities.length} entities (${known} the knowledge has, ` +
    `${draft.entities.length - known} new), ${draft.quotes.length} quotes, ${draft.quotes.filter((q) => !q.speaker).length} without a speaker`,
);

function report(label: string, score: Score): void {
  const { entities, quotes, verbatim } = score;
  console.log(`\n${label}`);
  console.log(`  entities with the right kind: ${entities.found}/${entities.total} (${percent(entities.found, entities.total)})`);
  for (const id of entities.missing) console.log(`    missing: ${id}`);
  for (const id of entities.wrongKind) console.log(`    wrong kind: ${id}`);
  console.log(`  quotes with the right speaker and paragraph: ${quotes.found}/${quotes.total} (${percent(quotes.found, quotes.total)})`);
  for (const q of quotes.missing) console.log(`    missing: ${q}`);
  console.log(`  quotes verbatim in their paragraph: ${verbatim.ok}/${verbatim.total} (${percent(verbatim.ok, verbatim.total)})`);
  for (const q of verbatim.failing) console.log(`    not verbatim: ${q}`);
}

function expectation(): Expected {
  if (values.expected) return JSON.parse(readFileSync(values.expected, 'utf8')) as Expected;
  const source = knowledge.sources.find((s) => s.url === values.url) ?? knowledge.sources.find((s) => s.id === values.id);
  if (!source) fail(`--score needs the knowledge to have a source with url ${values.url} (or --id), or --expected FILE`);
  const required = values.required ? requiredIds(readFileSync(values.required, 'utf8')) : undefined;
  return expectedFromKnowledge(knowledge, source.id, required);
}

if (values.score) {
  const expected = expectation();
  const alone: Draft = values.alone ? draft : makeDraft(text, options, null);
  report('Drafted from the article alone (no knowledge):', scoreDraft(alone, expected, text));
  if (!values.alone) report('Drafted with the knowledge:', scoreDraft(draft, expected, text));
}
