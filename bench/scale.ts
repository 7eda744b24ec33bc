/**
 * npm run bench -- --scale [--reps N] [--sizes 27,500,5000]
 * What a page pays as the knowledge grows: for synthetic knowledge of each size (bench/synthetic-knowledge.ts), a
 * build of the extension of its own (GLOSS_KNOWLEDGE_DIR, GLOSS_OUT_DIR in wxt.config.ts), its content script's
 * size, its start-up on a page that names nothing, the match time on the 100 KB page, dwell → card, and the time
 * `compileIndex` takes at build. Medians of `reps` runs; writes bench/scale.json and prints a Markdown table.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBundle, openPage, packPage, pageKnowledge, type PackedPage } from '../knowledge/bundle';
import { compileIndex } from '../knowledge/compile';
import { loadKnowledge, validateKnowledge } from '../knowledge/load';
import { createContext, packedMatcher } from '../core/match';
import { generatePage, PAGES } from './pages';
import { stat, type Stat } from './report';
import { measureDwell, measureStartUp, measureWoken } from './scale-browser';
import { PACKAGED } from '../knowledge/packaged';
import { startBenchServer } from './serve';
import { syntheticKnowledge, writeKnowledge } from './synthetic-knowledge';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const page = (name: string) => PAGES.find((spec) => spec.name === name)!;
const [NO_MENTION, ARTICLE, CARD_PAGE] = [page('no-mention-20kb'), page('article-100kb'), page('article-10kb')];

export interface ScaleRow {
  entities: number;
  /** Compiled surface forms, titled forms included. */
  aliases: number;
  contentKB: { raw: number; gzip: number };
  /** The packed knowledge the background answers each page with. */
  pageKB: { raw: number; gzip: number };
  /** The background's script, which the browser evaluates each time it wakes it. */
  backgroundKB: { raw: number; gzip: number };
  /** `wokenMs`: script → first pass with the service worker stopped first. */
  startUp: { traceMs: Stat; readyMs: Stat; wokenMs: Stat };
  /**
   * In Node, as the content script does: opening the packed page share and making its matcher, and matching every
   * paragraph of the 100 KB page with one page context, the buckets it reaches decoded on the way. The page is the
   * same at every size: it names the first entities, which every size has.
   */
  matcherMs: Stat;
  matchMs: Stat;
  marks: number;
  cardMs: Stat;
  /** The same with the service worker stopped before the pointer moves. */
  cardWokenMs: Stat;
  compileMs: Stat;
}

const sizeOf = (file: string) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
};

/** The paragraphs of a generated page as the text walker reads them: tags dropped, entities decoded. */
const paragraphs = (html: string) =>
  [...html.matchAll(/<p>(.*?)<\/p>/g)].map(([, inner]) =>
    inner!
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&'),
  );

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function matchRuns(page: PackedPage, texts: string[], reps: number) {
  const matcher: number[] = [];
  const match: number[] = [];
  let marks = 0;
  // The first run warms the engine up, as the page's later passes are.
  for (let rep = 0; rep <= reps; rep++) {
    const built = timed(() => packedMatcher(openPage(page).index));
    const context = createContext();
    const found = timed(() => texts.reduce((n, text) => n + built.value.match(text, context).length, 0));
    if (rep === 0) continue;
    matcher.push(built.ms);
    match.push(found.ms);
    marks = found.value;
  }
  return { matcherMs: stat(matcher), matchMs: stat(match), marks };
}

