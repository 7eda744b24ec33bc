/**
 * npm run bench [-- --reps N] [--smoke] [--readme] [--out FILE]
 * Measures Gloss in headless system Chromium against the floor and mark.js on
 * generated pages, in one browser session, methods in alternating order, and
 * the real extension's start-up, live updates and popup. Writes
 * bench/results.json and prints a Markdown table (--readme puts it in the README).
 * `--popup` measures only the popup and prints its runs, writing nothing;
 * `--extension DIR` measures another build (with `--no-build`, to compare two).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildBundle } from '../knowledge/bundle';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, withExtension } from '../scripts/chromium';
import { loadKnowledge } from '../knowledge/load';
import { generatePage, PAGES } from './pages';
import { markdown, stat, type PageResult, type Results } from './report';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    smoke: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    'no-build': { type: 'boolean', default: false },
    popup: { type: 'boolean', default: false },
    extension: { type: 'string', default: '.output/chrome-mv3' },
  },
});
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const REPS = values.smoke ? 1 : Number(values.reps);
const WARM = values.smoke ? 1 : 3;
const pages = values.popup ? [] : values.smoke ? PAGES.filter((p) => p.name === 'article-10kb' || p.name === 'no-mention-20kb') : PAGES;

if (!values['no-build']) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
/** Vite's `?inline` CSS imports, which the content script uses, as esbuild text modules. */
const inlineCss = {
  name: 'inline-css',
  setup(build: import('esbuild').PluginBuild) {
    build.onResolve({ filter: /\.css\?inline$/ }, ({ path, resolveDir }) => ({ path: resolve(resolveDir, path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
    build.onLoad({ filter: /.*/, namespace: 'inline-css' }, ({ path }) => ({ contents: readFileSync(path, 'utf8'), loader: 'text' }));
  },
};
const runner = (
  await build({ entryPoints: [resolve(ROOT, 'bench/runner.ts')], bundle: true, write: false, format: 'iife', tsconfig: resolve(ROOT, 'tsconfig.json'), plugins: [inlineCss] })
).outputFiles[0]!.text;

const knowledge = buildBundle(loadKnowledge());
const kinds = Object.fromEntries(knowledge.entities.map((e) => [e.id, e.kind]));
const acronyms = knowledge.index.aliases.filter((a) => a.form === 'acronym').map((a) => a.words.join(a.gaps[0] === 'dot' ? '.' : ' '));
const names = [...new Set(knowledge.entities.flatMap((e) => e.aliases))].filter((text) => !acronyms.includes(text));
const html = new Map(pages.map((spec) => [spec.name, generatePage(spec, knowledge.entities.flatMap((e) => e.aliases))]));

const server = createServer((request, response) => {
  const name = request.url?.replace(/^\/|\.html$/g, '') ?? '';
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(html.get(name) ?? '<!doctype html><title>blank</title><p>blank</p>');
}).listen(0, '127.0.0.1');
await new Promise((done) => server.once('listening', done));
const url = (name: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}.html`;

type Bench = { glossBench: Record<string, (...args: unknown[]) => any> };
const call = <T>(page: Page, method: string, arg?: unknown) =>
  page.evaluate(([m, a]) => (globalThis as unknown as Bench).glossBench[m as string]!(a), [method, arg] as const) as Promise<T>;

async function prepared(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url(name));
  await page.addScriptTag({ content: runner });
  await call(page, 'init', { index: knowledge.index, kinds, names, acronyms });
  return page;
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 2 ** 20;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
const context = await browser.newContext();
const results: PageResult[] = [];
for (const spec of pages) {
  const samples = { floorCold: [] as number[], floorWarm: [] as number[], glossCold: [] as number[], glossWarm: [] as number[], frame: [] as number[], slice: [] as number[], heap: [] as number[], markjs: [] as number[] };
  const phases = { walk: [] as number[], match: [] as number[], record: [] as number[], paint: [] as number[] };
  let ranges = 0;
  let slices = 0;
  let markjsMarks = 0;
  let characters = 0;
  let elements = 0;
  // mark.js takes seconds a run on the largest pages; fewer runs there keep the benchmark under a few minutes.
  const markjsReps = spec.size >= 1_000_000 ? Math.min(REPS, 2) : REPS;
  for (let rep = 0; rep < REPS; rep++) {
    const order = rep % 2 === 0 ? ['floor', 'gloss', 'markjs'] : ['markjs', 'gloss', 'floor'];
    for (const method of order) {
      if (method === 'markjs' && (rep >= markjsReps || spec.density === 0)) continue;
      const page = await prepared(context, spec.name);
      if (method === 'floor') {
        const cold = await call<{ ms: number; characters: number }>(page, 'floor');
        samples.floorCold.push(cold.ms);
        characters = cold.characters;
        elements = await page.evaluate(() => document.getElementsByTagName('*').length);
        for (let w = 0; w < WARM; w++) samples.floorWarm.push((await call<{ ms: number }>(page, 'floor')).ms);
      } else if (method === 'gloss') {
        const before = await heapMB(page);
        const cold = await call<{ ms: number; firstFrameMs: number; ranges: number; longestSliceMs: number; slices: number }>(page, 'gloss');
        samples.heap.push((await heapMB(page)) - before);
        samples.glossCold.push(cold.ms);
        samples.frame.push(cold.firstFrameMs);
        samples.slice.push(cold.longestSliceMs);
        ranges = cold.ranges;
        slices = cold.slices;
        for (let w = 0; w < WARM; w++) {
          await call(page, 'glossClear');
          samples.glossWarm.push((await call<{ ms: number }>(page, 'gloss')).ms);
        }
        await call(page, 'glossClear');
        const phase = await call<Record<keyof typeof phases, number>>(page, 'glossPhases');
        for (const key of Object.keys(phases) as (keyof typeof phases)[]) phases[key].push(phase[key]);
      } else {
        const run = await call<{ ms: number; marks: number }>(page, 'markjs');
        samples.markjs.push(run.ms);
        markjsMarks = run.marks;
      }
      await page.close();
    }
  }
  results.push({
    page: spec.name,
    characters,
    elements,
    floor: { cold: stat(samples.floorCold), warm: stat(samples.floorWarm) },
    gloss: { cold: stat(samples.glossCold), warm: stat(samples.glossWarm), firstFrame: stat(samples.frame), ranges, slices, longestSliceMs: stat(samples.slice), heapGrowthMB: stat(samples.heap) },
    phases: { walk: stat(phases.walk), match: stat(phases.match), record: stat(phases.record), paint: stat(phases.paint) },
    markjs: samples.markjs.length > 0 ? { cold: stat(samples.markjs), marks: markjsMarks } : null,
    extension: { readyMs: stat([0]), longestSliceMs: stat([0]) },
  });
  console.error(`measured ${spec.name}`);
}
await browser.close();

// The real extension: start-up to first pass done, live updates, and the popup.
const extension = resolve(ROOT, values.extension);
const withGloss = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: withExtension(extension),
});
const worker = withGloss.serviceWorkers()[0] ?? (await withGloss.waitForEvent('serviceworker'));
const origin = worker.url().split('/').slice(0, 3).join('/');
const helper = await withGloss.newPage();
await helper.goto(`${origin}/popup.html?tab=0`);
// The helper and one page under test are the only tabs, so "the other tab" is the page.
for (const page of withGloss.pages()) if (page !== helper) await page.close();
type Diagnostics = { scriptStart: number; firstPassDone: number | null; lastUpdateDone: number | null; slices: { ms: number }[] };
/** Asks the content script of the one other tab for its diagnostics (tab ids need no permission). */
const diagnostics = () =>
  helper.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: any } }).chrome.tabs;
    const self = await tabs.getCurrent();
    const [other] = (await tabs.query({})).filter((tab: { id: number }) => tab.id !== self.id);
    return tabs.sendMessage(other.id, { type: 'gloss:diagnostics' }).catch(() => null);
  }) as Promise<Diagnostics | null>;
const until = async <T>(probe: () => Promise<T | null | undefined | false>): Promise<T> => {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the extension did not finish in 30 s');
};
for (const result of results) {
  const ready: number[] = [];
  const longest: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const page = await withGloss.newPage();
    await page.goto(url(result.page));
    const d = await until(async () => ((await diagnostics())?.firstPassDone ? await diagnostics() : null));
    ready.push(d.firstPassDone! - d.scriptStart);
    longest.push(Math.max(0, ...d.slices.map((s) => s.ms)));
    await page.close();
  }
  result.extension = { readyMs: stat(ready), longestSliceMs: stat(longest) };
}

const dynamicPage = values.smoke ? 'article-10kb' : 'article-100kb';
const dynamic: number[] = [];
for (let rep = 0; rep < (values.popup ? 0 : REPS); rep++) {
  const page = await withGloss.newPage();
  await page.goto(url(dynamicPage));
  await until(async () => (await diagnostics())?.firstPassDone);
  const insertedAt = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const paragraphs = main.querySelectorAll('p');
    const extra = document.createDocumentFragment();
    for (let i = 0; i < 100; i++) extra.append(paragraphs[i % paragraphs.length]!.cloneNode(true));
    const at = performance.now();
    main.append(extra);
    return at;
  });
  const done = await until(async () => {
    const d = await diagnostics();
    return d?.lastUpdateDone && d.lastUpdateDone > insertedAt ? d.lastUpdateDone : null;
  });
  dynamic.push(done - insertedAt);
  await page.close();
}

const popupStart: number[] = [];
const popupReady: number[] = [];
for (let rep = 0; rep < REPS; rep++) {
  const page = await withGloss.newPage();
  await page.goto(url('article-10kb'));
  await until(async () => (await diagnostics())?.firstPassDone);
  const tabId = await helper.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: any } }).chrome.tabs;
    const self = await tabs.getCurrent();
    return (await tabs.query({})).find((tab: { id: number }) => tab.id !== self.id).id;
  });
  const popup = await withGloss.newPage();
  await popup.goto(`${origin}/popup.html?tab=${tabId}`);
  popupReady.push(await until(() => popup.evaluate(() => performance.getEntriesByName('gloss-popup-ready')[0]?.startTime ?? null)));
  popupStart.push(await popup.evaluate(() => performance.getEntriesByName('gloss-popup-start')[0]!.startTime));
  await popup.close();
  await page.close();
}
await withGloss.close();
server.close();
if (values.popup) {
  for (const [what, runs] of [['code starts', popupStart], ['summary shown', popupReady]] as const) {
    const { median, min, max } = stat(runs);
    console.log(`popup ${what} (ms): median ${median.toFixed(1)}, min ${min.toFixed(1)}, max ${max.toFixed(1)}; runs ${runs.map((ms) => ms.toFixed(1)).join(' ')}`);
  }
  process.exit(0);
}

const content = readFileSync(resolve(ROOT, '.output/chrome-mv3/content-scripts/content.js'));
const report: Results = {
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  browser: `Chromium ${browser.version()}`,
  date: new Date().toISOString().slice(0, 10),
  reps: REPS,
  bundle: { rawKB: content.length / 1024, gzipKB: gzipSync(content, { level: 9 }).length / 1024 },
  pages: results,
  dynamic: { page: dynamicPage, paragraphs: 100, ms: stat(dynamic) },
  popup: { startMs: stat(popupStart), readyMs: stat(popupReady) },
};
writeFileSync(resolve(ROOT, values.out), `${JSON.stringify(report, null, 2)}\n`);
const table = markdown(report);
console.log(table);
if (values.readme) {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  if (!/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/.test(readme)) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> section');
  const updated = readme.replace(/(<!-- bench:start -->)[\s\S]*?(<!-- bench:end -->)/, `$1\n${table}\n$2`);
  writeFileSync(resolve(ROOT, 'README.md'), updated);
}
