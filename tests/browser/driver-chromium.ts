/** Chromium through playwright-core: the page primitives, the browser, and its launch with the extension loaded. */
import {
  type BrowserContext,
  chromium,
  type ConsoleMessage as PwConsoleMessage,
  type Page as PwPage,
  type Request as PwRequest,
} from 'playwright-core';
import { stopServiceWorkers, withExtension } from '../../scripts/chromium';
import { chromiumOfflineFlags } from '../../scripts/offline';
import type { GlossBrowser, LaunchOptions, LogEntry } from './driver';
import { BaseBrowser } from './driver-browser';
import { BasePage } from './driver-page';
import { chromiumExtensionId, debug, POPUP, requireBinary, requireBuild, VIEWPORT } from './driver-setup';

class ChromiumPage extends BasePage {
  constructor(
    owner: BaseBrowser,
    readonly page: PwPage,
  ) {
    super(owner);
  }
  url() {
    return this.page.url();
  }
  raw<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }
  protected mouseMove(x: number, y: number, steps: number) {
    return this.page.mouse.move(x, y, { steps });
  }
  protected mouseClick(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  protected keyPress(key: string) {
    return this.page.keyboard.press(key);
  }
  protected bringToFront() {
    return this.page.bringToFront();
  }
  protected async navigate(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  protected async doReload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  protected async doScreenshot(path: string) {
    await this.page.screenshot({ path });
  }
  protected async doClose() {
    if (!this.page.isClosed()) await this.page.close();
  }
  onLog(listener: (entry: LogEntry) => void) {
    const onConsole = (message: PwConsoleMessage) =>
      listener({ kind: 'console', level: message.type(), text: message.text(), source: message.location().url });
    const onException = (error: Error) => listener({ kind: 'exception', level: 'error', text: error.message, source: error.stack ?? '' });
    this.page.on('console', onConsole);
    this.page.on('pageerror', onException);
    return () => {
      this.page.off('console', onConsole);
      this.page.off('pageerror', onException);
    };
  }
}

class ChromiumBrowser extends BaseBrowser {
  name = 'chromium' as const;
  constructor(private readonly context: BrowserContext) {
    super();
  }
  protected async newTab() {
    const page = await this.context.newPage();
    return new ChromiumPage(this, page);
  }
  async setUp(extensionDir: string) {
    this.extensionOrigin = `chrome-extension://${chromiumExtensionId(extensionDir)}`;
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    this.helperPage = new ChromiumPage(this, page);
    try {
      await this.helperPage.goto(`${this.extensionOrigin}/${POPUP}?gloss-harness=helper`);
    } catch (error) {
      throw new Error(
        `Chromium did not load the extension from ${extensionDir} (expected ${this.extensionOrigin}): ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  /**
   * The context's `request` event: every page and frame (so content-script fetches, attributed to the page's
   * frame), extension pages (their own chrome-extension:// files included) and service workers, the extension's
   * background worker among them (`request.serviceWorker()`), including workers started after this call.
   */
  async recordRequests() {
    const urls: string[] = [];
    const listener = (request: PwRequest) => void urls.push(request.url());
    this.context.on('request', listener);
    return async () => {
      this.context.off('request', listener);
      return [...urls];
    };
  }
  stopBackground() {
    return stopServiceWorkers(this.context);
  }
  async close() {
    await this.context.close();
  }
}

export async function launchChromium(options: LaunchOptions): Promise<GlossBrowser> {
  const executablePath = requireBinary('CHROMIUM_PATH', '/usr/bin/chromium', 'Chromium');
  const { dir } = requireBuild('GLOSS_CHROME_BUILD', 'chrome-mv3');
  const started = Date.now();
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    viewport: VIEWPORT,
    args: [...withExtension(dir), ...chromiumOfflineFlags(options.outsideProxyPort)],
  });
  const browser = new ChromiumBrowser(context);
  try {
    await browser.setUp(dir);
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
  browser.launchMs = Date.now() - started;
  debug('chromium launched in', browser.launchMs, 'ms');
  return browser;
}
