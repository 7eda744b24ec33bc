/**
 * One marker (none, the naive marker or Gloss) in a headless Chromium of its own, loading pages under a trace:
 * each load opens a fresh tab, traces from before the navigation until the marker is done and the page has been
 * quiet for a while, and reads the page's main-thread cost from the trace and the marks' timing from the probe.
 * Nothing is evaluated in the page while it is traced (an evaluation is a task the trace cannot tell from the
 * page's); Gloss's progress is asked of its content script through an extension page, a few times a load.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Diagnostics } from '../utils/messaging';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, withExtension } from '../scripts/chromium';
import { chromiumOfflineFlags } from '../scripts/offline';
import { mainThreadCost, navigationStart, probeThread, type MainThreadCost, type TraceEvent } from './trace';

export type Marker = 'none' | 'naive' | 'gloss';

/** What the probe (bench/probe.js) reports after a load; times are the page's `performance.now()`. */
export interface ProbeReport {
  url: string;
  domContentLoaded: number | null;
  ranges: number;
  registered: string[];
  firstInView: number | null;
  lastMark: number | null;
}

export interface LoadSample {
  /** The trace's account of the page's main thread (Chromium only). */
  cost: MainThreadCost | null;
  probe: ProbeReport;
  /** Gloss's own account (Gloss only). */
  diagnostics: Diagnostics | null;
}

export interface MarkerSession {
  marker: Marker;
  load(url: string): Promise<LoadSample>;
  /** Loads `url`, waits until it is marked, then traces 100 paragraphs appended to its `main` until they are marked. */
  append(url: string): Promise<MainThreadCost | null>;
  close(): Promise<void>;
}

/** Tasks and what DevTools shows inside them, script compilation, and the navigation's marks. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
];
/** After the marker is done the trace goes on this long, for the rendering and clean-up it leaves behind. */
export const QUIET_MS = 750;
const POLL_MS = 200;
const TIMEOUT_MS = 30_000;

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `probe` until it returns something truthy. */
export async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, everyMs = POLL_MS): Promise<T> {
  for (const started = Date.now(); Date.now() - started < TIMEOUT_MS; await sleep(everyMs)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`${what} did not happen in ${TIMEOUT_MS / 1000} s`);
}

/** `promise`, or an Error naming `what` if it has not settled in 30 s. */
export async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not happen in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the probe logs that the naive marker registered its highlight. */
export function naiveMarkerRegistered(onConsole: (listener: (text: string) => void) => void): Promise<void> {
  return new Promise((done) => onConsole((text) => text.startsWith('gloss-bench:') && text.includes('naive-marker') && done()));
}

/** The 100 paragraphs: copies of the page's own, appended in one go; returns when, on the page's clock. */
export const APPEND = () => {
  const main = document.querySelector('main')!;
  const paragraphs = main.querySelectorAll('p');
  const extra = document.createDocumentFragment();
  for (let i = 0; i < 100; i++) extra.append(paragraphs[i % paragraphs.length]!.cloneNode(true));
  const at = performance.now();
  main.append(extra);
  return at;
};

async function traced(page: Page, during: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

function costOf(events: TraceEvent[], fromNavigation: boolean): MainThreadCost {
  const thread = probeThread(events);
  if (!thread) throw new Error('the trace has no task of the probe: the page did not run it');
  return mainThreadCost(events, thread, fromNavigation ? navigationStart(events, thread) : -Infinity);
}

class ChromiumSession implements MarkerSession {
  private constructor(
    readonly marker: Marker,
    private readonly context: BrowserContext,
    /** An extension page of Gloss's, from which its content script is asked for its diagnostics. */
    private readonly helper: Page | null,
  ) {}

  static async launch(marker: Marker, extension: string | null): Promise<ChromiumSession> {
    const context = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...(extension ? withExtension(extension) : CHROMIUM_FLAGS), ...chromiumOfflineFlags()],
    });
    let helper: Page | null = null;
    if (marker === 'gloss') {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      helper = await context.newPage();
      await helper.goto(`${worker.url().split('/').slice(0, 3).join('/')}/popup.html?tab=0`);
    }
    for (const page of context.pages()) if (page !== helper) await page.close();
    return new ChromiumSession(marker, context, helper);
  }

  /** The diagnostics of the one tab that is not the helper; null until its content script answers. */
  diagnostics(): Promise<Diagnostics | null> {
    return this.helper!.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: { tabs: any } }).chrome.tabs;
      const self = await tabs.getCurrent();
      const [other] = (await tabs.query({})).filter((tab: { id: number }) => tab.id !== self.id);
      return tabs.sendMessage(other.id, { type: 'gloss:diagnostics' }).catch(() => null);
    }) as Promise<Diagnostics | null>;
  }

  /** Navigates `page` to `url` and waits until the marker is done with it. */
  private async visit(page: Page, url: string): Promise<void> {
    const naiveDone = naiveMarkerRegistered((listener) => page.on('console', (message) => listener(message.text())));
    await page.goto(url, { waitUntil: 'load' });
    if (this.marker === 'naive') await within(naiveDone, 'the naive marker registering its highlight');
    if (this.marker === 'gloss') await until(async () => (await this.diagnostics())?.firstPassDone != null, `Gloss's first pass on ${url}`);
  }

  async load(url: string): Promise<LoadSample> {
    const page = await this.context.newPage();
    try {
      const events = await traced(page, async () => {
        await this.visit(page, url);
        await sleep(QUIET_MS);
      });
      const probe = await page.evaluate(() => (window as unknown as { glossBenchProbe?: () => ProbeReport }).glossBenchProbe?.() ?? null);
      if (!probe || probe.url !== url) throw new Error(`the page left ${url} or never ran the probe`);
      return { cost: costOf(events, true), probe, diagnostics: this.marker === 'gloss' ? await this.diagnostics() : null };
    } finally {
      await page.close();
    }
  }

  async append(url: string): Promise<MainThreadCost | null> {
    const page = await this.context.newPage();
    try {
      await this.visit(page, url);
      await sleep(QUIET_MS);
      const events = await traced(page, async () => {
        const insertedAt = await page.evaluate(APPEND);
        if (this.marker === 'gloss')
          await until(async () => ((await this.diagnostics())?.lastUpdateDone ?? 0) > insertedAt, 'Gloss marking the appended paragraphs');
        await sleep(QUIET_MS);
      });
      return costOf(events, false);
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

export const launchChromium = (marker: Marker, extension: string | null): Promise<MarkerSession> => ChromiumSession.launch(marker, extension);