export async function measureScale(sizes: number[], reps: number, log: (line: string) => void): Promise<ScaleRow[]> {
  const real = loadKnowledge();
  const rows: ScaleRow[] = [];
  // One 100 KB page for every size, naming the entities of the smallest, which every size begins with: the match
  // time then says what a larger knowledge costs the same page.
  const firstForms = buildBundle(validateKnowledge(syntheticKnowledge(real, Math.min(...sizes)))).entities.flatMap((entity) => entity.aliases);
  const article = generatePage(ARTICLE, firstForms);
  for (const count of sizes) {
    const files = syntheticKnowledge(real, count);
    const knowledge = validateKnowledge(files);
    const bundle = buildBundle(knowledge);
    const compile = Array.from({ length: reps }, () => timed(() => compileIndex(knowledge)).ms);
    const dir = join(tmpdir(), 'gloss-scale', String(count));
    const out = resolve(ROOT, '.output/scale', String(count));
    writeKnowledge(dir, files);
    log(`${count} entities: building into ${out}`);
    execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, GLOSS_KNOWLEDGE_DIR: dir, GLOSS_OUT_DIR: out } });
    const extension = join(out, 'chrome-mv3');
    const forms = bundle.entities.flatMap((entity) => entity.aliases);
    const html = new Map([NO_MENTION, CARD_PAGE].map((spec) => [spec.name, generatePage(spec, forms)]));
    const server = await startBenchServer(html, null);
    try {
      log(`${count} entities: start-up`);
      const startUp = await measureStartUp(extension, server.url(NO_MENTION.name, { probe: true }), reps);
      const woken = await measureWoken(extension, server.url(NO_MENTION.name), reps);
      log(`${count} entities: dwell → card`);
      const card = await measureDwell(extension, server.url(CARD_PAGE.name), reps);
      const cardWoken = await measureDwell(extension, server.url(CARD_PAGE.name), reps, true);
      rows.push({
        entities: count,
        aliases: bundle.index.aliases.length,
        contentKB: sizeOf(join(extension, 'content-scripts/content.js')),
        pageKB: sizeOf(join(extension, PACKAGED.page)),
        backgroundKB: sizeOf(join(extension, 'background.js')),
        startUp: { traceMs: stat(startUp.traceMs), readyMs: stat(startUp.readyMs), wokenMs: stat(woken) },
        ...matchRuns(packPage(pageKnowledge(bundle)), paragraphs(article), reps),
        cardMs: stat(card),
        cardWokenMs: stat(cardWoken),
        compileMs: stat(compile),
      });
    } finally {
      server.close();
    }
  }
  return rows;
}

const ms = (s: Stat) => s.median.toFixed(1);

export function scaleMarkdown(rows: ScaleRow[]): string {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const growth = (pick: (row: ScaleRow) => Stat) => (pick(last).median / pick(first).median).toFixed(2);
  return [
    '| Entities (compiled forms) | Content script, raw / gzip (KB) | Background script / page knowledge, gzip (KB) | Start-up, trace (ms) | Start-up, script → first pass (ms): background awake / woken | Matcher built (ms) | Match, 100 KB page (ms) | Dwell → card, past the dwell (ms): awake / woken | compileIndex (ms) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.entities.toLocaleString('en')} (${row.aliases.toLocaleString('en')}) | ${row.contentKB.raw.toFixed(1)} / ${row.contentKB.gzip.toFixed(1)} | ` +
        `${row.backgroundKB.gzip.toFixed(1)} / ${row.pageKB.gzip.toFixed(1)} | ${ms(row.startUp.traceMs)} | ${ms(row.startUp.readyMs)} / ${ms(row.startUp.wokenMs)} | ` +
        `${ms(row.matcherMs)} | ${ms(row.matchMs)} (${row.marks} marks) | ${ms(row.cardMs)} / ${ms(row.cardWokenMs)} | ${ms(row.compileMs)} |`,
    ),
    '',
    `From ${first.entities} to ${last.entities.toLocaleString('en')} entities: start-up ×${growth((r) => r.startUp.traceMs)} (trace), ` +
      `×${growth((r) => r.startUp.readyMs)} (script → first pass), ×${growth((r) => r.startUp.wokenMs)} (background woken); match ×${growth((r) => r.matchMs)}. ` +
      `Medians of ${first.startUp.traceMs.n} runs.`,
  ].join('\n');
}

/** Measures, writes bench/scale.json, prints the table and returns it. */
export async function runScale(sizes: number[], reps: number, log: (line: string) => void): Promise<string> {
  const rows = await measureScale(sizes, reps, log);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;
  writeFileSync(
    resolve(ROOT, 'bench/scale.json'),
    `${JSON.stringify({ machine, date: new Date().toISOString().slice(0, 10), reps, rows }, null, 2)}\n`,
  );
  const table = scaleMarkdown(rows);
  console.log(table);
  return table;
}
