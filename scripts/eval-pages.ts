/**
 * The real-pages evaluation: the built extension in Chromium and Firefox over the saved pages of ../shared/realpages,
 * in whole-page mode and in reading-text mode, against Readability's article text as the oracle. Prints a table and
 * each browser's totals, and writes the results (bench/eval-pages.json for a full run). See README, "Real-pages
 * evaluation"; the steps per page are in scripts/eval-pages/page-steps.ts.
 *
 *   npm run eval:pages                                  # every page, both browsers
 *   npm run eval:pages -- --browser firefox --pages 10  # the first 10 pages, one browser
 *   npm run eval:pages -- --filter nytimes --where      # pages whose file name contains "nytimes"; where outside marks land
 *   npm run eval:pages -- --details /tmp/eval.json      # also every detail, page text included (keep it out of the project)
 *
 * A partial run writes results only with `--out <file>`; `--timeout <ms>` bounds each page (default 60 s).
 * Builds: GLOSS_CHROME_BUILD / GLOSS_FIREFOX_BUILD, as for the browser tests (default .output/chrome-mv3 and
 * .output/firefox-mv3-test: `npm run build && npm run build:test`).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BROWSERS, type BrowserName } from '../tests/browser/driver';
import { startOutsideProxy } from '../tests/browser/outside-proxy';
import { buildPageScript } from './eval-pages/page-script';
import { formatSummary, summarize, tableHeader, tableRow } from './eval-pages/report';
import { results } from './eval-pages/results';
import { runBrowser, type BrowserRun } from './eval-pages/run-browser';
import { servePages } from './eval-pages/serve';
import { formatWhere, summarizePlaces } from './eval-pages/where';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** GLOSS_REALPAGES: another folder of saved pages. */
const PAGES_DIR = resolve(process.env.GLOSS_REALPAGES || resolve(ROOT, '../shared/realpages'));
const RESULTS = resolve(ROOT, 'bench/eval-pages.json');

const { values } = parseArgs({
  options: {
    browser: { type: 'string' },
    pages: { type: 'string' },
    filter: { type: 'string' },
    where: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '60000' },
    out: { type: 'string' },
    details: { type: 'string' },
  },
});

if (!existsSync(PAGES_DIR)) {
  console.log(`eval:pages: ${PAGES_DIR} is absent, so there is nothing to evaluate (the saved real pages are not part of the project). Skipped.`);
  process.exit(0);
}

const browsers: BrowserName[] = values.browser ? [values.browser as BrowserName] : BROWSERS;
if (!browsers.every((name) => BROWSERS.includes(name))) {
  console.error(`--browser must be one of ${BROWSERS.join(', ')}`);
  process.exit(2);
}
const all = readdirSync(PAGES_DIR)
  .filter((name) => name.endsWith('.html'))
  .sort();
const filtered = values.filter ? all.filter((name) => name.includes(values.filter!)) : all;
const files = values.pages ? filtered.slice(0, Number(values.pages)) : filtered;
if (files.length === 0) {
  console.error(`no page of ${PAGES_DIR} matches`);
  process.exit(2);
}
const partial = files.length < all.length || browsers.length < BROWSERS.length;
const out = values.out ? resolve(values.out) : partial ? null : RESULTS;

const script = await buildPageScript();
const proxy = await startOutsideProxy();
const server = await servePages(PAGES_DIR, files);
const started = Date.now();
const runs: BrowserRun[] = [];
console.log(tableHeader());
try {
  for (const name of browsers) {
    runs.push(
      await runBrowser(name, {
        files,
        url: server.url,
        script,
        where: values.where!,
        pageTimeoutMs: Number(values.timeout),
        proxyPort: proxy.port,
        refusedSince: proxy.take,
        progress: (run) => console.log(tableRow(run)),
      }),
    );
  }
} finally {
  await server.close();
  await proxy.close();
}

const meta = { generatedAt: new Date().toISOString(), pagesDir: relative(ROOT, PAGES_DIR), pages: files.length, wallMs: Date.now() - started };
const summaries = runs.map((run) => ({ run, summary: summarize(run) }));

console.log('');
for (const { run, summary } of summaries) console.log(formatSummary(run.browser, summary, run));
if (values.where) {
  for (const run of runs) {
    for (const mode of ['page', 'article'] as const) {
      const outside = run.pages.flatMap((page) => (page.outside ?? []).filter((mark) => mark.mode === mode && mark.place).map((mark) => mark.place!));
      const inside = run.pages.flatMap((page) => page.insidePlaces ?? []);
      console.log(`\n${formatWhere(`${run.browser}, ${mode === 'page' ? 'whole page' : 'reading text'}`, summarizePlaces(outside, inside))}`);
    }
  }
}
console.log(`\n${files.length} pages × ${runs.length} browser(s) in ${Math.round(meta.wallMs / 1000)} s`);
const write = (file: string, withText: boolean) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results(meta, summaries, withText), null, 1)}\n`);
  console.log(`${withText ? 'details' : 'results'} written to ${relative(process.cwd(), file)}`);
};
if (out) write(out, false);
else console.log('a partial run: results not written (--out <file> writes them)');
if (values.details) write(resolve(values.details), true);
