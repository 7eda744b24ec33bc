/** The evaluation's table (one row per page per browser, then each browser's totals) and its summary per browser. */
import { totals, type Totals } from './figures';
import type { BrowserRun, PageRun } from './run-browser';

export interface BrowserSummary {
  totals: Totals;
  failed: string[];
  domChanged: string[];
  withExtensionErrors: string[];
  /** Uncaught exceptions that name no script, by message (its first 80 characters), with the pages they were on. */
  unattributed: [string, number][];
  liveMismatch: string[];
  /** Time to mark (firstPassDone − scriptStart) over the pages, ms. */
  timeMs: Record<'page' | 'article', { median: number | null; p90: number | null; max: number | null }>;
  /** Most article-mode marks outside the article text first. */
  worst: { file: string; outside: number; inside: number }[];
}

const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};

const timing = (values: number[]) => ({ median: percentile(values, 0.5), p90: percentile(values, 0.9), max: percentile(values, 1) });

function unattributed(pages: PageRun[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const text of new Set(page.unattributed.map((message) => message.replace(/https?:\/\/\S+|blob:\S+/g, '<url>').slice(0, 80)))) {
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function summarize(run: BrowserRun): BrowserSummary {
  const done = run.pages.filter((page) => page.figures);
  const times = (mode: 'page' | 'article') => done.map((page) => page.timeMs![mode]).filter((ms): ms is number => ms !== null);
  return {
    totals: totals(done.map((page) => page.figures!)),
    failed: run.pages.filter((page) => page.failure).map((page) => `${page.file}: ${page.failure}`),
    domChanged: done.filter((page) => page.domDiffs!.length > 0).map((page) => page.file),
    withExtensionErrors: run.pages.filter((page) => page.extensionErrors.length > 0).map((page) => page.file),
    unattributed: unattributed(run.pages),
    liveMismatch: done.filter((page) => !page.live!.same).map((page) => page.file),
    timeMs: { page: timing(times('page')), article: timing(times('article')) },
    worst: done
      .filter((page) => page.figures!.articleMode.outside > 0)
      .sort((a, b) => b.figures!.articleMode.outside - a.figures!.articleMode.outside)
      .slice(0, 10)
      .map((page) => ({ file: page.file, outside: page.figures!.articleMode.outside, inside: page.figures!.articleMode.inside })),
  };
}

const pct = (value: number | null) => (value === null ? '–' : `${(100 * value).toFixed(1)}%`);
const share = (inside: number, outside: number) => pct(inside + outside === 0 ? null : inside / (inside + outside));
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(value));

const COLUMNS = ['page', 'browser', 'article', 'page in/out', 'article in/out', 'inside', 'recall', 'ms page/art', 'DOM', 'errors', 'live'];
const WIDTHS = [42, 8, 8, 12, 14, 7, 7, 12, 5, 7, 5];

const line = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.slice(0, WIDTHS[i]).padEnd(WIDTHS[i]!) : cell.padStart(WIDTHS[i]!))).join(' ');

export const tableHeader = () => `${line(COLUMNS)}\n${'-'.repeat(WIDTHS.reduce((a, b) => a + b + 1, 0))}`;

export function tableRow(page: PageRun): string {
  const errors = String(page.extensionErrors.length);
  if (!page.figures) return `${line([page.file, page.browser, '', '', '', '', '', '', '', errors, ''])}  FAILED: ${page.failure}`;
  const f = page.figures;
  const cells = [
    page.file,
    page.browser,
    f.article ? 'yes' : 'none',
    f.article ? `${f.pageMode.inside}/${f.pageMode.outside}` : `(${f.unjudged.page})`,
    f.article ? `${f.articleMode.inside}/${f.articleMode.outside}` : `(${f.unjudged.article})`,
    f.article ? share(f.articleMode.inside, f.articleMode.outside) : '',
    f.article ? pct(f.recall.of === 0 ? null : f.recall.kept / f.recall.of) : '',
    `${ms(page.timeMs!.page)}/${ms(page.timeMs!.article)}`,
    page.domDiffs!.length === 0 ? 'same' : 'DIFF',
    errors,
    page.live!.same ? 'ok' : 'DIFF',
  ];
  return line(cells);
}

/** The total, and the hosts asked for most. */
function refused(hosts: Record<string, number>): string {
  const rows = Object.entries(hosts).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return 'none';
  const total = rows.reduce((n, [, count]) => n + count, 0);
  const more = rows.length > 8 ? `, and ${rows.length - 8} more hosts` : '';
  return `${total} to ${rows.length} hosts: ${rows
    .slice(0, 8)
    .map(([host, n]) => `${host} ×${n}`)
    .join(', ')}${more}`;
}

export function formatSummary(browser: string, s: BrowserSummary, run: BrowserRun): string {
  const t = s.totals;
  const list = (items: string[]) => (items.length === 0 ? 'none' : `${items.length}: ${items.join(', ')}`);
  const time = (mode: 'page' | 'article') => `median ${ms(s.timeMs[mode].median)}, p90 ${ms(s.timeMs[mode].p90)}, max ${ms(s.timeMs[mode].max)}`;
  return [
    `== ${browser}: ${t.pages} pages evaluated (${t.noArticle} with no article), ${s.failed.length} failed; ${Math.round(run.wallMs / 1000)} s`,
    `   whole page:   ${t.pageMode.inside} marks inside the article text, ${t.pageMode.outside} outside (${pct(t.pageShareInside)} inside)`,
    `   reading text: ${t.articleMode.inside} inside, ${t.articleMode.outside} outside: ${pct(t.shareInside)} inside (target ≥ 90%)`,
    `   recall of the article's mentions: ${t.recall.kept} of ${t.recall.of} = ${pct(t.recallValue)} (target ≥ 97%)`,
    `   on pages with no article: ${t.unjudged.page} marks (whole page), ${t.unjudged.article} (reading text)`,
    `   DOM changed: ${list(s.domChanged)}`,
    `   content-script errors: ${list(s.withExtensionErrors)}`,
    `   uncaught errors naming no script (pages): ${s.unattributed.map(([text, n]) => `"${text}" ×${n}`).join('; ') || 'none'}`,
    `   live switch differs from a reload: ${list(s.liveMismatch)}`,
    `   failed: ${list(s.failed)}`,
    `   time to mark, ms: whole page ${time('page')}; reading text ${time('article')}`,
    `   most marks outside the article text (reading text): ${s.worst.map((w) => `${w.file} ${w.outside} (in ${w.inside})`).join(', ') || 'none'}`,
    `   requests refused (never sent to the network): ${refused(run.refused)}`,
  ].join('\n');
}
