/**
 * Tests of the browser harness itself (driver.ts, server.ts), in both browsers. Every page here is the test's own
 * (in-memory routes), and each check is made from an independent source — the page's own event records, the
 * extension's own `tabs` view — so a broken driver method fails its test. Words on the pages are deliberately
 * not names Gloss knows, so the content script (once it exists) paints nothing here.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type GlossBrowser, type GlossPage, type LogEntry } from './driver';
import { startOutsideProxy, type OutsideProxy } from './outside-proxy';
import { startServer, type TestServer } from './server';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="margin:0;font:20px/1.5 sans-serif">${body}</body></html>`;

const ROUTES: Record<string, string> = {
  '/plain.html': page(
    'Plain',
    `<p id="first">alpha beta gamma</p>
     <div id="host"></div>
     <p id="last">delta omega</p>
     <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p id="inner">shadow words</p>';</script>`,
  ),
  '/hover.html': page(
    'Hover',
    `<p id="a">The word marker appears here.</p>
     <p id="b">Again the word <em id="em">marker</em> appears.</p>
     <div id="host"></div>
     <div style="height: 2500px"></div>
     <p id="far">A far <span id="farspan">marker</span> below.</p>
     <script>
       window.events = [];
       document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>In shadow: <b id="sb">marker</b></p>';
       for (const type of ['pointermove', 'mouseover']) {
         document.addEventListener(type, (event) => {
           const target = event.composedPath()[0];
           events.push({ type, target: target.id || target.localName, x: event.clientX, y: event.clientY, trusted: event.isTrusted });
         }, true);
       }
     </script>`,
  ),
  '/dialog.html': page(
    'Dialog',
    `<p>Page text.</p>
     <button id="light">Light button</button>
     <button id="pad" style="display: inline-flex; align-items: flex-start; height: 80px; width: 160px"><span>Padded</span></button>
     <x-card id="card"></x-card>
     <script>
       window.clicks = [];
       window.keys = [];
       const root = document.getElementById('card').attachShadow({ mode: 'open' });
       root.innerHTML =
         '<div role="dialog" aria-label="Hidden card" hidden>never shown</div>' +
         '<div role="dialog" aria-label="Test card"><h2 id="title">Labelled title</h2>' +
         '<p>Body   text of the card.</p><button aria-label="Close card">×</button></div>';
       document.addEventListener('click', (event) => {
         const target = event.composedPath()[0];
         clicks.push({ target: target.getAttribute('aria-label') || target.id || target.localName, trusted: event.isTrusted });
       }, true);
       document.addEventListener('keydown', (event) => keys.push({ key: event.key, trusted: event.isTrusted }), true);
     </script>`,
  ),
  '/serialize.html': page(
    'Serialize',
    `<p id="keep">kept text</p>
     <gloss-x id="g1"><span>SECRET-1</span></gloss-x>
     <div id="wrap"><gloss-card>SECRET-2</gloss-card></div>
     <my-gloss-x>not ours</my-gloss-x>`,
  ),
  '/tab-a.html': page('Tab A', '<p>first tab</p>'),
  '/tab-b.html': page('Tab B', '<p>second tab</p>'),
  '/moved.html': page('Moved', '<p>moved here</p>'),
  '/log.html': page(
    'Log',
    `<p>logging</p><script>console.error('harness says no'); setTimeout(() => { throw new Error('harness threw'); }, 0);</script>`,
  ),
};

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

let server: TestServer;
beforeAll(async () => {
  server = await startServer(ROUTES);
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('harness in %s', (name) => {
  let browser: GlossBrowser;
  const opened: GlossPage[] = [];
  const open = async (path: string) => {
    const tab = await browser.open(server.url(path));
    opened.push(tab);
    return tab;
  };
  const popupFor = async (tab: GlossPage) => {
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    return popup;
  };

  beforeAll(async () => {
    browser = await launch(name);
  });
  afterEach(async () => {
    for (const tab of opened.splice(0)) await tab.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('knows the extension origin', () => {
    expect(browser.name).toBe(name);
    expect(browser.extensionOrigin).toMatch(name === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);
  });

  it('opens the popup for a tab, as a page of its own', async () => {
    const tab = await open('/plain.html');
    const id = await tab.tabId();
    const popup = await popupFor(tab);
    expect(popup.url()).toBe(`${browser.extensionOrigin}/popup.html?tab=${id}`);
    await popup.waitFor(() => document.querySelector('h1')?.textContent === 'Gloss', 'the popup heading "Gloss"');
    const seen = await popup.evaluate(() => ({
      origin: location.origin,
      tab: new URLSearchParams(location.search).get('tab'),
      links: [...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href),
      text: document.body.textContent ?? '',
    }));
    expect(seen.origin).toBe(browser.extensionOrigin);
    expect(seen.tab).toBe(String(id));
    expect(seen.links.some((href) => href.startsWith('https://www.dw.com/'))).toBe(true);
    expect(seen.text).toContain('About the source');
    // As with a real popup, the page stays visible behind it (Firefox hides background tabs).
    expect(await tab.evaluate(() => document.visibilityState)).toBe('visible');
  });

  it('reads highlights the page registered, by name and in document order', async () => {
    const tab = await open('/plain.html');
    expect(await tab.highlightTexts('gloss-test')).toEqual([]);
    const registered = await tab.evaluate(() => {
      const word = (node: Node, text: string) => {
        const range = document.createRange();
        const at = node.textContent!.indexOf(text);
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        return range;
      };
      const first = document.getElementById('first')!.firstChild!;
      const last = document.getElementById('last')!.firstChild!;
      const inner = document.getElementById('host')!.shadowRoot!.getElementById('inner')!.firstChild!;
      const gamma = new StaticRange({ startContainer: first, startOffset: 11, endContainer: first, endOffset: 16 });
      // Added out of document order on purpose; one StaticRange, one range inside an open shadow root.
      CSS.highlights.set('gloss-test', new Highlight(word(last, 'omega'), word(inner, 'shadow'), gamma, word(first, 'alpha')));
      CSS.highlights.set('other-test', new Highlight(word(first, 'beta')));
      CSS.highlights.set('gloss-empty', new Highlight());
      return CSS.highlights.size;
    });
    expect(registered).toBeGreaterThanOrEqual(3);
    const sizes = await tab.highlights();
    expect(sizes['gloss-test']).toBe(4);
    expect(sizes['gloss-empty']).toBe(0);
    expect(sizes).not.toHaveProperty('other-test');
    expect(await tab.highlightTexts('gloss-test')).toEqual(['alpha', 'gamma', 'shadow', 'omega']);
    expect(await tab.highlightTexts('gloss-missing')).toEqual([]);
  });

  it('hovers a word with a real pointer, landing on that word', async () => {
    const tab = await open('/hover.html');
    // The page's records: the last pointermove, whether the target got a mouseover, and where the caret is.
    const landing = () =>
      tab.evaluate(() => {
        const events = (window as any).events as { type: string; target: string; x: number; y: number; trusted: boolean }[];
        const moves = events.filter((event) => event.type === 'pointermove');
        const last = moves[moves.length - 1]!;
        const caret = document.caretPositionFromPoint(last.x, last.y);
        const node = caret?.offsetNode;
        return {
          moves: moves.length,
          last,
          over: events.filter((event) => event.type === 'mouseover').map((event) => event.target),
          caretParent: node?.parentElement?.id ?? null,
          caretOffset: caret?.offset ?? -1,
          caretText: node?.textContent ?? null,
          scrollY: window.scrollY,
        };
      });

    await tab.hoverText('marker', 1);
    let seen = await landing();
    expect(seen.moves).toBeGreaterThan(1); // a motion in steps, not a jump
    expect(seen.last).toMatchObject({ target: 'em', trusted: true });
    expect(seen.over).toContain('em');
    expect(seen.caretParent).toBe('em');
    expect(seen.caretOffset).toBeGreaterThan(0);
    expect(seen.caretOffset).toBeLessThan('marker'.length);

    await tab.hoverText('marker'); // occurrence 0, inside a longer text node
    seen = await landing();
    expect(seen.last).toMatchObject({ target: 'a', trusted: true });
    const start = 'The word '.length;
    expect(seen.caretParent).toBe('a');
    expect(seen.caretOffset).toBeGreaterThan(start);
    expect(seen.caretOffset).toBeLessThan(start + 'marker'.length);

    await tab.hoverText('marker', 2); // inside the open shadow root
    seen = await landing();
    expect(seen.last).toMatchObject({ target: 'sb', trusted: true });

    await tab.hoverText('marker', 3); // below the fold: scrolled into view first
    seen = await landing();
    expect(seen.scrollY).toBeGreaterThan(0);
    expect(seen.last).toMatchObject({ target: 'farspan', trusted: true });
    expect(seen.caretParent).toBe('farspan');

    await tab.moveAway();
    seen = await landing();
    expect(['html', 'body']).toContain(seen.last.target);

    await expect(tab.hoverText('marker', 4)).rejects.toThrow(/4 occurrence\(s\) of "marker"/);
  });

  it('finds a dialog in an open shadow root, with its accessible name', async () => {
    const tab = await open('/dialog.html');
    // textContent, whitespace runs collapsed (no spaces are invented between elements).
    expect(await tab.dialog()).toEqual({ name: 'Test card', text: 'Labelled titleBody text of the card.×' });

    await tab.evaluate(() => {
      const dialog = document.getElementById('card')!.shadowRoot!.querySelector('[aria-label="Test card"]')!;
      dialog.removeAttribute('aria-label');
      dialog.setAttribute('aria-labelledby', 'title');
    });
    expect((await tab.dialog())?.name).toBe('Labelled title');

    await tab.evaluate(() => {
      (document.getElementById('card')!.shadowRoot!.querySelector('[aria-labelledby]') as HTMLElement).style.display = 'none';
    });
    expect(await tab.dialog()).toBeNull();
  });

  it('clicks by accessible name (also in a shadow root) and presses real keys', async () => {
    const tab = await open('/dialog.html');
    await tab.click('Close card');
    await tab.click('Light button');
    await tab.click('Padded'); // the button (interactive) is chosen over its smaller <span>: its centre is below the text
    expect(await tab.evaluate(() => (window as any).clicks)).toEqual([
      { target: 'Close card', trusted: true },
      { target: 'light', trusted: true },
      { target: 'pad', trusted: true },
    ]);
    await expect(tab.click('No such button')).rejects.toThrow(/No such button/);

    await tab.press('Escape');
    await tab.press('Shift+Tab');
    const keys = await tab.evaluate(() => (window as any).keys as { key: string; trusted: boolean }[]);
    expect(keys).toEqual([
      { key: 'Escape', trusted: true },
      { key: 'Shift', trusted: true },
      { key: 'Tab', trusted: true },
    ]);
  });

  it('serialises the page without gloss-* elements, leaving the page alone', async () => {
    const tab = await open('/serialize.html');
    const html = await tab.serialize();
    expect(html.startsWith('<html')).toBe(true);
    expect(html).toContain('<p id="keep">kept text</p>');
    expect(html).toContain('<div id="wrap"></div>');
    expect(html).toContain('<my-gloss-x>not ours</my-gloss-x>');
    expect(html).not.toMatch(/<gloss-|SECRET/);
    expect(await tab.evaluate(() => document.querySelectorAll('gloss-x, gloss-card').length)).toBe(2);
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
    await popup.evaluate(updateTab, idB, server.url('/moved.html?b'));
    await b.waitFor(() => location.href.endsWith('/moved.html?b'), 'tab B to be moved by tabs.update');
    await popup.evaluate(updateTab, idTwin, server.url('/moved.html?twin'));
    await twin.waitFor(() => location.href.endsWith('/moved.html?twin'), 'the twin tab to be moved by tabs.update');
    expect(await a.evaluate(() => location.pathname)).toBe('/tab-a.html');
    // url() follows the browser's navigation events, which can arrive a moment after the page's location changed.
    const expected = [server.url('/tab-a.html'), server.url('/moved.html?b'), server.url('/moved.html?twin')];
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
    await tab.goto(server.url('/log.html'));
    await until(() => exceptions() === 1, 'the exception');
    expect(kept).toEqual([
      { kind: 'console', level: 'error', text: 'harness says no', source: server.url('/log.html') },
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
    await tab.goto(server.url('/tab-b.html'));
    expect(tab.url()).toBe(server.url('/tab-b.html'));
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
    const tab = await browser.open(server.url('/tab-a.html'));
    expect(await tab.evaluate(() => document.title)).toBe('Tab A');
    await tab.goto('http://outside.invalid/page').catch(() => undefined); // the proxy's 403, or a navigation error
    await tab.goto('https://outside.invalid/page').catch(() => undefined);
    const asked = proxy.take();
    expect(asked).toContain('outside.invalid');
    expect(asked).toContain('outside.invalid:443');
    expect(asked.filter((host) => host.startsWith('127.0.0.1'))).toEqual([]);
  });
});
