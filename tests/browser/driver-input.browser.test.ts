/**
 * Tests of the browser harness itself (driver.ts, server.ts), in both browsers: what it reads in a page and the real
 * input it gives. Every page here is the test's own (driver-test-pages.ts), and each check is made from an
 * independent source (the page's own event records), so a broken driver method fails its test.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './driver';
import { ROUTES } from './driver-test-pages';
import { useHarnessServer, useHarnessTabs } from './harness-suite';

const pages = useHarnessServer(ROUTES);

describe.each(BROWSERS)('harness in %s', (name) => {
  const { open } = useHarnessTabs(name, pages);

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
});
