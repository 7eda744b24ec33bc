/** Firefox through puppeteer-core over WebDriver BiDi: the page primitives, the browser, and its launch with the test build installed. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser as PpBrowser, type ConsoleMessage as PpConsoleMessage, type KeyInput, type Page as PpPage } from 'puppeteer-core';
import { firefoxOfflinePrefs } from '../../scripts/offline';
import type { GlossBrowser, LaunchOptions, LogEntry } from './driver';
import { BaseBrowser } from './driver-browser';
import { BasePage } from './driver-page';
import { BUILD, debug, FIREFOX_ADDON_UUID, POLL_MS, POPUP, requireBinary, requireBuild, sameUrl, sleep, VIEWPORT } from './driver-setup';

class FirefoxPage extends BasePage {
  /** Set after a script navigation to a moz-extension:// page, which puppeteer's `page.url()` does not see. */
  private scripted: { url: string; puppeteerUrl: string } | null = null;

  constructor(
    owner: BaseBrowser,
    readonly page: PpPage,
  ) {
    super(owner);
  }
  url() {
    const current = this.page.url();
    return this.scripted && this.scripted.puppeteerUrl === current ? this.scripted.url : current;
  }
  raw<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }
  protected async mouseMove(x: number, y: number, steps: number) {
    await this.page.mouse.move(x, y, { steps });
  }
  protected async mouseClick(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  /** puppeteer has no "Shift+Tab" syntax: hold the modifiers around the key. */
  protected async keyPress(key: string) {
    const parts = key === '+' ? ['+'] : key.split('+');
    const main = parts.pop() as KeyInput;
    const modifiers = parts as KeyInput[];
    for (const modifier of modifiers) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(main);
    for (const modifier of modifiers.reverse()) await this.page.keyboard.up(modifier);
  }
  protected bringToFront() {
    return this.page.bringToFront();
  }
  protected async navigate(url: string) {
    if (url.startsWith('moz-extension:')) {
      await this.scriptNavigate(url, false);
    } else {
      await this.page.goto(url, { waitUntil: 'load' });
      this.scripted = null;
    }
  }
  protected async doReload() {
    const url = this.url();
    if (url.startsWith('moz-extension:')) await this.scriptNavigate(url, true);
    else await this.page.reload({ waitUntil: 'load' });
  }
  /**
   * WebDriver BiDi refuses `browsingContext.navigate` to moz-extension:// URLs (and `reload` there never reports
   * completion). The page navigates itself instead: `location.href = url`, allowed because the test build lists
   * popup.html in `web_accessible_resources` (the release build does not, and the navigation is then blocked).
   * Completion = a new document (the token we left on the old window is gone) at `url`, readyState "complete".
   */
  private async scriptNavigate(url: string, reload: boolean, timeoutMs = 30_000) {
    const token = `nav-${Date.now()}-${Math.random()}`;
    const go = reload ? 'location.reload()' : `location.href = ${JSON.stringify(url)}`;
    await this.raw(`(() => { window.__glossHarnessNav = ${JSON.stringify(token)}; setTimeout(() => { ${go}; }, 0); return true; })()`);
    const deadline = Date.now() + timeoutMs;
    let state: unknown = null;
    for (;;) {
      try {
        state = await this.raw<[string, string, string | null]>(`[location.href, document.readyState, window.__glossHarnessNav ?? null]`);
        const [href, readyState, left] = state as [string, string, string | null];
        if (left !== token && readyState === 'complete' && sameUrl(href, url)) break;
      } catch (error) {
        state = (error as Error).message; // between documents
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Firefox did not load ${url} (last state ${JSON.stringify(state)}). Is the build the test build, with ${POPUP} in ` +
            `web_accessible_resources? Run: ${BUILD}`,
        );
      }
      await sleep(POLL_MS);
    }
    this.scripted = { url, puppeteerUrl: this.page.url() };
  }
  protected async doScreenshot(path: string) {
    await this.page.screenshot({ path: path as `${string}.png` });
  }
  protected async doClose() {
    if (!this.page.isClosed()) await this.page.close();
  }
  onLog(listener: (entry: LogEntry) => void) {
    const onConsole = (message: PpConsoleMessage) =>
      listener({ kind: 'console', level: message.type(), text: message.text(), source: message.location().url ?? '' });
    const onException = (error: unknown) =>
      listener({
        kind: 'exception',
        level: 'error',
        text: error instanceof Error ? error.message : String(error),
        source: error instanceof Error ? (error.stack ?? '') : '',
      });
    this.page.on('console', onConsole);
    this.page.on('pageerror', onException);
    return () => {
      this.page.off('console', onConsole);
      this.page.off('pageerror', onException);
    };
  }
}

class FirefoxBrowser extends BaseBrowser {
  name = 'firefox' as const;
  constructor(private readonly browser: PpBrowser) {
    super();
  }
  protected async newTab(ownWindow = false) {
    return new FirefoxPage(this, await this.browser.newPage(ownWindow ? { type: 'window' } : undefined));
  }
  async setUp(extensionDir: string) {
    try {
      await this.browser.installExtension(extensionDir);
    } catch (error) {
      const vanished = !existsSync(resolve(extensionDir, 'manifest.json'));
      throw new Error(
        `Firefox refused to install ${extensionDir} as a temporary add-on` +
          (vanished ? ' (its manifest.json disappeared during the launch: was a build running?)' : '') +
          `: ${(error as Error).message}`,
      );
    }
    this.extensionOrigin = `moz-extension://${FIREFOX_ADDON_UUID}`;
    const page = (await this.browser.pages())[0] ?? (await this.browser.newPage());
    this.helperPage = new FirefoxPage(this, page);
    await this.helperPage.goto(`${this.extensionOrigin}/${POPUP}?gloss-harness=helper`);
  }
  /**
   * Two sources, because WebDriver BiDi does not see the background page:
   *
   * 1. BiDi `network.beforeRequestSent`, which puppeteer's session already subscribes to for every browsing
   *    context (all tabs and windows, present and future): pages, their content scripts, and extension pages
   *    opened in tabs (the popup). It reports http(s) requests only (not moz-extension:// files); requests to
   *    ports Firefox bans (1, 9, …) are refused before they exist and are not reported.
   * 2. The background page (`_generated_background_page.html`, not a BiDi context): its Resource Timing
   *    entries since the start, read through `runtime.getBackgroundPage()` from the helper page. These list only
   *    requests that got a response — a failed request from the background (unreachable host) leaves no entry —
   *    and are lost if the event page is unloaded and restarted between start and stop.
   */
  async recordRequests() {
    type BeforeRequestSent = { request: { url: string } };
    const connection = (
      this.browser as unknown as {
        connection: {
          on(type: string, fn: (event: BeforeRequestSent) => void): void;
          off(type: string, fn: (event: BeforeRequestSent) => void): void;
        };
      }
    ).connection;
    const urls: string[] = [];
    const listener = (event: BeforeRequestSent) => void urls.push(event.request.url);
    connection.on('network.beforeRequestSent', listener);
    const since = await this.helperPage.raw<number>(
      `(async () => {
        const background = await browser.runtime.getBackgroundPage();
        background.performance.setResourceTimingBufferSize(100000);
        return background.performance.timeOrigin + background.performance.now();
      })()`,
    );
    return async () => {
      connection.off('network.beforeRequestSent', listener);
      const fromBackground = await this.helperPage.raw<string[]>(
        `(async () => {
          const { performance } = await browser.runtime.getBackgroundPage();
          return performance.getEntriesByType('resource')
            .filter((entry) => performance.timeOrigin + entry.startTime >= ${since})
            .map((entry) => entry.name);
        })()`,
      );
      return [...urls, ...fromBackground];
    };
  }
  async close() {
    await this.browser.close();
  }
}

export async function launchFirefox(options: LaunchOptions): Promise<GlossBrowser> {
  const executablePath = requireBinary('FIREFOX_PATH', '/usr/bin/firefox-esr', 'Firefox');
  const { dir, manifest } = requireBuild('GLOSS_FIREFOX_BUILD', 'firefox-mv3-test');
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id; rebuild with: ${BUILD}`);
  const exposed = (manifest.web_accessible_resources ?? []).some((entry: { resources?: string[] }) => entry.resources?.includes(POPUP));
  if (!exposed) {
    throw new Error(`${dir} is not the Firefox test build (${POPUP} is not web-accessible, so the popup cannot be opened). Run: ${BUILD}`);
  }
  const started = Date.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_ADDON_UUID }),
      ...firefoxOfflinePrefs(options.outsideProxyPort),
    },
  });
  const glossBrowser = new FirefoxBrowser(browser);
  try {
    await glossBrowser.setUp(dir);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  glossBrowser.launchMs = Date.now() - started;
  debug('firefox launched in', glossBrowser.launchMs, 'ms');
  return glossBrowser;
}
