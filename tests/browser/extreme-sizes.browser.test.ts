/**
 * Extreme pages (issue #7, "Never break a page"): huge, deep and restless pages are marked to their end. "No task
 * over 50 ms" is asserted from the scheduler's own record, since tests assert structure, not time: every slice
 * stayed within its budget of work units, and a huge page took more than one slice.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type GlossPage } from './driver';
import { extremeRoutes, WHOLE_PAGE } from './extreme-pages';
import { useGlossSuite } from './gloss-suite';

describe.each(BROWSERS)('extreme pages in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { routes: extremeRoutes, startPage: 'article.html' });

  /** The page's whole text went through the scheduler, in several slices, none over its budget of work. */
  async function expectSlicedWithinBudget(page: GlossPage): Promise<void> {
    const { slices, budgetUnits } = await suite.diagnostics(page);
    const text = await page.evaluate(() => document.body.textContent!.length);
    expect(slices.length).toBeGreaterThan(3);
    for (const slice of slices) expect(slice.units).toBeLessThanOrEqual(budgetUnits);
    expect(slices.reduce((sum: number, slice: { units: number }) => sum + slice.units, 0)).toBeGreaterThanOrEqual(text);
  }

  it('marks a page of 200,000 elements in many slices, none over its budget of work', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('elements.html');
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(200_000);
    // Found in document order: a mark in the last row means the whole page was done.
    await page.waitFor(
      () => [...(CSS.highlights.get('gloss-place') ?? [])].some((range) => range.startContainer.parentElement?.id === 'last'),
      'the last row to be marked',
      120_000,
    );
    expect(await page.highlightTexts('gloss-place')).toHaveLength(400 + 1);
    await expectSlicedWithinBudget(page);
    await page.close();
  });

  it('marks 10,000 mentions in slices, none over its budget of work, and paints them', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('mentions.html');
    await page.waitFor(() => CSS.highlights.get('gloss-place')?.size === 10_000, 'all 10,000 mentions to be painted', 120_000);
    await expectSlicedWithinBudget(page);
    await page.close();
  });

  it('marks a text node of 5 MB in slices, to its last sentence', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('big-node.html');
    expect(await page.evaluate(() => document.getElementById('dump')!.childNodes.length)).toBe(1);
    expect(await page.evaluate(() => (document.getElementById('dump')!.firstChild as Text).length)).toBeGreaterThan(5_000_000);
    await page.waitFor(
      () => [...(CSS.highlights.get('gloss-place') ?? [])].some((range) => range.endOffset === (range.startContainer as Text).length - 1),
      'the last sentence to be marked',
      120_000,
    );
    const places = await page.highlightTexts('gloss-place');
    expect(places.at(-1)).toBe('Tehran');
    expect(places.filter((text) => text === 'Islamabad').length).toBeGreaterThan(700);
    await expectSlicedWithinBudget(page);
    await page.close();
  });

  it('marks text nested 5,000 elements deep, down to the innermost', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('deep.html');
    expect(
      await page.evaluate(() => {
        let depth = 0;
        for (let el: Element | null = document.getElementById('innermost'); el; el = el.parentElement) depth++;
        return depth;
      }),
    ).toBeGreaterThan(5_000);
    await page.waitFor(
      () => [...(CSS.highlights.get('gloss-place') ?? [])].some((range) => range.startContainer.parentElement?.id === 'innermost'),
      'the innermost text to be marked',
      60_000,
    );
    expect(await page.highlightTexts('gloss-place')).toEqual([
      'Islamabad',
      'Chabahar',
      'Balochistan',
      'Washington',
      'Islamabad',
      'Chabahar',
      'Tehran',
    ]);
    await page.close();
  });

  it('keeps up with a ticker that rewrites its text 1,000 times a second, with bounded work per update', async () => {
    // A ticker is not reading text: only with the whole page chosen is it marked at all.
    await suite.setSettings(WHOLE_PAGE);
    const page = await suite.open('ticker.html');
    await page.waitFor(() => (window as any).edits > 2_000, 'two thousand edits of the ticker', 60_000);
    // Marked on the ticker's latest text: after the page's task that edited it, before the next one.
    await page.waitFor(() => {
      const text = document.getElementById('ticker')!.firstChild as Text;
      const place = text.data.match(/in (\w+),/)![1];
      const marks = [...(CSS.highlights.get('gloss-place') ?? [])].filter((range) => range.startContainer === text);
      return marks.length === 1 && text.data.slice(marks[0]!.startOffset, marks[0]!.endOffset) === place;
    }, 'the ticker’s latest place to be marked');
    // Nothing accumulates: the two people above it and one place in it.
    expect(await page.evaluate(() => [CSS.highlights.get('gloss-person')!.size, CSS.highlights.get('gloss-place')!.size])).toEqual([2, 1]);
    const { slices } = await suite.diagnostics(page);
    // Each update finds the ticker's own block again, not the page.
    const updates = slices.slice(-100);
    expect(updates.length).toBe(100);
    for (const slice of updates) expect(slice.units).toBeLessThanOrEqual(400);
    await page.close();
  });
});
