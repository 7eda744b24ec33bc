/**
 * The scale benchmark's browser side, on one build of the extension in headless Chromium: its start-up on a page
 * that names nothing (from a trace: the main-thread time of the tasks that ran its script, compiling and
 * evaluating it included; and the extension's own clock from its first statement to its first pass done), and
 * the time from the pointer coming to rest on a mark to its card's dialog painted, less the dwell itself. Each
 * also with the service worker stopped first, as the browser stops it when idle: the page's question for the
 * knowledge, or the card's, then waits for it to start and read the packaged knowledge.
 */
import { DWELL_MS } from '../entrypoints/content/card-controller';
import { launchChromium, until } from './chromium-cost';
import { launchGlossContext } from './gloss-context';

export interface StartUpRuns {
  /** Main-thread time of the tasks that ran the content script, from the trace. */
  traceMs: number[];
  /** The content script's first statement to its first pass done, on its own clock. */
  readyMs: number[];
}

export async function measureStartUp(extension: string, url: string, reps: number): Promise<StartUpRuns> {
  const session = await launchChromium('gloss', extension);
  const runs: StartUpRuns = { traceMs: [], readyMs: [] };
  try {
    // The first load also starts the service worker and fills caches: it is not one a reader's page sees.
    await session.load(url);
    for (let rep = 0; rep < reps; rep++) {
      const { cost, diagnostics } = await session.load(url);
      runs.traceMs.push(cost!.extensionMs);
      runs.readyMs.push(diagnostics!.firstPassDone! - diagnostics!.scriptStart);
    }
  } finally {
    await session.close();
  }
  return runs;
}

/** Script → first pass, each load after the service worker was stopped. */
export async function measureWoken(extension: string, url: string, reps: number): Promise<number[]> {
  const { context, diagnostics, stopBackground } = await launchGlossContext(extension);
  const runs: number[] = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      await stopBackground();
      const page = await context.newPage();
      await page.goto(url);
      const done = await until(
        async () => {
          const known = await diagnostics();
          return known?.firstPassDone != null ? known : null;
        },
        'the first pass',
        50,
      );
      runs.push(done.firstPassDone! - done.scriptStart);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return runs;
}

/** In the page's main world: where the first marked range's text is, after scrolling it into view. */
const FIRST_MARK = () => {
  for (const highlight of CSS.highlights.values()) {
    for (const marked of highlight as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(marked.startContainer, marked.startOffset);
      range.setEnd(marked.endContainer, marked.endOffset);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      // A name broken over two lines has a bounding box whose centre is on neither: the first line's box is on it.
      const rect = range.getClientRects()[0];
      if (rect && rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
};

/**
 * In the page's main world: records when the pointer arrives and when a card's dialog is first painted. Plain
 * source text, since the loader's helpers for named functions don't exist in the page.
 */
const WATCH_CARD = `(() => {
  const times = (window.glossScaleCard = {});
  addEventListener('pointermove', (event) => (times.pointer ??= event.timeStamp), { capture: true });
  const watched = new WeakSet();
  const check = () => {
    const root = document.querySelector('gloss-card')?.shadowRoot;
    if (root && !watched.has(root)) {
      watched.add(root);
      observer.observe(root, { childList: true, subtree: true });
    }
    if (root?.querySelector('[role=dialog]') && times.shown === undefined) {
      times.shown = -1;
      requestAnimationFrame(() => (times.shown = performance.now()));
    }
  };
  // The card's host may be in the page already, with its shadow root: that is watched from now on.
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  check();
})()`;

/**
 * Pointer at rest on the page's first mark → that mark's card painted, less the dwell, on fresh loads of `url`;
 * with `woken`, the service worker is stopped before the pointer moves.
 */
export async function measureDwell(extension: string, url: string, reps: number, woken = false): Promise<number[]> {
  const { context, diagnostics, stopBackground } = await launchGlossContext(extension);
  const runs: number[] = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      const page = await context.newPage();
      await page.goto(url);
      await until(async () => (await diagnostics())?.firstPassDone, 'the first pass', 50);
      const point = await page.evaluate(FIRST_MARK);
      if (!point) throw new Error(`no mark on ${url}`);
      await page.evaluate(WATCH_CARD);
      if (woken) await stopBackground();
      // A background tab gets no animation frames, which the hit-test waits for.
      await page.bringToFront();
      await page.mouse.move(point.x, point.y, { steps: 2 });
      type Times = { pointer?: number; shown?: number };
      const times = await until(
        async () => {
          const t = await page.evaluate(() => (window as unknown as { glossScaleCard: Times }).glossScaleCard);
          return t.pointer !== undefined && t.shown !== undefined && t.shown > 0 ? t : null;
        },
        'the card',
        20,
      );
      runs.push(times.shown! - times.pointer! - DWELL_MS);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return runs;
}
