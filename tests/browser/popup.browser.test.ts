import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type GlossBrowser, type GlossPage } from './driver';
import { openArticleAndPopup } from './extension-calls';
import { startServer, type TestServer } from './server';

/** Reads a switch's state and its count from the popup, by the switch's accessible name. */
function readSwitch(popup: GlossPage, name: string) {
  return popup.evaluate((label: string) => {
    for (const input of document.querySelectorAll<HTMLInputElement>('input[role="switch"]')) {
      if (input.labels?.[0]?.textContent !== label) continue;
      const count = input.closest('.switch')?.querySelector('.switch__count')?.textContent;
      return { checked: input.checked, count: count === undefined ? null : parseInt(count!, 10) };
    }
    return null;
  }, name);
}

const marksIn = (page: GlossPage, kind: string) => page.evaluate((name: string) => CSS.highlights.get(name)?.size ?? 0, kind);

describe.each(BROWSERS)('the popup in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;
  let article: GlossPage;
  let popup: GlossPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(browserName);
    ({ article, popup } = await openArticleAndPopup(browser, server));
    await popup.waitFor(
      () => document.querySelector('input[role="switch"]') !== null && document.querySelector('.found') !== null,
      'the popup to load the page summary',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts the marks of each kind that the article shows', async () => {
    // Mentions, not highlight ranges: "<b>Shehbaz</b> Sharif" is one person painted as two ranges.
    expect(await readSwitch(popup, 'People')).toEqual({ checked: true, count: 6 });
    expect(await readSwitch(popup, 'Groups')).toEqual({ checked: true, count: await marksIn(article, 'gloss-group') });
    expect(await readSwitch(popup, 'Countries')).toEqual({ checked: true, count: await marksIn(article, 'gloss-country') });
    expect(await readSwitch(popup, 'Places')).toEqual({ checked: true, count: await marksIn(article, 'gloss-place') });
  });

  it('names the site on its switch', async () => {
    expect(await readSwitch(popup, 'Gloss on this site (127.0.0.1)')).toEqual({ checked: true, count: null });
  });

  it('removes a topic’s marks from the article when its switch is turned off, and restores them', async () => {
    await popup.click('Security and militancy');
    await article.waitFor(() => CSS.highlights.get('gloss-group')?.size === 1, 'security groups to lose their marks');
    expect(await readSwitch(popup, 'Security and militancy')).toMatchObject({ checked: false });
    await popup.click('Security and militancy');
    await article.waitFor(() => CSS.highlights.get('gloss-group')?.size === 4, 'the groups to come back');
  });

  it('removes every mark when the site is switched off, and marks again when it is on', async () => {
    await popup.click('Gloss on this site (127.0.0.1)');
    await article.waitFor(() => [...CSS.highlights.keys()].every((name) => !name.startsWith('gloss-')), 'all marks to go');
    await popup.click('Gloss on this site (127.0.0.1)');
    await article.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'the marks to come back');
  });

  it('shows an entity on the page when it is chosen in the list: scrolled to and with its card open', async () => {
    await popup.waitFor(
      () => [...document.querySelectorAll('.found__item')].some((b) => b.textContent?.startsWith('Sistan and Baluchestan')),
      'the list',
    );
    await article.evaluate(() => window.scrollTo(0, 0));
    await popup.click('Sistan and Baluchestan');
    await article.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Sistan and Baluchestan',
      'its card',
    );
    expect(await article.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('keeps its settings across a reload of the popup', async () => {
    await popup.click('Events');
    await popup.reload();
    await popup.waitFor(() => document.querySelector('input[role="switch"]') !== null, 'the popup to load');
    expect(await readSwitch(popup, 'Events')).toMatchObject({ checked: false });
    await popup.click('Events');
  });

  it('still opens, with defaults, when the stored settings are garbage', async () => {
    await popup.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set({ settings: [1, 'x'] }));
    await popup.reload();
    await popup.waitFor(() => document.querySelector('input[role="switch"]') !== null, 'the popup to load');
    expect(await readSwitch(popup, 'Gloss everywhere')).toEqual({ checked: true, count: null });
  });

  it('searches from the keyboard as soon as it opens, misspellings too, and opens a result’s card', async () => {
    await popup.reload();
    await popup.waitFor(() => document.getElementById('gloss-search') !== null, 'the search box');
    await popup.evaluate(() => document.getElementById('gloss-search')!.focus());
    for (const key of 'baluchistan') await popup.press(key);
    await popup.waitFor(() => document.querySelector('.search__results .found__item') !== null, 'the search results');
    expect(await popup.evaluate(() => (document.getElementById('gloss-search') as HTMLInputElement).value)).toBe('baluchistan');
    expect(await popup.evaluate(() => document.querySelector('.search__results .found__item span')!.textContent)).toBe('Balochistan');
    await popup.press('Tab');
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('.search__card [role="dialog"] h2')?.textContent === 'Balochistan', 'its card');
  });

  it('says Gloss can’t run for a tab where no content script answers', async () => {
    await popup.evaluate(() => {
      location.search = '?tab=999999';
    });
    await popup.waitFor(() => location.search === '?tab=999999' && document.querySelector('[role="status"]') !== null, 'the notice');
    expect(await popup.evaluate(() => document.querySelector('[role="status"]')!.textContent)).toMatch(/can’t run on this page/);
  });
});
