/**
 * One marker in a headless Firefox ESR of its own (puppeteer-core over WebDriver BiDi, the add-on installed as a
 * temporary one): the marks' timing from the probe and, for Gloss, its own diagnostics. Firefox gives no trace
 * here, so no main-thread cost: its highlights are painted by another engine, which is what this section is for.
 * Gloss needs the test build (`.output/firefox-mv3-test`): its popup is web-accessible, so an extension page can
 * be opened to ask the content script for its diagnostics (see tests/browser/README.md, "The Firefox popup trick").
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxOfflinePrefs } from '../scripts/offline';
import type { Diagnostics } from '../utils/messaging';
import { naiveMarkerRegistered, until, within, type LoadSample, type Marker, type MarkerSession, type ProbeReport } from './chromium-cost';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's internal UUID, fixed by pref so the helper page's address is known before install. */
const UUID = 'b3c7e0d2-5a41-4f7e-9c1a-6e2d8f0b9a17';

class FirefoxSession implements MarkerSession {
  private constructor(
    readonly marker: Marker,
    private readonly browser: Browser,
    private readonly helper: Page | null,
  ) {}

  static async launch(marker: Marker, extension: string): Promise<FirefoxSession> {
    const geckoId: string = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: { width: 1280, height: 720 },
      extraPrefsFirefox: { ...firefoxOfflinePrefs(), 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }) },
    });
    try {
      await browser.installExtension(resolve(extension));
      const first = (await browser.pages())[0] ?? (await browser.newPage());
      if (marker !== 'gloss') return new FirefoxSession(marker, browser, null);
      // BiDi refuses to navigate to moz-extension:// pages; the page may navigate itself there.
      const popup = `moz-extension://${UUID}/popup.html?tab=0`;
      await first.evaluate((url) => void setTimeout(() => (location.href = url), 0), popup);
      await until(
        () => first.evaluate((url) => location.href === url && document.readyState === 'complete', popup).catch(() => false),
        'the Firefox helper page',
      );
      return new FirefoxSession(marker, browser, first);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  private diagnostics(url: string): Promise<Diagnostics | null> {
    return this.helper!.evaluate(async (address) => {
      const tabs = (globalThis as unknown as { browser: { tabs: any } }).browser.tabs;
      const tab = (await tabs.query({})).find((t: { url?: string }) => t.url === address);
      return tab ? tabs.sendMessage(tab.id, { type: 'gloss:diagnostics' }).catch(() => null) : null;
    }, url) as Promise<Diagnostics | null>;
  }

  async load(url: string): Promise<LoadSample> {
    const page = await this.browser.newPage();
    try {
      const naiveDone = naiveMarkerRegistered((listener) => page.on('console', (message) => listener(message.text())));
      await page.goto(url, { waitUntil: 'load' });
      if (this.marker === 'naive') await within(naiveDone, 'the naive marker registering its highlight');
      if (this.marker === 'gloss') await until(async () => (await this.diagnostics(url))?.firstPassDone != null, `Gloss's first pass on ${url}`);
      const probe = await page.evaluate(() => (window as unknown as { glossBenchProbe?: () => ProbeReport }).glossBenchProbe?.() ?? null);
      if (!probe || probe.url !== url) throw new Error(`the page left ${url} or never ran the probe`);
      return { cost: null, probe, diagnostics: this.marker === 'gloss' ? await this.diagnostics(url) : null };
    } finally {
      await page.close();
    }
  }

  append(): Promise<null> {
    return Promise.resolve(null);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

export const launchFirefox = (marker: Marker, extension: string): Promise<MarkerSession> => FirefoxSession.launch(marker, extension);
