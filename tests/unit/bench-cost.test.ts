import { describe, expect, it } from 'vitest';
import type { LoadSample, Marker } from '../../bench/chromium-cost';
import { total } from '../../bench/cost-report';
import { summarise } from '../../bench/page-cost';
import type { MainThreadCost } from '../../bench/trace';

const cost = (cpuMs: number, selfMs: Record<string, number> = {}): MainThreadCost => ({
  busyMs: cpuMs * 2,
  cpuMs,
  tasks: 1,
  longestTaskMs: cpuMs,
  extensionMs: 0,
  longestExtensionTaskMs: cpuMs / 4,
  selfMs,
});

/** One load: DOMContentLoaded at `dcl`, the first mark in view and the last mark at the given page times. */
const load = (dcl: number, firstInView: number | null, lastMark: number | null, ms: number, ranges = 3): LoadSample => ({
  cost: cost(ms, { PrePaint: ms / 2 }),
  probe: { url: 'http://127.0.0.1/a.html', domContentLoaded: dcl, ranges, registered: [], firstInView, lastMark },
  diagnostics: null,
});

const target = { page: 'a', url: 'http://127.0.0.1/a.html', real: true };

describe('a page summarised over its loads', () => {
  const samples = new Map<Marker, LoadSample[]>([
    ['none', [load(100, null, null, 10, 0), load(50, null, null, 30, 0), load(80, null, null, 20, 0)]],
    ['gloss', [load(100, 140, 150, 40), load(50, 70, 90, 60), load(80, null, 100, 50)]],
  ]);
  const page = summarise(target, samples);

  it.each<[string, unknown, unknown]>([
    ['main-thread time is the median of the loads', page.cpuMs.gloss?.median, 50],
    ['wall time is kept apart', page.busyMs.gloss?.median, 100],
    ["marks are timed from each load's own DOMContentLoaded", page.lastMarkMs.gloss?.median, 40],
    ['a load with no mark in view does not count towards the first one', page.firstInViewMs.gloss, { median: 30, min: 20, max: 40, n: 2 }],
    ['no marks, no timing', page.firstInViewMs.none, null],
    ['self times are the mean over loads', page.selfMs.gloss?.PrePaint, 25],
  ])('%s', (_what, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('the real pages as one', () => {
  const one = (noneMs: number, glossMs: number, glossRanges: number) =>
    summarise(
      target,
      new Map<Marker, LoadSample[]>([
        ['none', [load(0, null, null, noneMs, 0)]],
        ['gloss', [load(0, 5, 10, glossMs, glossRanges)]],
      ]),
    );

  it('sums the main-thread time and the ranges of every page', () => {
    const all = total([one(10, 15, 2), one(100, 130, 0)], 'all');
    expect([all.cpuMs.none?.median, all.cpuMs.gloss?.median, all.ranges.gloss]).toEqual([110, 145, 2]);
  });
});
