/**
 * Tests of the browser harness itself (driver.ts, server.ts, outside-proxy.ts), in both browsers: the extension's
 * origin, the popup, tab ids, waiting, the page's log, navigation and the outside proxy. Every page here is the
 * test's own (driver-test-pages.ts), and each check is made from an independent source (the page's own records, the
 * extension's own `tabs` view), so a broken driver method fails its test.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type GlossBrowser, launch, type LogEntry } from './driver';
import { ROUTES } from './driver-test-pages';
import { type OutsideProxy, startOutsideProxy } from './outside-proxy';
import { useHarnessServer, useHarnessTabs } from './harness-suite';

/** Polls a condition on this side (50 ms) for up to 10 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The `browser.tabs` view from an extension page (runs in that page). */
const extensionTabs = async () => {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  const tabs = await api.tabs.query({});
  return tabs.map((tab: { id: number; url?: string }) => ({ id: tab.id, url: tab.url ?? null })) as { id: number; url: string | null }[];
};
const updateTab = (id: number, url: string) => {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return api.tabs.update(id, { url }).then(() => true);
};

const pages = useHarnessServer(ROUTES);

describe.each(BROWSERS)('harness in %s', (name) => {
  const harness = useHarnessTabs(name, pages);
  const { open, popupFor } = harness;

  it('knows the extension origin', () => {
    expect(harness.browser.name).toBe(name);
    expect(harness.browser.extensionOrigin).toMatch(name === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);
  });

  it('opens the popup for a tab, as a page of its own', async () => {
    const tab = await open('/plain.html');
    const id = await tab.tabId();
    const popup = await popupFor(tab);
    expect(popup.url()).toBe(`${harness.browser.extensionOrigin}/popup.html?tab=${id}`);
    await popup.waitFor(() => document.querySelector('h1')?.textContent === 'Gloss', 'the popup heading "Gloss"');
    const seen = await popup.evaluate(() => ({
      origin: location.origin,
      tab: new URLSearchParams(location.search).get('tab'),
      links: [...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href),
      text: document.body.textContent ?? '',
    }));
    expect(seen.origin).toBe(harness.browser.extensionOrigin);
    expect(seen.tab).toBe(String(id));
    expect(seen.links.some((href) => href.startsWith('https://www.dw.com/'))).toBe(true);
    expect(seen.text).toContain('About the source');
    // As with a real popup, the page stays visible behind it (Firefox hides background tabs).
    expect(await tab.evaluate(() => document.visibilityState)).toBe('visible');
  });

  it("gives each tab the id the extension's tabs API has for it", async () => {
    const a = await open('/tab-a.html');
    const b = await open('/tab-b.html');
    const twin = await open('/tab-a.html'); // same URL as a: URL matching alone cannot tell them apart
    const [idA, idB, idTwin] = [await a.tabId(), await b.tabId(), await twin.tabId()];
    expect(new Set([idA, idB, idTwin]).size).toBe(3);
    expect(await a.tabId()).toBe(idA); // stable

    const popup = await popupFor(b);
    const view = await popup.evaluate(extensionTabs);
    expect(view.map((tab) => tab.id)).toEqual(expect.arrayContaining([idA, idB, idTwin]));
    // The extension sees its own page's URL, so the popup's tab can be checked by URL.
    expect(view.filter((tab) => tab.url === popup.url()).map((tab) => tab.id)).toEqual([await popup.tabId()]);

    // The ids really are these tabs: the extension navigates tab B and the twin; only those pages move.
    await popup.evaluate(updateTab, idB, pages.server.url('/moved.html?b'));
    await b.waitFor(() => location.href.endsWith('/moved.html?b'), 'tab B to be moved by tabs.update');
    await popup.evaluate(updateTab, idTwin, pages.server.url('/moved.html?twin'));
    await twin.waitFor(() => location.href.endsWith('/moved.html?twin'), 'the twin tab to be moved by tabs.update');
    expect(await a.evaluate(() => location.pathname)).toBe('/tab-a.html');
    // url() follows the browser's navigation events, which can arrive a moment after the page's location changed.
    const expected = [pages.server.url('/tab-a.html'), pages.server.url('/moved.html?b'), pages.server.url('/moved.html?twin')];
    for (let i = 0; i < 100 && [a.url(), b.url(), twin.url()].join() !== expected.join(); i++) await new Promise((done) => setTimeout(done, 50));
    expect([a.url(), b.url(), twin.url()]).toEqual(expected);
  });

  it('waits by polling and names what it waited for on timeout', async () => {
    const tab = await open('/plain.html');
    await tab.evaluate(() => void setTimeout(() => ((window as any).ready = true), 200));
    await tab.waitFor(() => (window as any).ready === true, 'the ready flag');
    await expect(tab.waitFor(() => false, 'the impossible', 300)).rejects.toThrow(/the impossible/);
  });

  it("hands over the page's console messages and uncaught exceptions, until told to stop", async () => {
    const tab = await open('/tab-a.html');
    const stopped: LogEntry[] = [];
    const kept: LogEntry[] = [];
    const stop = tab.onLog((entry) => stopped.push(entry));
    tab.onLog((entry) => kept.push(entry));
    const exceptions = () => kept.filter((entry) => entry.kind === 'exception').length;
    await tab.goto(pages.server.url('/log.html'));
    await until(() => exceptions() === 1, 'the exception');
    expect(kept).toEqual([
      { kind: 'console', level: 'error', text: 'harness says no', source: pages.server.url('/log.html') },
      { kind: 'exception', level: 'error', text: expect.stringContaining('harness threw'), source: expect.stringContaining('harness threw') },
    ]);
    expect(stopped).toEqual(kept);
    stop();
    await tab.reload();
    await until(() => exceptions() === 2, 'the exception after the reload');
    expect(stopped).toHaveLength(2);
  });

  it('navigates, reloads and takes screenshots (pages and popup)', async () => {
    const tab = await open('/tab-a.html');
    await tab.goto(pages.server.url('/tab-b.html'));
    expect(tab.url()).toBe(pages.server.url('/tab-b.html'));
    await tab.evaluate(() => {
      (window as any).before = 1;
    });
    await tab.reload();
    expect(await tab.evaluate(() => (window as any).before ?? null)).toBeNull();
    expect(await tab.evaluate(() => document.title)).toBe('Tab B');

    const popup = await popupFor(tab);
    const url = popup.url();
    await popup.evaluate(() => {
      (window as any).before = 1;
    });
    await popup.reload();
    expect(popup.url()).toBe(url);
    expect(await popup.evaluate(() => [(window as any).before ?? null, location.href])).toEqual([null, url]);

    const file = join(tmpdir(), `gloss-harness-${name}-${process.pid}.png`);
    try {
      await popup.screenshot(file);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe.each(BROWSERS)('harness with an outside proxy in %s', (name) => {
  let browser: GlossBrowser;
  let proxy: OutsideProxy;

  beforeAll(async () => {
    proxy = await startOutsideProxy();
    browser = await launch(name, { outsideProxyPort: proxy.port });
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
  });

  it('sends every request for another host to the proxy and loads pages of this machine directly', async () => {
    proxy.take();
    const tab = await browser.open(pages.server.url('/tab-a.html'));
    expect(await tab.evaluate(() => document.title)).toBe('Tab A');
    await tab.goto('http://outside.invalid/page').catch(() => undefined); // the proxy's 403, or a navigation error
    await tab.goto('https://outside.invalid/page').catch(() => undefined);
    const asked = proxy.take();
    expect(asked).toContain('outside.invalid');
    expect(asked).toContain('outside.invalid:443');
    expect(asked.filter((host) => host.startsWith('127.0.0.1'))).toEqual([]);
  });
});
