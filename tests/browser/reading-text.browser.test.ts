/**
 * The reading text, rule by rule: each fixture page isolates one rule (where the paragraphs are, landmarks and
 * roles, class names, link density) and says with `data-expect` which parts are reading text and which are chrome.
 * By default only the reading text is marked; with "the whole page" chosen for the site the chrome is marked too,
 * which also shows that every chrome part of the fixture holds a name the rule has to keep out.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type GlossPage } from './driver';
import { useGlossSuite } from './gloss-suite';

const FIXTURES = [
  'reading-article.html',
  'reading-article-parts.html',
  'reading-landmarks.html',
  'reading-class-words.html',
  'reading-link-lists.html',
];

interface Parts {
  /** `data-expect` value → the text of each such part that holds at least one mark. */
  marked: Record<string, string[]>;
  /** The text of each part that expects marks. */
  read: string[];
}

/** Which `data-expect` parts of the page hold marks. */
function partsMarked(page: GlossPage): Promise<Parts> {
  return page.evaluate(() => {
    const label = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const marked: Record<string, Set<string>> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-') || name === 'gloss-active') continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        const part = range.startContainer.parentElement?.closest('[data-expect]');
        if (!part) continue;
        const expect = part.getAttribute('data-expect')!;
        marked[expect] ??= new Set();
        marked[expect].add(label(part));
      }
    }
    return {
      marked: Object.fromEntries(Object.entries(marked).map(([expect, parts]) => [expect, [...parts].sort()])),
      read: [...document.querySelectorAll('[data-expect="read"]')].map(label).sort(),
    };
  });
}

const chromeParts = (page: GlossPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-expect="chrome"]')]
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40))
      .sort(),
  );

describe.each(BROWSERS)('the reading text in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { startPage: 'feed.html' });

  async function openMarked(fixture: string): Promise<GlossPage> {
    const page = await suite.open(fixture);
    await page.waitFor(() => [...CSS.highlights.keys()].some((name) => name.startsWith('gloss-')), `${fixture} to be marked`);
    await expect.poll(async () => (await suite.diagnostics(page)).firstPassDone).not.toBeNull();
    return page;
  }

  it.each(FIXTURES)('%s: marks every part of the reading text and none of the chrome', async (fixture) => {
    await suite.setSettings(undefined);
    const page = await openMarked(fixture);
    const parts = await partsMarked(page);
    expect(parts.marked.chrome ?? []).toEqual([]);
    expect(parts.marked.read).toEqual(parts.read);
    await page.close();
  });

  it.each(FIXTURES)('%s: marks the chrome too once the whole page is chosen for the site, live', async (fixture) => {
    await suite.setSettings(undefined);
    const page = await openMarked(fixture);
    const chrome = await chromeParts(page);
    expect(chrome.length).toBeGreaterThan(0);
    await suite.setSettings({ version: 3, wholePage: ['127.0.0.1'] });
    await expect.poll(async () => (await partsMarked(page)).marked.chrome ?? [], { timeout: 10_000 }).toEqual(chrome);
    expect((await partsMarked(page)).marked.read).toEqual((await partsMarked(page)).read);
    await suite.setSettings(undefined);
    await expect.poll(async () => (await partsMarked(page)).marked.chrome ?? [], { timeout: 10_000 }).toEqual([]);
    await page.close();
  });

  it('follows the choice made in the popup, on the open page, without a reload', async () => {
    await suite.setSettings(undefined);
    const page = await openMarked('reading-landmarks.html');
    const chrome = await chromeParts(page);
    const popup = await suite.browser.openPopup(page);
    await popup.waitFor(() => document.querySelector('input[type="radio"][value="page"]') !== null, 'the popup to offer the choice');
    await popup.click('The whole page');
    await expect.poll(async () => (await partsMarked(page)).marked.chrome ?? [], { timeout: 10_000 }).toEqual(chrome);
    await popup.click('The article');
    await expect.poll(async () => (await partsMarked(page)).marked.chrome ?? [], { timeout: 10_000 }).toEqual([]);
    expect((await partsMarked(page)).marked.read).toEqual((await partsMarked(page)).read);
    await popup.close();
    await page.close();
  });
});
