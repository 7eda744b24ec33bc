/**
 * The benchmark's page side, bundled into one script and run in the page's
 * main world: the floor (a TreeWalker read of every text node), Gloss's own
 * pipeline (the content script's modules, sliced as in the extension, and
 * once more unsliced with each phase timed), and mark.js on the same aliases.
 */
import Mark from 'mark.js';
import { createMatcher, createContext } from '@/core/match';
import type { CompiledIndex, Kind } from '@/core/types';
import { HighlightPainter } from '@/entrypoints/content/highlight-painter';
import { PageMarks } from '@/entrypoints/content/page-marks';
import { PageSession } from '@/entrypoints/content/page-session';
import { Scheduler, SLICING } from '@/entrypoints/content/scheduler';
import { walkText } from '@/entrypoints/content/text-walker';
import { readingScope } from '@/entrypoints/content/reading-text';

interface Setup {
  index: CompiledIndex;
  kinds: Record<string, Kind>;
  /** Surface forms for mark.js: names (any case) and acronyms (exact case). */
  names: string[];
  acronyms: string[];
}

let setup: Setup;
let session: PageSession | null = null;
let marker: Mark | null = null;

const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

const api = {
  init(value: Setup) {
    setup = value;
  },

  floor(): { ms: number; characters: number } {
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let characters = 0;
    while (walker.nextNode()) characters += (walker.currentNode as Text).data.length;
    return { ms: performance.now() - start, characters };
  },

  /** The extension's path: matcher creation, then extract → match → paint in slices, until the highlights are registered. */
  async gloss(): Promise<{ ms: number; firstFrameMs: number; ranges: number; longestSliceMs: number; slices: number }> {
    const start = performance.now();
    const scheduler = new Scheduler(SLICING);
    session = new PageSession({
      matcher: createMatcher(setup.index),
      kindOf: (id) => setup.kinds[id]!,
      isShown: () => true,
      painter: new HighlightPainter(),
      scheduler,
      // What the extension marks by default, so the benchmark pays for finding it too.
      scope: () => readingScope(),
    });
    await session.start();
    const ms = performance.now() - start;
    await frames();
    const firstFrameMs = performance.now() - start;
    const ranges = [...session.marks.marks].reduce((n, mark) => n + mark.pieces.length, 0);
    return { ms, firstFrameMs, ranges, longestSliceMs: Math.max(...scheduler.slices.map((s) => s.ms)), slices: scheduler.slices.length };
  },

  glossClear() {
    session?.stop();
    session = null;
  },

  /** The same work unsliced, each phase timed: walk, match, record, paint. */
  glossPhases(): Record<'walk' | 'match' | 'record' | 'paint', number> {
    const t0 = performance.now();
    const chunks = [...walkText(document.body)];
    const t1 = performance.now();
    const matcher = createMatcher(setup.index);
    const context = createContext();
    const found = chunks.map((chunk) => matcher.match(chunk.text, context));
    const t2 = performance.now();
    const marks = new PageMarks((id) => setup.kinds[id]!);
    const added = chunks.flatMap((chunk, i) => marks.addFromChunk(chunk, found[i]!));
    const t3 = performance.now();
    const painter = new HighlightPainter();
    painter.add(added);
    const t4 = performance.now();
    painter.detach();
    return { walk: t1 - t0, match: t2 - t1, record: t3 - t2, paint: t4 - t3 };
  },

  /** mark.js with the settings the design names as its best for this job. */
  markjs(): Promise<{ ms: number; marks: number }> {
    const start = performance.now();
    marker = new Mark(document.body);
    const options = {
      separateWordSearch: false,
      diacritics: false,
      accuracy: { value: 'exactly' as const, limiters: [',', '.', ';', ':', '!', '?', '"', "'", '’', '(', ')', '-', '—'] },
    };
    return new Promise((resolve) => {
      marker!.mark(setup.names, {
        ...options,
        caseSensitive: false,
        done: () =>
          marker!.mark(setup.acronyms, {
            ...options,
            caseSensitive: true,
            done: (count: number) => resolve({ ms: performance.now() - start, marks: document.querySelectorAll('mark').length || count }),
          }),
      });
    });
  },

  markjsClear(): Promise<void> {
    return new Promise((resolve) => (marker ? marker.unmark({ done: () => resolve() }) : resolve()));
  },

  frames,
};

(globalThis as unknown as { glossBench: typeof api }).glossBench = api;
