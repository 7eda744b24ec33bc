/**
 * Every page in one browser: one launch, one extension page, one tab reused from page to page (a new one after a
 * page that failed or hung), the tab's console and uncaught exceptions collected per page.
 */
import { launch, type BrowserName, type GlossBrowser, type GlossPage, type LogEntry } from '../../tests/browser/driver';
import { evaluatePage, type PageOutcome, type Tab } from './page-steps';

export interface PageRun extends Partial<PageOutcome> {
  file: string;
  browser: BrowserName;
  /** Why the page has no figures: it threw, hung past its time, or the browser failed under it. */
  failure?: string;
  /** Console errors and warnings, and uncaught exceptions, whose script is the extension's (or that name Gloss). */
  extensionErrors: LogEntry[];
  /**
   * Uncaught exceptions that name no script: Firefox reports the document's own problems this way (a wrong encoding
   * declaration, a blocked font or image), and so would a content script's promise rejection that has no stack.
   */
  unattributed: string[];
  /** Other console errors, CSP reports aside (e.g. the saved page's own files that aren't there: 404). */
  otherErrors: number;
  /** Wall time of the four loads. */
  wallMs: number;
}

export interface BrowserRun {
  browser: BrowserName;
  pages: PageRun[];
  launchMs: number;
  wallMs: number;
  /** Hosts the browser asked the refusing proxy for during the run (its own services included), with counts. */
  refused: Record<string, number>;
}

export interface RunSettings {
  files: string[];
  url(file: string): string;
  script: string;
  where: boolean;
  pageTimeoutMs: number;
  proxyPort: number;
  /** The hosts the proxy was asked for since the last call. */
  refusedSince(): string[];
  progress(run: PageRun, index: number): void;
}

const CSP_REPORT = /Content[- ]Security[- ]Policy/i;
const fromExtension = (entry: LogEntry, origin: string) => entry.source.includes(origin) || /\bgloss\b/i.test(entry.text);
const isProblem = (entry: LogEntry) => entry.kind === 'exception' || ['error', 'warning', 'warn', 'assert'].includes(entry.level);

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

class Session {
  private browser!: GlossBrowser;
  private extension!: GlossPage;
  private tab: Tab | null = null;
  private log: LogEntry[] = [];
  private stopLog: (() => void) | null = null;
  launchMs = 0;

  constructor(
    readonly name: BrowserName,
    private readonly settings: RunSettings,
  ) {}

  async start(firstUrl: string) {
    this.browser = await launch(this.name, { outsideProxyPort: this.settings.proxyPort });
    this.launchMs = this.browser.launchMs;
    await this.openTab(firstUrl);
    this.extension = await this.browser.openPopup(this.tab!.page);
  }

  private async openTab(url: string) {
    const page = await this.browser.open(url);
    this.stopLog = page.onLog((entry) => this.log.push(entry));
    this.tab = { page, id: await page.tabId() };
  }

  /** A fresh tab after a failure; a fresh browser if even that fails. */
  private async recover(url: string) {
    const old = this.tab;
    this.tab = null;
    this.stopLog?.();
    try {
      await withTimeout(
        (async () => {
          await old?.page.close();
          await this.openTab(url);
        })(),
        30_000,
        'opening a new tab',
      );
    } catch {
      await withTimeout(this.browser.close(), 30_000, 'closing the browser').catch(() => undefined);
      await this.start(url);
    }
  }

  async run(file: string): Promise<PageRun> {
    const started = Date.now();
    const url = this.settings.url(file);
    this.log = [];
    const run: PageRun = { file, browser: this.name, extensionErrors: [], unattributed: [], otherErrors: 0, wallMs: 0 };
    try {
      const outcome = await withTimeout(
        evaluatePage({
          extension: this.extension,
          tab: this.tab!,
          url,
          script: this.settings.script,
          where: this.settings.where,
          deadline: started + this.settings.pageTimeoutMs,
        }),
        this.settings.pageTimeoutMs + 5_000,
        'the page',
      );
      Object.assign(run, outcome);
    } catch (error) {
      run.failure = (error as Error).message.split('\n')[0];
      await this.recover(url);
    }
    const problems = this.log.filter((entry) => isProblem(entry) && !CSP_REPORT.test(entry.text));
    run.extensionErrors = problems.filter((entry) => fromExtension(entry, this.browser.extensionOrigin));
    // The saved pages' own scripts never run here, so an exception from a script is the extension's.
    const rest = problems.filter((entry) => !run.extensionErrors.includes(entry));
    run.unattributed = [...new Set(rest.filter((entry) => entry.kind === 'exception').map((entry) => entry.text))];
    run.otherErrors = rest.filter((entry) => entry.kind === 'console').length;
    run.wallMs = Date.now() - started;
    return run;
  }

  close() {
    return withTimeout(this.browser.close(), 30_000, 'closing the browser').catch(() => undefined);
  }
}

export async function runBrowser(name: BrowserName, settings: RunSettings): Promise<BrowserRun> {
  const started = Date.now();
  const session = new Session(name, settings);
  settings.refusedSince();
  await session.start(settings.url(settings.files[0]!));
  const pages: PageRun[] = [];
  try {
    for (const [index, file] of settings.files.entries()) {
      const run = await session.run(file);
      pages.push(run);
      settings.progress(run, index);
    }
  } finally {
    await session.close();
  }
  const refused: Record<string, number> = {};
  for (const host of settings.refusedSince()) refused[host] = (refused[host] ?? 0) + 1;
  return { browser: name, pages, launchMs: session.launchMs, wallMs: Date.now() - started, refused };
}
