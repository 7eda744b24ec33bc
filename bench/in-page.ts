/**
 * The in-page section: on a fresh load of each page, in one headless Chromium, methods in alternating order, the
 * floor (one TreeWalker pass), Gloss's own modules (bench/runner.ts: extract → match → paint, sliced as in the
 * extension) and mark.js on the same surface forms; then Gloss warm, unsliced, phase by phase.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { KnowledgeBundle } from '../knowledge/bundle';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium';
import { chromiumOfflineFlags } from '../scripts/offline';
import type { PageSpec } from './pages';
import { stat, type PageResult } from './report';

const ROOT = resolve(new URL('..', import.meta.url).pathname);

/** Vite's `?inline` CSS imports, which the content script uses, as esbuild text modules. */
const inlineCss = {
  name: 'inline-css',
  setup(build: import('esbuild').PluginBuild) {
    build.onResolve({ filter: /\.css\?inline$/ }, ({ path, resolveDir }) => ({
      path: resolve(resolveDir, path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    build.onLoad({ filter: /.*/, namespace: 'inline-css' }, ({ path }) => ({ contents: readFileSync(path, 'utf8'), loader: 'text' }));
  },
};

type Bench = { glossBench: Record<string, (...args: unknown[]) => any> };
const call = <T>(page: Page, method: string, arg?: unknown) =>
  page.evaluate(([m, a]) => (globalThis as unknown as Bench).glossBench[m as string]!(a), [method, arg] as const) as Promise<T>;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 2 ** 20;
}

export interface InPageOptions {
  pages: PageSpec[];
  url: (name: string) => string;
  knowledge: KnowledgeBundle;
  reps: number;
  /** Warm runs after each cold one. */
  warm: number;
  log: (line: string) => void;
}

/** Each page's results, the extension's own numbers left at zero for the extension section to fill. */
export async function measureInPage({ pages, url, knowledge, reps, warm, log }: InPageOptions): Promise<{ results: PageResult[] }> {
  const runner = (
    await build({
      entryPoints: [resolve(ROOT, 'bench/runner.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      tsconfig: resolve(ROOT, 'tsconfig.json'),
      plugins: [inlineCss],
    })
  ).outputFiles[0]!.text;
  const kinds = Object.fromEntries(knowledge.entities.map((e) => [e.id, e.kind]));
  const acronyms = knowledge.index.aliases.filter((a) => a.form === 'acronym').map((a) => a.words.join(a.gaps[0] === 'dot' ? '.' : ' '));
  const names = [...new Set(knowledge.entities.flatMap((e) => e.aliases))].filter((text) => !acronyms.includes(text));

  async function prepared(context: BrowserContext, name: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url(name));
    await page.addScriptTag({ content: runner });
    await call(page, 'init', { index: knowledge.index, kinds, names, acronyms });
    return page;
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...chromiumOfflineFlags()] });
  const context = await browser.newContext();
  const results: PageResult[] = [];
  for (const spec of pages) {
    const samples = {
      floorCold: [] as number[],
      floorWarm: [] as number[],
      glossCold: [] as number[],
      glossWarm: [] as number[],
      frame: [] as number[],
      slice: [] as number[],
      heap: [] as number[],
      markjs: [] as number[],
    };
    const phases = { walk: [] as number[], match: [] as number[], record: [] as number[], paint: [] as number[] };
    let ranges = 0;
    let slices = 0;
    let markjsMarks = 0;
    let characters = 0;
    let elements = 0;
    // mark.js takes seconds a run on the largest pages; fewer runs there keep the benchmark under a few minutes.
    const markjsReps = spec.size >= 1_000_000 ? Math.min(reps, 2) : reps;
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? ['floor', 'gloss', 'markjs'] : ['markjs', 'gloss', 'floor'];
      for (const method of order) {
        if (method === 'markjs' && (rep >= markjsReps || spec.density === 0)) continue;
        const page = await prepared(context, spec.name);
        if (method === 'floor') {
          const cold = await call<{ ms: number; characters: number }>(page, 'floor');
          samples.floorCold.push(cold.ms);
          characters = cold.characters;
          elements = await page.evaluate(() => document.getElementsByTagName('*').length);
          for (let w = 0; w < warm; w++) samples.floorWarm.push((await call<{ ms: number }>(page, 'floor')).ms);
        } else if (method === 'gloss') {
          const before = await heapMB(page);
          const cold = await call<{ ms: number; firstFrameMs: number; ranges: number; longestSliceMs: number; slices: number }>(page, 'gloss');
          samples.heap.push((await heapMB(page)) - before);
          samples.glossCold.push(cold.ms);
          samples.frame.push(cold.firstFrameMs);
          samples.slice.push(cold.longestSliceMs);
          ranges = cold.ranges;
          slices = cold.slices;
          for (let w = 0; w < warm; w++) {
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
      gloss: {
        cold: stat(samples.glossCold),
        warm: stat(samples.glossWarm),
        firstFrame: stat(samples.frame),
        ranges,
        slices,
        longestSliceMs: stat(samples.slice),
        heapGrowthMB: stat(samples.heap),
      },
      phases: { walk: stat(phases.walk), match: stat(phases.match), record: stat(phases.record), paint: stat(phases.paint) },
      markjs: samples.markjs.length > 0 ? { cold: stat(samples.markjs), marks: markjsMarks } : null,
      extension: { readyMs: stat([0]), longestSliceMs: stat([0]) },
    });
    log(`measured ${spec.name}`);
  }
  await browser.close();
  return { results };
}
