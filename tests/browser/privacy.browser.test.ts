import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type GlossBrowser } from './driver';
import { startServer, type TestServer } from './server';

/**
 * Gloss makes no network request of its own: everything it knows ships inside the extension. While a reader uses
 * the marks, the cards and the popup, the browser records every request; the only ones allowed are those the test
 * itself made (the page and its favicon) and the extension's own packaged files (chrome-extension:, moz-extension:).
 */

/**
 * Firefox's own `-moz-bullet-font` (its user-agent sheet, html.css in omni.ja: `@font-face { font-family:
 * -moz-bullet-font; src: url("data:font/woff2;base64,d09GMgABAAAAAAScAAsAAAAACfAA…") }`), which BiDi reports
 * as a request of any page that shows a list bullet. The browser's, not Gloss's; the prefix includes the file's
 * length, so another data: font still fails the test.
 */
const FIREFOX_BULLET_FONT = 'data:font/woff2;base64,d09GMgABAAAAAAScAAsAAAAACfAA';

const cardOpen = () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null;

describe.each(BROWSERS)('no network requests of its own in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      '/ping': 'pong',
      '/from-extension': 'ok',
      '/from-background': 'ok',
      '/quiet.html': '<!doctype html><title>Quiet</title><p>Nothing to see.</p>',
    });
    browser = await launch(browserName);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The recorded URLs that are neither the extension's own files nor one of `allowed` (paths on the test server). */
  function unexpected(urls: string[], allowed: string[]): string[] {
    const ours = new Set(allowed.map((path) => server.url(path)));
    return urls.filter((url) => {
      const scheme = new URL(url).protocol;
      if (scheme === 'chrome-extension:' || scheme === 'moz-extension:') return !url.startsWith(`${browser.extensionOrigin}/`);
      if (browserName === 'firefox' && url.startsWith(FIREFOX_BULLET_FONT)) return false;
      return !ours.has(url);
    });
  }

  // The recorder can fail: a request from a page, and one from an extension page, show up.

  it('records a request the page makes', async () => {
    const stop = await browser.recordRequests();
    const page = await browser.open(server.url('quiet.html'));
    expect(await page.evaluate(() => fetch('/ping').then((r) => r.text()))).toBe('pong');
    const urls = await stop();
    expect(urls).toContain(server.url('quiet.html'));
    expect(urls).toContain(server.url('ping'));
    expect(unexpected(urls, ['quiet.html', 'favicon.ico'])).toEqual([server.url('ping')]);
    await page.close();
  });

  it('records a request an extension page makes', async () => {
    const page = await browser.open(server.url('quiet.html'));
    const popup = await browser.openPopup(page);
    const stop = await browser.recordRequests();
    expect(await popup.evaluate((url: string) => fetch(url).then((r) => r.status), server.url('from-extension'))).toBe(200);
    expect(unexpected(await stop(), [])).toEqual([server.url('from-extension')]);
    await popup.close();
    await page.close();
  });

  // Chromium's background is a service worker, which an extension page cannot make fetch; Firefox's is a page,
  // so only Firefox has this case to test.
  const firefoxOnly = browserName === 'firefox' ? it : null;
  firefoxOnly?.('records a request the background page makes', async () => {
    const page = await browser.open(server.url('quiet.html'));
    const popup = await browser.openPopup(page);
    const stop = await browser.recordRequests();
    const status = await popup.evaluate(
      async (url: string) => (await (await (globalThis as any).browser.runtime.getBackgroundPage()).fetch(url)).status,
      server.url('from-background'),
    );
    expect(status).toBe(200);
    expect(unexpected(await stop(), [])).toEqual([server.url('from-background')]);
    await popup.close();
    await page.close();
  });

  it('makes none while a reader uses the marks, a card, the related entity, the popup, its search and its list', async () => {
    const stop = await browser.recordRequests();

    const article = await browser.open(server.url('article.html'));
    await article.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'the article to be marked');

    await article.hoverText('Fatemeh Aman');
    await article.waitFor(cardOpen, 'the card');
    expect((await article.dialog())?.name).toBe('Fatemeh Aman');
    // The related entities sit at the foot of the card, below its scrolled-out part: scroll the card, as a reader would.
    const related = await article.evaluate(() => {
      const link = document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] .card__link');
      link?.scrollIntoView({ block: 'nearest' });
      return link?.textContent?.trim() ?? null;
    });
    expect(related).toBeTruthy();
    await article.click(related!);
    await article.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent !== 'Fatemeh Aman',
      'the related card',
    );
    expect((await article.dialog())?.name).toBe(related);
    await article.press('Escape');

    const popup = await browser.openPopup(article);
    await popup.waitFor(() => document.querySelector('input[role="switch"]') !== null && document.querySelector('.found') !== null, 'the popup');
    await popup.click('Security and militancy');
    await article.waitFor(() => CSS.highlights.get('gloss-group')?.size === 1, 'security groups to lose their marks');
    await popup.click('Security and militancy');
    await article.waitFor(() => CSS.highlights.get('gloss-group')?.size === 4, 'the groups to come back');

    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#gloss-search')!;
      input.value = 'Pezeshkian';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelector('.search__results .found__item') !== null, 'search results');
    // A result's name is its text, the name and role run together ("Masoud PezeshkianPresident of Iran").
    await popup.click(await popup.evaluate(() => document.querySelector('.search__results .found__item')!.textContent!.replace(/\s+/g, ' ').trim()));
    await popup.waitFor(() => document.querySelector('.search__card [role=dialog]') !== null, 'the search result’s card');

    await popup.waitFor(
      () => [...document.querySelectorAll('.found__item')].some((b) => b.textContent?.startsWith('Sistan and Baluchestan')),
      'the list',
    );
    await popup.click('Sistan and Baluchestan');
    await article.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Sistan and Baluchestan',
      'its card on the page',
    );

    const urls = await stop();
    expect(urls).toContain(server.url('article.html'));
    expect(unexpected(urls, ['article.html', 'favicon.ico'])).toEqual([]);
    await popup.close();
    await article.close();
  });
});
