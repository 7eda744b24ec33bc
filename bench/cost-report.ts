/** The page-cost sections' results and their Markdown tables. */
import { QUIET_MS, type Marker } from './chromium-cost';
import type { PageCost } from './page-cost';
import type { Stat } from './report';

export interface CostResults {
  /** The naive marker's content script (its surface forms included). */
  naiveMarkerBytes: number;
  reps: number;
  chromium: PageCost[];
  /** Main-thread time to mark 100 paragraphs appended to a marked page; null when not measured. */
  append: { page: string; paragraphs: number; cpuMs: Partial<Record<Marker, Stat>>; busyMs: Partial<Record<Marker, Stat>> } | null;
  /** null: not measured, with the reason. */
  real: { reps: number; sampled: number; pages: PageCost[] } | { skipped: string };
  firefox: { browser: string; reps: number; pages: PageCost[] } | { skipped: string };
}

const f = (n: number | undefined, digits = 0) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const median = (s: Stat | null | undefined) => s?.median;
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}×` : '–');
const pair = (a: number | undefined, b: number | undefined) => `${f(a)} / ${f(b)}`;

/** What a marker adds to the page's main thread: its median less the median with no marker. */
function adds(page: PageCost, marker: Marker): number {
  return (page.cpuMs[marker]?.median ?? NaN) - (page.cpuMs.none?.median ?? NaN);
}

/** The real pages as one: main-thread times are sums of the pages' medians, timings the median over pages. */
export function total(pages: PageCost[], label: string): PageCost {
  const timing = typical(pages, label);
  const sum = (what: 'cpuMs' | 'busyMs', marker: Marker): Stat => {
    const median = pages.reduce((s, page) => s + (page[what][marker]?.median ?? 0), 0);
    return { median, min: median, max: median, n: pages.length };
  };
  const markers: Marker[] = ['none', 'naive', 'gloss'];
  return {
    page: label,
    real: true,
    ranges: Object.fromEntries(markers.map((m) => [m, pages.reduce((s, page) => s + (page.ranges[m] ?? 0), 0)])),
    busyMs: Object.fromEntries(markers.map((m) => [m, sum('busyMs', m)])),
    cpuMs: Object.fromEntries(markers.map((m) => [m, sum('cpuMs', m)])),
    longestExtensionTaskMs: Object.fromEntries(
      markers.map((m) => [
        m,
        { median: Math.max(0, ...pages.map((p) => p.longestExtensionTaskMs[m]?.median ?? 0)), min: 0, max: 0, n: pages.length },
      ]),
    ),
    firstInViewMs: timing.firstInViewMs,
    lastMarkMs: timing.lastMarkMs,
    gloss: timing.gloss,
    selfMs: Object.fromEntries(
      markers.map((m) => [
        m,
        pages.reduce<Record<string, number>>((out, page) => {
          for (const [name, ms] of Object.entries(page.selfMs[m] ?? {})) out[name] = (out[name] ?? 0) + ms;
          return out;
        }, {}),
      ]),
    ),
  };
}

function costRow(page: PageCost): string {
  return (
    `| ${page.page} | ${pair(page.ranges.gloss, page.ranges.naive)} | ${f(median(page.cpuMs.none))} | ${f(adds(page, 'gloss'))} | ${f(adds(page, 'naive'))} | ` +
    `${ratio(adds(page, 'gloss'), adds(page, 'naive'))} | ${ratio(median(page.cpuMs.gloss) ?? NaN, median(page.cpuMs.none) ?? NaN)} | ` +
    `${f(median(page.longestExtensionTaskMs.gloss), 1)} | ${f(median(page.gloss?.scriptStartMs))} | ` +
    `${f((median(page.firstInViewMs.gloss) ?? NaN) - (median(page.gloss?.scriptStartMs) ?? NaN))} | ` +
    `${pair(median(page.firstInViewMs.gloss), median(page.firstInViewMs.naive))} | ${pair(median(page.lastMarkMs.gloss), median(page.lastMarkMs.naive))} |`
  );
}

/** The event names whose self time Gloss grows most over no marker: "PrePaint +145". */
function growth(page: PageCost, count = 6): string {
  const gloss = page.selfMs.gloss ?? {};
  const none = page.selfMs.none ?? {};
  return Object.keys(gloss)
    .map((name) => [name, gloss[name]! - (none[name] ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .filter(([, ms]) => ms >= 0.5)
    .map(([name, ms]) => `${name} +${f(ms)}`)
    .join(', ');
}

/** Timing over many pages: per column, the median of the pages' medians. */
function typical(pages: PageCost[], label: string): PageCost {
  const mid = (values: (number | undefined)[]): Stat | null => {
    const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
    if (present.length === 0) return null;
    const m = present.length >> 1;
    const median = present.length % 2 ? present[m]! : (present[m - 1]! + present[m]!) / 2;
    return { median, min: present[0]!, max: present.at(-1)!, n: present.length };
  };
  const gloss = (key: 'scriptStartMs' | 'firstPassDoneMs' | 'longestSliceMs') =>
    mid(pages.map((p) => p.gloss?.[key].median)) ?? { median: NaN, min: NaN, max: NaN, n: 0 };
  return {
    page: label,
    real: true,
    ranges: { gloss: pages.reduce((s, p) => s + (p.ranges.gloss ?? 0), 0), naive: pages.reduce((s, p) => s + (p.ranges.naive ?? 0), 0) },
    busyMs: {},
    cpuMs: {},
    longestExtensionTaskMs: {},
    firstInViewMs: { gloss: mid(pages.map((p) => p.firstInViewMs.gloss?.median)), naive: mid(pages.map((p) => p.firstInViewMs.naive?.median)) },
    lastMarkMs: { gloss: mid(pages.map((p) => p.lastMarkMs.gloss?.median)), naive: mid(pages.map((p) => p.lastMarkMs.naive?.median)) },
    gloss: { scriptStartMs: gloss('scriptStartMs'), firstPassDoneMs: gloss('firstPassDoneMs'), longestSliceMs: gloss('longestSliceMs') },
    selfMs: {},
  };
}

function firefoxRow(page: PageCost): string {
  return (
    `| ${page.page} | ${pair(page.ranges.gloss, page.ranges.naive)} | ${f(median(page.gloss?.scriptStartMs))} | ${f(median(page.firstInViewMs.gloss))} | ` +
    `${f(median(page.lastMarkMs.gloss))} | ${f(median(page.gloss?.firstPassDoneMs))} | ${f(median(page.gloss?.longestSliceMs), 1)} | ` +
    `${f(median(page.firstInViewMs.naive))} | ${f(median(page.lastMarkMs.naive))} |`
  );
}

export function costMarkdown(results: CostResults, chromiumVersion: string): string {
  const real = 'pages' in results.real ? results.real : null;
  const worst = real ? [...real.pages].sort((a, b) => adds(b, 'gloss') - adds(a, 'gloss')).slice(0, 5) : [];
  const realTotal =
    real && real.pages.length > 0 ? total(real.pages, `**real pages: ${real.pages.length}, summed** (timings: median over pages)`) : null;
  const lines = [
    `**What the page pays** (${chromiumVersion}, headless, each page loaded fresh by each marker in turn, alternating order; medians of ${results.reps} loads, real pages ${real?.reps ?? '–'}). ` +
      `Main-thread time is the thread time of the page's main-thread tasks in a Chromium trace, from navigation until the marker is done and the page has been quiet for ${QUIET_MS} ms ` +
      '(thread time, not wall time: on a shared machine other processes stretch wall time several-fold; results.json has both); ' +
      '"adds" is the median with the marker less the median with none. ' +
      `The naive marker (\`bench/naive-marker/\`, ${f(results.naiveMarkerBytes / 1024, 1)} KB) runs one regular expression over every text node and registers one highlight, unsliced. ` +
      'Times from DOMContentLoaded, in ms.',
    '',
    '| page | ranges: Gloss / naive | main thread, no marker | Gloss adds | naive adds | Gloss ÷ naive | with Gloss ÷ without | longest Gloss task | DCL → Gloss starts | Gloss starts → first mark in view | DCL → first mark in view: Gloss / naive | DCL → last mark: Gloss / naive |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.chromium.map(costRow),
    ...(realTotal ? [costRow(realTotal), ...worst.map((page) => costRow({ ...page, page: `real: ${page.page}` }))] : []),
  ];
  if ('skipped' in results.real) lines.push('', `Real pages: ${results.real.skipped}`);
  if (results.append) {
    const { append } = results;
    lines.push(
      '',
      `${append.paragraphs} paragraphs appended to ${append.page} (traced from the append until marked and quiet): main-thread time with Gloss ${f(median(append.cpuMs.gloss))} ms, ` +
        `without ${f(median(append.cpuMs.none))} ms; Gloss adds ${f((median(append.cpuMs.gloss) ?? NaN) - (median(append.cpuMs.none) ?? NaN))} ms.`,
    );
  }
  lines.push(
    '',
    "Where the time Gloss adds goes (trace events by self time, mean with Gloss less mean with none, ms; RunMicrotasks is mostly Gloss's own script, resumed after each slice's yield):",
    '',
    '| page | grows most |',
    '|---|---|',
    ...[...results.chromium, ...(realTotal ? [realTotal] : [])].map((page) => `| ${page.page} | ${growth(page)} |`),
  );
  if ('pages' in results.firefox) {
    lines.push(
      '',
      `**Firefox** (${results.firefox.browser}, headless; no trace, so the marks' timing only; medians of ${results.firefox.reps} loads; from DOMContentLoaded, ms):`,
      '',
      '| page | ranges: Gloss / naive | Gloss: script starts | first mark in view | last mark | first pass done | longest slice | naive: first mark in view | last mark |',
      '|---|---|---|---|---|---|---|---|---|',
      ...results.firefox.pages.filter((page) => !page.real).map(firefoxRow),
      ...(results.firefox.pages.some((page) => page.real)
        ? [
            firefoxRow(
              typical(
                results.firefox.pages.filter((page) => page.real),
                `**real pages: median over ${results.firefox.pages.filter((page) => page.real).length}** (ranges summed)`,
              ),
            ),
          ]
        : []),
    );
  } else {
    lines.push('', `Firefox: ${results.firefox.skipped}`);
  }
  return lines.join('\n');
}
