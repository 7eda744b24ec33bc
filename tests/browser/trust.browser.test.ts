/**
 * Cards a reader can trust and correct (issue 9), in both browsers: the reasoning line, "Not …" and its
 * persistence, source markers that open the article at the claim's paragraph, and the screen-reader announcement.
 */
import { describe, expect, it } from 'vitest';
import knowledge from 'virtual:gloss-knowledge';
import { readTextDirective } from '../support/text-directive';
import { BROWSERS, type GlossPage } from './driver';
import { useGlossSuite } from './gloss-suite';

/** correction.html, counted by hand: Islamabad, Shehbaz Sharif, Sharif, Sharif, Fatemeh Aman, Middle East Institute. */
const NAMES = 4;
const MARKS = 6;

const liveRegion = () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
const cardName = () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent ?? null;

describe.each(BROWSERS)('cards a reader can trust, in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { startPage: 'feed.html' });

  async function openCorrectionPage(): Promise<GlossPage> {
    const page = await suite.open('correction.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'the page to be marked');
    return page;
  }

  const personMarks = (page: GlossPage) => page.highlightTexts('gloss-person');

  it('tells screen readers once how many names it found and which key steps through them', async () => {
    await suite.setSettings(undefined);
    const page = await openCorrectionPage();
    await page.waitFor(
      () => (document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '') !== '',
      'the announcement',
    );
    const message = await page.evaluate(liveRegion);
    expect(message).toMatch(new RegExp(`^Gloss found ${NAMES} names on this page, marked ${MARKS} times\\. Press \\S+ to step through them\\.$`));
    expect(message).toMatch(/Press Alt\+G /);
    const region = await page.evaluate(() => {
      const element = document.querySelector('gloss-card')!.shadowRoot!.querySelector('[role="status"]')!;
      (window as any).liveChanges = 0;
      new MutationObserver((records) => ((window as any).liveChanges += records.length)).observe(element, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      return { live: element.getAttribute('aria-live'), hidden: element.getBoundingClientRect().width <= 1 };
    });
    expect(region).toEqual({ live: 'polite', hidden: true });
    // A name added later is marked, but not announced again.
    await page.evaluate(() =>
      document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Later, Masoud Pezeshkian called to offer support.</p>'),
    );
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 5, 'the new name to be marked');
    expect(await personMarks(page)).toContain('Masoud Pezeshkian');
    expect(await page.evaluate(() => (window as any).liveChanges)).toBe(0);
    await page.close();
  });

  it('says nothing when the reader switched the announcement off in the popup', async () => {
    await suite.setSettings(undefined);
    await suite.extension.reload();
    await suite.extension.waitFor(() => document.querySelector('input[role="switch"]') !== null, 'the popup to load');
    await suite.extension.click('Tell screen readers what was found');
    await suite.extension.waitFor(
      async () => (await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get('settings')).settings?.announce === false,
      'the switch to be saved',
    );
    const page = await openCorrectionPage();
    await expect.poll(async () => (await suite.diagnostics(page)).firstPassDone).not.toBeNull();
    // Announcing, the page makes its live region with its first marks, before they are painted: here it made none.
    expect(await page.evaluate(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="status"]') != null)).toBe(false);
    expect(await page.evaluate(liveRegion)).toBe('');
    await page.close();
  });

  it('explains a bare surname, hides it with "Not …" here and after a reload, and brings it back with the popup\'s undo', async () => {
    await suite.setSettings(undefined);
    const page = await openCorrectionPage();
    expect(await personMarks(page)).toEqual(['Shehbaz Sharif', 'Sharif', 'Sharif', 'Fatemeh Aman']);

    await page.hoverText('Sharif', 1);
    await page.waitFor(
      () => (document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent ?? null) === 'Shehbaz Sharif',
      'the card of the bare surname',
    );
    expect((await page.dialog())!.text).toContain('“Sharif” — taken as Shehbaz Sharif, named earlier on this page');

    await page.click('Not Shehbaz Sharif here');
    await page.waitFor(() => [...(CSS.highlights.get('gloss-person') ?? [])].length === 2, 'both bare marks to go');
    expect(await personMarks(page)).toEqual(['Shehbaz Sharif', 'Fatemeh Aman']);
    expect(await page.evaluate(cardName)).toBeNull();
    await page.waitFor(
      () => (document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '').startsWith('Hid '),
      'the live region to say so',
    );
    expect(await page.evaluate(liveRegion)).toBe('Hid 2 marks of “Sharif” as Shehbaz Sharif on this site. To undo, open Gloss from the toolbar.');
    expect((await suite.readSettings()).hidden).toEqual([{ site: '127.0.0.1', text: 'Sharif', entity: 'shehbaz-sharif' }]);

    await page.reload();
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'the reloaded page to be marked');
    expect(await personMarks(page)).toEqual(['Shehbaz Sharif', 'Fatemeh Aman']);

    // The full name's card, opened from its own mark, offers to hide only the full name.
    await page.hoverText('Shehbaz Sharif');
    await page.waitFor(
      () => (document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent ?? null) === 'Shehbaz Sharif',
      'the card of the full name',
    );
    const text = (await page.dialog())!.text;
    expect(text).not.toContain('taken as');
    expect(text).toContain('Not Shehbaz Sharif here');
    await page.moveAway();

    const popup = await suite.browser.openPopup(page);
    await popup.waitFor(() => document.querySelector('.corrections') !== null, 'the popup to list the correction');
    expect(await popup.evaluate(() => document.querySelector('.corrections li span')?.textContent)).toBe('“Sharif” → Shehbaz Sharif');
    await popup.click('Undo: show “Sharif” as Shehbaz Sharif again');
    await page.waitFor(() => [...(CSS.highlights.get('gloss-person') ?? [])].length === 4, 'the bare marks to come back without a reload');
    expect(await personMarks(page)).toEqual(['Shehbaz Sharif', 'Sharif', 'Sharif', 'Fatemeh Aman']);
    expect((await suite.readSettings()).hidden).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('opens the article at the paragraph a quote comes from, by a text fragment', async () => {
    await suite.setSettings(undefined);
    const page = await openCorrectionPage();
    // Where the marker would take the reader; the real site is never fetched.
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        (event) => {
          const link = event.composedPath().find((node) => (node as Element).localName === 'a') as HTMLAnchorElement | undefined;
          if (!link) return;
          event.preventDefault();
          (window as any).opened = { url: link.href, target: link.target };
        },
        true,
      );
    });
    const aman = knowledge.entities.find((entity) => entity.id === 'fatemeh-aman')!;
    const quote = aman.quotes.find(
      (q) =>
        aman.quotes.filter((other) => other.paragraph === q.paragraph).length === 1 &&
        q.paragraph !== aman.role.paragraph &&
        !aman.summary.some((c) => c.paragraph === q.paragraph),
    )!;
    await page.hoverText('Fatemeh Aman');
    await page.waitFor(
      () => (document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent ?? null) === 'Fatemeh Aman',
      'her card',
    );
    const text = (await page.dialog())!.text;
    expect(text).toContain('As of 6 August 2025 (DW)');
    await page.click(`Source: DW, paragraph ${quote.paragraph} (opens in a new tab)`);
    const opened = await page.evaluate(() => (window as any).opened as { url: string; target: string });
    const source = knowledge.sources[0]!;
    const passage = source.passages.find((p) => p.paragraph === quote.paragraph)!;
    expect(opened.target).toBe('_blank');
    expect(opened.url.startsWith(`${source.url}#:~:text=`)).toBe(true);
    expect(readTextDirective(opened.url)).toEqual({ start: passage.start, end: passage.end });
    await page.close();
  });
});
