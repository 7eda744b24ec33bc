/**
 * npm run bench [-- --reps N] [--smoke] [--readme] [--out FILE] [--sections LIST] [--pages LIST]
 *                  [--real-pages N] [--real-reps N] [--firefox-reps N] [--no-build] [--popup] [--extension DIR]
 *                  [--scale [--sizes LIST] [--readme]]
 * Measures Gloss on generated pages (and a sample of saved real ones) in one run, in sections:
 *   in-page  in one headless Chromium: the floor, Gloss's own modules and mark.js (bench/in-page.ts), then the
 *            real extension's start-up, live updates and popup (bench/extension.ts);
 *   cost     what the page pays, from a Chromium trace: main-thread time with no marker, the naive marker
 *            (bench/naive-marker/) and Gloss, and DOMContentLoaded → first mark in view / last mark
 *            (bench/page-cost.ts); and 100 appended paragraphs;
 *   real     the same on `--real-pages` pages of ../shared/realpages (skipped with a message when absent);
 *   firefox  the marks' timing in Firefox ESR, Gloss and the naive marker, on the same pages.
 * Writes bench/results.json and prints Markdown tables (--readme puts them in the README).
 * `--popup` measures only the popup and prints its runs, writing nothing;
 * `--extension DIR` measures another build (with `--no-build`, to compare two).
 * `--scale` measures only how the page's cost grows with the knowledge (bench/scale.ts), writing bench/scale.json
 * (and, with --readme, its table into the README's scale section).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildBundle } from '../knowledge/bundle';
import { loadKnowledge } from '../knowledge/load';
import { CHROMIUM_PATH } from '../scripts/chromium';
import { launchChromium, type MarkerSession } from './chromium-cost';
import { costMarkdown, type CostResults } from './cost-report';
import { measureExtension } from './extension';
import { FIREFOX_PATH, launchFirefox } from './firefox-cost';
import { measureInPage } from './in-page';
import { buildNaiveMarker } from './naive-marker';
import { measureAppend, measurePages, type CostTarget } from './page-cost';
import { generatePage, PAGES } from './pages';
import { REAL_PAGES_DIR, samplePages } from './real-pages';
import { runScale } from './scale';
import { markdown, stat, type Results } from './report';
import { startBenchServer } from './serve';

const SECTIONS = ['in-page', 'cost', 'real', 'firefox'] as const;
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    smoke: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    'no-build': { type: 'boolean', default: false },
    popup: { type: 'boolean', default: false },
    extension: { type: 'string', default: '.output/chrome-mv3' },
    sections: { type: 'string', default: SECTIONS.join(',') },
    pages: { type: 'string' },
    'real-pages': { type: 'string', default: '12' },
    'real-reps': { type: 'string', default: '3' },
    'firefox-reps': { type: 'string', default: '3' },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '27,500,5000' },
  },
});
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const log = (line: string) => console.error(line);
/** Puts `table` between the README's `<!-- name:start -->` and `<!-- name:end -->`. */
function writeReadmeSection(name: string, table: string): void {
  const file = resolve(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const section = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!section.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
  writeFileSync(
    file,
    readme.replace(section, (_all, start: string, end: string) => `${start}\n${table}\n${end}`),
  );
}

if (values.scale) {
  const table = await runScale(values.sizes.split(',').map(Number), Number(values.reps), log);
  if (values.readme) writeReadmeSection('scale', table);
  process.exit(0);
}
const sections = new Set(values.popup ? ['in-page'] : values.sections.split(','));
for (const section of sections)
  if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`unknown section ${section}; use ${SECTIONS.join(', ')}`);
const REPS = values.smoke ? 1 : Number(values.reps);
const SMOKE_PAGES = ['article-10kb', 'no-mention-20kb'];
const chosen = values.pages?.split(',') ?? (values.smoke ? SMOKE_PAGES : null);
const pages = values.popup ? [] : PAGES.filter((p) => !chosen || chosen.includes(p.name));
// The smoke run is what `npm test` runs: it must not depend on data outside the project.
const realFiles = values.smoke ? [] : samplePages(Number(values['real-pages']));
const realSkipped = values.smoke
  ? 'left out of the smoke run.'
  : realFiles.length === 0
    ? `${REAL_PAGES_DIR} is absent, so no real page was measured.`
    : null;
if (sections.has('real') && realSkipped) log(`real pages: ${realSkipped}`);

const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv3-test');
if (!values['no-build']) {
  execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  if (sections.has('firefox')) execSync('npx wxt build -b firefox --mv3 --mode test', { cwd: ROOT, stdio: 'ignore' });
}

