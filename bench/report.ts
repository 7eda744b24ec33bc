/** Statistics and the Markdown table for the benchmark's results. */

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

export interface PageResult {
  page: string;
  characters: number;
  elements: number;
  floor: { cold: Stat; warm: Stat };
  gloss: { cold: Stat; warm: Stat; firstFrame: Stat; ranges: number; slices: number; longestSliceMs: Stat; heapGrowthMB: Stat };
  phases: Record<'walk' | 'match' | 'record' | 'paint', Stat>;
  markjs: { cold: Stat; marks: number } | null;
  extension: { readyMs: Stat; longestSliceMs: Stat };
}

export interface Results {
  machine: string;
  browser: string;
  date: string;
  reps: number;
  bundle: { rawKB: number; gzipKB: number };
  pages: PageResult[];
  dynamic: { page: string; paragraphs: number; ms: Stat };
  /** From the popup's navigation: its code starting (the bundle loaded and evaluated) and the page's summary shown. */
  popup: { startMs: Stat; readyMs: Stat };
}

const f = (n: number, digits = 1) => n.toFixed(digits);
const spread = (s: Stat) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const ratio = (a: number, b: number) => (b > 0 ? `${f(a / b, 2)}×` : '–');

export function markdown(results: Results): string {
  const lines = [
    `Measured ${results.date} on ${results.machine}, ${results.browser}, headless; medians of ${results.reps} runs (min–max), in ms.`,
    '',
    '| page | floor | Gloss (marks painted) | + first frame | Gloss ÷ floor | mark.js | mark.js ÷ Gloss | longest slice | ranges | heap growth (MB) | in the extension: start → ready |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const page of results.pages) {
    const { floor, gloss, markjs, extension } = page;
    lines.push(
      `| ${page.page} (${Math.round(page.characters / 1000)} KB, ${page.elements} elements) | ${spread(floor.cold)} | ${spread(gloss.cold)} | ${f(gloss.firstFrame.median)} | ` +
        `${ratio(gloss.cold.median, floor.cold.median)} | ${markjs ? spread(markjs.cold) : 'not run'} | ${markjs ? ratio(markjs.cold.median, gloss.cold.median) : '–'} | ` +
        `${f(gloss.longestSliceMs.median)} | ${gloss.ranges} | ${f(gloss.heapGrowthMB.median, 2)} | ${spread(extension.readyMs)} |`,
    );
  }
  lines.push(
    '',
    "Where Gloss's time goes, warm, unsliced (ms): ",
    '',
    '| page | walk | match | record | paint | warm total, sliced | floor, warm |',
    '|---|---|---|---|---|---|---|',
    ...results.pages.map(
      (p) =>
        `| ${p.page} | ${f(p.phases.walk.median)} | ${f(p.phases.match.median)} | ${f(p.phases.record.median)} | ${f(p.phases.paint.median)} | ${f(p.gloss.warm.median)} | ${f(p.floor.warm.median)} |`,
    ),
    '',
    `Content script: ${f(results.bundle.rawKB)} KB, ${f(results.bundle.gzipKB)} KB gzipped (no knowledge: it asks the background for it). ` +
      `${results.dynamic.paragraphs} paragraphs appended to ${results.dynamic.page}: marked ${spread(results.dynamic.ms)} ms after insertion. ` +
      `Popup shows the page summary ${spread(results.popup.readyMs)} ms after navigation starts; its code starts at ${spread(results.popup.startMs)} ms.`,
  );
  return lines.join('\n');
}
