/**
 * A name added to a live page licenses the short forms above it once: the page is found again one time, not once
 * per edit that the page makes while that second pass is under way.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type GlossPage } from './driver';
import { useGlossSuite } from './gloss-suite';

/** A bare surname, a long table of short rows (no article: the whole body is read), prices edited every few milliseconds, and later the full name. */
const LIVE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Live</title></head><body>
<p id="bare">Sharif spoke first.</p>
<div id="prices">Waiting for prices</div>
<div id="report"></div>
<script>
  for (let i = 0; i < 6000; i++) {
    document.getElementById('report').append(Object.assign(document.createElement('p'), { textContent: 'Row ' + i + ': Islamabad' }));
  }
  const prices = document.getElementById('prices').firstChild;
  window.edits = 0;
  setInterval(() => { window.edits++; prices.data = 'Update ' + window.edits + ': cotton up.'; }, 4);
  const full = () => Object.assign(document.createElement('p'), { id: 'full', textContent: 'Shehbaz Sharif arrived later.' });
  window.nameBelow = () => document.body.append(full());
  window.nameAbove = () => document.body.prepend(full());
</script></body></html>`;

describe.each(BROWSERS)('finding a live page again in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { routes: () => ({ '/live.html': LIVE_PAGE }), startPage: 'feed.html' });

  async function openLive(): Promise<GlossPage> {
    await suite.setSettings(undefined);
    const page = await suite.open('live.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) >= 6000, 'the report to be marked');
    expect(await page.highlightTexts('gloss-person')).toEqual([]);
    return page;
  }

  /** Lets the page edit itself two hundred more times, each edit a change Gloss finds again. */
  async function manyEdits(page: GlossPage): Promise<void> {
    await page.evaluate(() => ((window as any).editsThen = (window as any).edits));
    await page.waitFor(() => (window as any).edits > (window as any).editsThen + 200, 'two hundred more edits');
  }

  it('marks a bare surname once a full name is inserted above it, finding the page again once while the page keeps changing', async () => {
    const page = await openLive();
    await page.evaluate(() => (window as any).nameAbove());
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 2, 'the full name and the bare surname below it to be marked');
    await manyEdits(page);
    expect(await page.highlightTexts('gloss-person')).toEqual(['Shehbaz Sharif', 'Sharif']);
    expect((await suite.diagnostics(page)).rescans).toBe(1);
    await page.close();
  });

  it('finds the page again at most once for a full name added below the bare surname, which it cannot license', async () => {
    const page = await openLive();
    await page.evaluate(() => (window as any).nameBelow());
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 1, 'the full name to be marked');
    await manyEdits(page);
    expect(await page.highlightTexts('gloss-person')).toEqual(['Shehbaz Sharif']);
    expect((await suite.diagnostics(page)).rescans).toBeLessThanOrEqual(1);
    await page.close();
  });
});
