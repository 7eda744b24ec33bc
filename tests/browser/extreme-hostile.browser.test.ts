/**
 * Hostile pages (issue #7, "Never break a page"): closed shadow roots, frames, SVG, design mode, hostile CSS and
 * pages that write themselves; each must leave the page as it was and Gloss either working or cleanly idle.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './driver';
import { extremeRoutes, OFF, WHOLE_PAGE } from './extreme-pages';
import { useGlossSuite } from './gloss-suite';

describe.each(BROWSERS)('hostile pages in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { routes: extremeRoutes, startPage: 'article.html' });

  /** Opens `path` with Gloss off, then switches it on: the DOM must serialise as it did before Gloss ran. */
  async function expectDomUnchanged(path: string, marked: () => boolean): Promise<void> {
    const page = await suite.open(path);
    await suite.setSettings(OFF);
    await page.reload();
    const before = await page.serialize();
    await suite.setSettings(undefined);
    await page.waitFor(marked, `${path} to be marked`, 60_000);
    await suite.waitForFirstPass(page);
    expect(await page.serialize()).toBe(before);
    await page.close();
  }

  it('leaves closed shadow roots alone and still marks the page around them', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('shadow.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 1, 'the page to be marked');
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Later: Tehran.' })));
    await page.waitFor(() => CSS.highlights.get('gloss-place')?.size === 2, 'text added later to be marked');
    // The closed root's "Tehran" is never marked: every mark lies in the document or the open root.
    expect(
      await page.evaluate(() =>
        [...CSS.highlights.values()]
          .flatMap((h) => [...h])
          .every((range) => {
            const root = range.startContainer.getRootNode();
            return root === document || root === (window as any).openRoot;
          }),
      ),
    ).toBe(true);
    await page.close();
  });

  it('marks a same-origin frame and a cross-origin frame, each by its own content script', async () => {
    await suite.setSettings(undefined);
    const other = suite.server.origin.replace('127.0.0.1', 'localhost');
    const page = await suite.open(`frames.html?other=${encodeURIComponent(other)}`);
    // A frame reports from its load on, before its content script has marked it: wait for reports with marks.
    await page.waitFor(
      () => ['same', 'cross'].every((name) => (window as any).frameMarks[name]?.['gloss-place']),
      'both frames to report marks',
      60_000,
    );
    const frames = await page.evaluate(() => (window as any).frameMarks);
    expect(frames.same).toEqual({ 'gloss-person': ['Shehbaz Sharif'], 'gloss-place': ['Chabahar'] });
    expect(frames.cross).toEqual({ 'gloss-person': ['Shehbaz Sharif'], 'gloss-place': ['Chabahar'] });
    expect(await page.highlightTexts('gloss-place')).toEqual(['Islamabad']);
    // No content script runs in srcdoc or about:blank frames (they match no http page): they stay cleanly unmarked.
    expect(
      await page.evaluate(() =>
        ['srcdoc', 'blank'].map((id) => {
          const frame = document.getElementById(id) as HTMLIFrameElement;
          return [frame.contentDocument!.body.textContent, [...(frame.contentWindow as any).CSS.highlights.keys()]];
        }),
      ),
    ).toEqual([
      ['A srcdoc frame names Tehran.', []],
      ['An about:blank frame the parent wrote into names Chabahar.', []],
    ]);
    await page.close();
  });

  it('ignores SVG text, as part of a picture, and marks the page around it', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('svg.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 1, 'the page to be marked');
    await suite.waitForFirstPass(page);
    expect(await page.highlightTexts('gloss-country')).toEqual(['Iran', 'Pakistan']);
    expect(await page.highlightTexts('gloss-place')).toEqual(['Islamabad']);
    expect(await page.highlightTexts('gloss-person')).toEqual([]);
    await page.close();
  });

  it('never marks a page in design mode, before or after typing', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('design-mode.html');
    expect(await page.evaluate(() => document.designMode)).toBe('on');
    await suite.waitForFirstPass(page);
    await page.evaluate(() => (window as any).type('Typed: Shehbaz Sharif in Tehran.'));
    // A marked page next door shows the extension is live; this one still has nothing.
    const witness = await suite.open('editable.html');
    await witness.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 2, 'the witness page to be marked');
    await witness.close();
    expect(await page.highlights()).toEqual({});
    await page.close();
  });

  it('keeps its card and marks right on a page whose CSS targets *, custom elements and dialogs with !important', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('hostile-css.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 2, 'the page to be marked');
    expect(await page.highlightTexts('gloss-place')).toEqual(['Islamabad']);
    await suite.sendToPage(page, { type: 'gloss:step', direction: 1 });
    await page.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null, 'the card');
    expect((await page.dialog())?.name).toBe('Masoud Pezeshkian');
    const looks = await page.evaluate(() => {
      const host = document.querySelector('gloss-card')!;
      const dialog = host.shadowRoot!.querySelector('[role=dialog]')!;
      const name = dialog.querySelector('h2')!;
      const hostStyle = getComputedStyle(host);
      const style = getComputedStyle(dialog);
      const card = dialog.getBoundingClientRect();
      const range = document.createRange();
      const text = document.querySelector('p')!.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 'Masoud Pezeshkian'.length);
      const mark = range.getBoundingClientRect();
      const hit = host.shadowRoot!.elementFromPoint(card.left + card.width / 2, card.top + 10);
      return {
        host: [hostStyle.display, hostStyle.opacity, hostStyle.transform, hostStyle.filter, hostStyle.visibility],
        dialog: [style.display, style.visibility, style.opacity, style.position, style.fontSize, style.color, style.backgroundColor],
        name: [getComputedStyle(name).fontSize, getComputedStyle(name).color],
        size: [Math.round(card.width), card.height > 50],
        nearMark: card.top >= mark.bottom && card.top - mark.bottom < 20 && card.left < mark.right && card.right > mark.left,
        onTop: hit !== null && dialog.contains(hit),
      };
    });
    expect(looks).toEqual({
      host: ['block', '1', 'none', 'none', 'visible'],
      // The page paints itself black, so the card takes its dark theme.
      dialog: ['block', 'visible', '1', 'fixed', '14px', 'rgb(230, 237, 243)', 'rgb(30, 35, 40)'],
      name: ['17px', 'rgb(230, 237, 243)'],
      size: [360, true],
      nearMark: true,
      onTop: true,
    });
    await page.close();
  });

  it('marks a page that writes itself with document.write, and again after it rewrites itself with document.open', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('written.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 2, 'the written page to be marked');
    expect(await page.highlightTexts('gloss-person')).toEqual(['Masoud Pezeshkian']);
    await page.evaluate(() => (window as any).rewrite());
    await page.waitFor(
      () => document.getElementById('rewritten') !== null && CSS.highlights.get('gloss-place')?.size === 1,
      'the rewritten page to be marked',
    );
    expect(await page.highlightTexts('gloss-person')).toEqual(['Shehbaz Sharif']);
    expect(await page.highlightTexts('gloss-place')).toEqual(['Chabahar']);
    // The card's host went with the old body; the card still opens.
    await page.hoverText('Shehbaz Sharif');
    await page.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Shehbaz Sharif',
      'the card on the rewritten page',
    );
    expect((await page.dialog())?.name).toBe('Shehbaz Sharif');
    await page.close();
  });

  it.each([
    ['elements.html', () => (CSS.highlights.get('gloss-place')?.size ?? 0) === 401],
    ['mentions.html', () => CSS.highlights.get('gloss-place')?.size === 10_000],
    ['big-node.html', () => (CSS.highlights.get('gloss-place')?.size ?? 0) > 700],
    ['deep.html', () => CSS.highlights.get('gloss-place')?.size === 7],
    ['shadow.html', () => CSS.highlights.get('gloss-person')?.size === 2],
    ['frames.html', () => CSS.highlights.get('gloss-place')?.size === 1],
    ['svg.html', () => CSS.highlights.get('gloss-place')?.size === 1],
    ['design-mode.html', () => true],
    ['hostile-css.html', () => CSS.highlights.get('gloss-person')?.size === 2],
    ['written.html', () => CSS.highlights.get('gloss-place')?.size === 2],
  ])(
    'leaves the DOM of %s exactly as it was',
    async (path, marked) => {
      await expectDomUnchanged(path, marked);
    },
    180_000,
  );

  it('leaves the DOM of the ticker page exactly as it was, once the ticker stops', async () => {
    const page = await suite.open('ticker.html');
    await suite.setSettings(OFF);
    await page.reload();
    await page.evaluate(() => (window as any).stopTicker());
    const before = await page.serialize();
    await suite.setSettings(WHOLE_PAGE);
    await page.waitFor(() => CSS.highlights.get('gloss-place')?.size === 1, 'the stopped ticker to be marked');
    expect(await page.serialize()).toBe(before);
    await page.close();
  });
});
