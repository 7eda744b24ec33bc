/**
 * What the evaluation writes. The committed results (bench/eval-pages.json) hold figures and no text of the saved
 * pages (house rule: the pages are evaluation data, never copied into the project): no titles or bylines, no DOM
 * excerpts, no class names, no browser messages quoting a page, no host names the pages asked for. Mark texts stay: they are names from Gloss's own
 * knowledge as they were found. `--details <file>` writes everything, for a file outside the project.
 */
import type { BrowserSummary } from './report';
import type { BrowserRun, PageRun } from './run-browser';

function pageWithoutText(page: PageRun) {
  const { oracle, domDiffs, unattributed, outside, insidePlaces: _places, unjudged, ...rest } = page;
  return {
    ...rest,
    oracle: oracle && {
      article: oracle.article,
      readerable: oracle.readerable,
      textNodes: oracle.textNodes,
      ...(oracle.article ? { articleChars: oracle.articleChars, foundByText: oracle.foundByText, lost: oracle.lost } : {}),
    },
    domDiffs: domDiffs?.map(({ mode, at, lengths }) => ({ mode, at, lengths })),
    unattributed: unattributed.length,
    outside: outside?.map(({ mode, kind, text }) => ({ mode, kind, text })),
    unjudged: unjudged?.map(({ mode, kind, text }) => ({ mode, kind, text })),
  };
}

export interface Meta {
  generatedAt: string;
  pagesDir: string;
  pages: number;
  wallMs: number;
}

export function results(meta: Meta, runs: { run: BrowserRun; summary: BrowserSummary }[], withText: boolean) {
  return {
    ...meta,
    browsers: Object.fromEntries(
      runs.map(({ run, summary }) => [
        run.browser,
        {
          ...summary,
          unattributed: withText ? summary.unattributed : summary.unattributed.reduce((n, [, pages]) => n + pages, 0),
          launchMs: run.launchMs,
          wallMs: run.wallMs,
          refused: withText
            ? run.refused
            : { requests: Object.values(run.refused).reduce((a, b) => a + b, 0), hosts: Object.keys(run.refused).length },
          pages: withText ? run.pages : run.pages.map(pageWithoutText),
        },
      ]),
    ),
  };
}