const knowledge = buildBundle(loadKnowledge());
const forms = knowledge.entities.flatMap((e) => e.aliases);
const server = await startBenchServer(
  new Map(pages.map((spec) => [spec.name, generatePage(spec, forms)])),
  realFiles.length > 0 ? REAL_PAGES_DIR : null,
);
const extension = resolve(ROOT, values.extension);
// The system's wrapper script prints the version after a complaint of its own on stderr.
const chromiumVersion = execSync(`${CHROMIUM_PATH} --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  .split(' built')[0]!
  .trim();

let report: Results | null = null;
if (sections.has('in-page')) {
  const { results } = await measureInPage({ pages, url: (name) => server.url(name), knowledge, reps: REPS, warm: values.smoke ? 1 : 3, log });
  const measured = await measureExtension({
    extension,
    results,
    url: (name) => server.url(name),
    reps: REPS,
    dynamicPage: values.smoke ? 'article-10kb' : 'article-100kb',
    popupOnly: values.popup,
  });
  if (values.popup) {
    for (const [what, runs] of [
      ['code starts', measured.popupRuns.start],
      ['summary shown', measured.popupRuns.ready],
    ] as const) {
      const { median, min, max } = stat(runs);
      console.log(
        `popup ${what} (ms): median ${median.toFixed(1)}, min ${min.toFixed(1)}, max ${max.toFixed(1)}; runs ${runs.map((ms) => ms.toFixed(1)).join(' ')}`,
      );
    }
    server.close();
    process.exit(0);
  }
  const content = readFileSync(resolve(extension, 'content-scripts/content.js'));
  report = {
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    browser: chromiumVersion,
    date: new Date().toISOString().slice(0, 10),
    reps: REPS,
    bundle: { rawKB: content.length / 1024, gzipKB: gzipSync(content, { level: 9 }).length / 1024 },
    pages: results,
    dynamic: measured.dynamic,
    popup: measured.popup,
  };
}

let cost: CostResults | null = null;
if (sections.has('cost') || sections.has('real') || sections.has('firefox')) {
  const naive = buildNaiveMarker(forms);
  const generated: CostTarget[] = pages.map((spec) => ({ page: spec.name, url: server.url(spec.name, { probe: true }), real: false }));
  const real: CostTarget[] = realFiles.map((file) => ({ page: file.replace(/\.html$/, ''), url: server.realUrl(file), real: true }));
  cost = {
    naiveMarkerBytes: naive.scriptBytes,
    reps: REPS,
    chromium: [],
    append: null,
    real: { skipped: sections.has('real') ? realSkipped! : 'not measured in this run (--sections).' },
    firefox: { skipped: 'not measured in this run (--sections).' },
  };
  if (sections.has('cost') || (sections.has('real') && real.length > 0)) {
    const sessions: MarkerSession[] = [
      await launchChromium('none', null),
      await launchChromium('naive', naive.dir),
      await launchChromium('gloss', extension),
    ];
    try {
      if (sections.has('cost')) {
        cost.chromium = await measurePages(generated, sessions, REPS, log);
        const appendPage = values.smoke ? 'article-10kb' : 'article-100kb';
        if (pages.some((spec) => spec.name === appendPage)) {
          const url = server.url(appendPage, { probe: true });
          const withAndWithout = [sessions[0]!, sessions[2]!];
          cost.append = { page: appendPage, paragraphs: 100, ...(await measureAppend(url, withAndWithout, REPS)) };
        }
      }
      if (sections.has('real') && real.length > 0) {
        const reps = values.smoke ? 1 : Number(values['real-reps']);
        cost.real = { reps, sampled: real.length, pages: await measurePages(real, sessions, reps, log) };
      }
    } finally {
      for (const session of sessions) await session.close();
    }
  }
  if (sections.has('firefox')) {
    const sessions = [await launchFirefox('naive', naive.dir), await launchFirefox('gloss', FIREFOX_BUILD)];
    try {
      const reps = values.smoke ? 1 : Number(values['firefox-reps']);
      const targets = [...generated, ...(sections.has('real') ? real : [])];
      cost.firefox = {
        browser: execSync(`${FIREFOX_PATH} --version`, { encoding: 'utf8' }).trim(),
        reps,
        pages: await measurePages(targets, sessions, reps, log),
      };
    } finally {
      for (const session of sessions) await session.close();
    }
  }
}
server.close();

writeFileSync(resolve(ROOT, values.out), `${JSON.stringify({ ...(report ?? {}), ...(cost ? { cost } : {}) }, null, 2)}\n`);
const table = [...(report ? [markdown(report)] : []), ...(cost ? [costMarkdown(cost, chromiumVersion)] : [])].join('\n\n');
console.log(table);
if (values.readme) writeReadmeSection('bench', table);
