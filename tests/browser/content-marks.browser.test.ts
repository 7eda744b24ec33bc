/**
 * The content script's marks on real pages, in both browsers: by kind, never in what the reader can't see or edit,
 * inside open shadow roots, on pages that broke their built-ins, on live pages (apps, feeds, single-page sites), in
 * slices on a huge page, and as the reader's switches change; and the page's DOM left as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type GlossPage } from './driver';
import { useGlossSuite } from './gloss-suite';

const KIND_HIGHLIGHTS = ['gloss-person', 'gloss-group', 'gloss-country', 'gloss-place', 'gloss-event'];
const expected: Record<string, string[]> = JSON.parse(readFileSync(new URL('../fixtures/pages/article.expected.json', import.meta.url), 'utf8'));
/** The app fixture imports Preact; the test server's in-memory routes are HTML, so it gets the module as a data: URL. */
const preactModule = `data:text/javascript;base64,${readFileSync(new URL('../../node_modules/preact/dist/preact.mjs', import.meta.url)).toString('base64')}`;
const appPage = readFileSync(new URL('../fixtures/pages/app.html', import.meta.url), 'utf8').replace('/vendor/preact.mjs', preactModule);

/** A page that records every window message and DOM event a script could send it. */
const LISTENING_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Listening</title><script>
  window.heard = [];
  addEventListener('message', (event) => heard.push('message ' + JSON.stringify(event.data)));
</script></head><body><p>Shehbaz Sharif met Masoud Pezeshkian in Islamabad.</p></body></html>`;

/** A full name half hidden by the page's CSS (a truncated teaser, a collapsed byline), then a visible place. */
const PART_HIDDEN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Teaser</title></head><body>
  <p>Prime Minister Shehbaz <span style="display:none">Sharif</span> spoke.</p><p>Talks in Islamabad go on.</p></body></html>`;

/** About a megabyte of news-like paragraphs, a few names in each. */
function hugePage(): string {
  const sentences = [
    'Officials in Islamabad said talks with Tehran would continue next week.',
    'Trade across the border has grown, traders in Quetta said, despite the sanctions.',
    'The Balochistan Liberation Army claimed an attack on a convoy near the coast.',
    'Analysts expect Washington to watch the talks closely.',
    'Farmers complained about water shortages and the price of diesel.',
  ];
  const paragraphs: string[] = [];
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    const text = `${sentences[i % sentences.length]} ${sentences[(i * 7 + 3) % sentences.length]} Update ${i}.`;
    paragraphs.push(`<p>${text}</p>`);
    size += text.length;
  }
  paragraphs.push('<p id="last">The archive ends with Tehran.</p>');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Archive</title></head><body><main>${paragraphs.join('\n')}</main></body></html>`;
}

/** Marks on the page as { highlight name: texts }, for the kinds only. */
async function marksOf(page: GlossPage): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of KIND_HIGHLIGHTS) {
    const texts = await page.highlightTexts(name);
    if (texts.length > 0) out[name] = texts;
  }
  return out;
}

/** The pages this file serves from memory. */
const marksRoutes = () => ({
  '/app.html': appPage,
  '/huge.html': hugePage(),
  '/listening.html': LISTENING_PAGE,
  '/part-hidden.html': PART_HIDDEN_PAGE,
});

const total = async (page: GlossPage) => Object.values(await marksOf(page)).reduce((n, list) => n + list.length, 0);

describe.each(BROWSERS)('marks in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { routes: marksRoutes, startPage: 'feed.html' });

  it('marks every expected name by kind, and nothing in the textarea, code, pre or hidden text', async () => {
    const page = await suite.openMarkedArticle();
    expect(await marksOf(page)).toEqual(expected);
    await page.close();
  });

  it('does not mark a name the reader cannot see whole', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('part-hidden.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 1, 'the visible name to be marked');
    expect(await marksOf(page)).toEqual({ 'gloss-place': ['Islamabad'] });
    await page.close();
  });

  it('still marks the page when the stored settings are garbage', async () => {
    await suite.setSettings('}{ not settings');
    const page = await suite.open('article.html?garbage');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'marks despite corrupt settings');
    expect(await marksOf(page)).toEqual(expected);
    await page.close();
  });

  it('marks inside open shadow roots, styles the marks there, follows changes there, and leaves closed roots alone', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('shadow.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 2, 'the open root to be marked');
    expect(await marksOf(page)).toEqual({ 'gloss-person': ['Masoud Pezeshkian', 'Shehbaz Sharif'], 'gloss-place': ['Islamabad'] });
    expect(
      await page.evaluate(() =>
        (window as any).openRoot.adoptedStyleSheets.some((sheet: CSSStyleSheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(gloss-person)')),
        ),
      ),
    ).toBe(true);
    await page.evaluate(() => (window as any).addToOpenStory('Marco Rubio phoned later.'));
    await page.waitFor(() => CSS.highlights.get('gloss-person')?.size === 3, 'text added inside the root to be marked');
    await suite.setSettings({ version: 1, enabled: false, sitesOff: [], topicsOff: [], kindsOff: [] });
    await page.waitFor(() => (window as any).openRoot.adoptedStyleSheets.length === 0, 'the adopted sheet to go when Gloss is switched off');
    await suite.setSettings(undefined);
    await page.close();
  });

  it('marks a page that broke its own built-ins (MutationObserver, Range, Array, Map, String, RegExp, JSON, CSS) as any other', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('hostile-globals.html');
    // The page restores its built-ins only once it sees Gloss's three marks of people (see the fixture).
    await page.waitFor(() => (window as any).builtinsRestored === true, 'the page to be marked despite its broken built-ins');
    expect(await page.highlightTexts('gloss-person')).toEqual(['Shehbaz Sharif', 'Masoud Pezeshkian', 'Sharif']);
    await page.close();
  });

  it('never marks text the reader can edit', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('editable.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 2, 'the read-only text to be marked');
    expect(await marksOf(page)).toEqual({ 'gloss-place': ['Tehran', 'Washington'] });
    await page.evaluate(() => {
      document.getElementById('editor')!.append(Object.assign(document.createElement('p'), { textContent: 'Typed: Shehbaz Sharif' }));
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Appended: Chabahar' }));
    });
    await page.waitFor(() => (CSS.highlights.get('gloss-place')?.size ?? 0) === 3, 'the appended read-only text to be marked');
    expect(await page.highlightTexts('gloss-person')).toEqual([]);
    await page.close();
  });

  it('sends the page no window message while it marks', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('listening.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 2, 'the page to be marked');
    expect(await page.evaluate(() => (window as any).heard)).toEqual([]);
    await page.close();
  });

  it.each(['article.html', 'feed.html', 'spa.html', 'app.html', 'listening.html', 'shadow.html'])(
    'leaves the DOM of %s exactly as it was, apart from its own UI host',
    async (fixture) => {
      const plain = await suite.open(`${fixture}?unmarked`);
      await suite.setSettings({ version: 1, enabled: false, sitesOff: [], topicsOff: [], kindsOff: [] });
      await plain.reload();
      const before = await plain.serialize();
      await suite.setSettings(undefined);
      await plain.waitFor(() => [...CSS.highlights.keys()].some((name) => name.startsWith('gloss-')), 'marks after switching on');
      // A card open too: its host is the one element Gloss may add, and the serialisation leaves it out.
      await suite.sendToPage(plain, { type: 'gloss:step', direction: 1 });
      await plain.waitFor(() => document.querySelector('gloss-card') !== null, 'the card host');
      expect(await plain.serialize()).toBe(before);
      await plain.close();
    },
  );

  it('marks a 1 MB page in several slices, none over its budget of work', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('huge.html');
    // The page is found in document order, so a mark in the last paragraph means the whole page was done.
    await page.waitFor(
      () => [...(CSS.highlights.get('gloss-place') ?? [])].some((range) => range.startContainer.parentElement?.id === 'last'),
      'the last paragraph to be marked',
      60_000,
    );
    const diagnostics = await suite.diagnostics(page);
    expect(diagnostics.slices.length).toBeGreaterThan(10);
    for (const slice of diagnostics.slices) expect(slice.units).toBeLessThanOrEqual(diagnostics.budgetUnits);
    expect(diagnostics.slices.reduce((n: number, slice: { units: number }) => n + slice.units, 0)).toBeGreaterThan(1_000_000);
    await page.close();
  });

  it('marks text a Preact app renders, and the app keeps working through re-renders', async () => {
    const page = await suite.open('app.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) >= 2, 'the app to be marked');
    expect(await page.highlightTexts('gloss-person')).toEqual(['Ishaq Dar', 'Dar']);
    for (let i = 0; i < 3; i++) await page.click(`Refresh (${i})`);
    expect(await page.evaluate(() => document.getElementById('status')!.textContent)).toBe('Updated 3 times');
    await page.evaluate(() => (window as any).addUpdate('Marco Rubio called Dar on Tuesday.'));
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 4, 'the update to be marked');
    expect(await page.highlightTexts('gloss-person')).toEqual(['Ishaq Dar', 'Dar', 'Marco Rubio', 'Dar']);
    await page.evaluate(() => (window as any).clearUpdates());
    await page.waitFor(() => CSS.highlights.get('gloss-person')?.size === 2, 'the removed update to lose its marks');
    await page.close();
  });

  it('marks stories an infinite feed appends, and drops the marks of stories it removes', async () => {
    const page = await suite.open('feed.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-country')?.size ?? 0) > 0, 'the feed to be marked');
    const before = await total(page);
    await page.evaluate(() => (window as any).loadMore(4));
    await page.waitFor(() => (CSS.highlights.get('gloss-event')?.size ?? 0) === 1, 'the new stories to be marked');
    expect(await page.highlightTexts('gloss-event')).toEqual(['Iran-Pakistan gas pipeline']);
    expect(await total(page)).toBeGreaterThan(before);
    const withFour = await total(page);
    await page.evaluate(() => (window as any).removeFirst());
    await page.waitFor(
      () => !(CSS.highlights.get('gloss-place') ? [...CSS.highlights.get('gloss-place')!].some((r) => !r.startContainer.isConnected) : false),
      'marks on removed text to go',
    );
    expect(await total(page)).toBe(withFour - 3);
    await page.close();
  });

  it('marks the new view of a single-page site after pushState navigation', async () => {
    const page = await suite.open('spa.html');
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) === 1, 'the first view to be marked');
    await page.click('The pipeline');
    await page.waitFor(() => (CSS.highlights.get('gloss-event')?.size ?? 0) === 1, 'the second view to be marked');
    expect(await marksOf(page)).toEqual({
      'gloss-event': ['Iran-Pakistan gas pipeline'],
      'gloss-country': ['Israel', 'India'],
    });
    await page.close();
  });

  it('removes a topic’s marks at once when the topic is switched off, then a kind’s, then the site’s, and brings them back', async () => {
    const page = await suite.openMarkedArticle();
    // Jaish al-Adl, the BLA and Sistan and Baluchestan belong to "security and militancy" alone.
    await suite.setSettings({ version: 1, enabled: true, sitesOff: [], kindsOff: [], topicsOff: ['security-militancy'] });
    await page.waitFor(() => CSS.highlights.get('gloss-group')?.size === 1, 'the security groups to lose their marks');
    expect(await page.highlightTexts('gloss-group')).toEqual(['Middle East Institute']);
    expect(await page.highlightTexts('gloss-place')).toEqual(expected['gloss-place']!.filter((text) => text !== 'Sistan and Baluchestan'));
    await suite.setSettings({ version: 1, enabled: true, sitesOff: [], kindsOff: ['place'], topicsOff: [] });
    await page.waitFor(
      () => CSS.highlights.get('gloss-place')?.size === 0 && CSS.highlights.get('gloss-group')?.size === 4,
      'places off, groups back',
    );
    await suite.setSettings({ version: 1, enabled: true, sitesOff: ['127.0.0.1'], kindsOff: [], topicsOff: [] });
    await page.waitFor(() => [...CSS.highlights.keys()].every((name) => !name.startsWith('gloss-')), 'the site switched off to lose every mark');
    await suite.setSettings(undefined);
    await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'marks back when the site is on');
    expect(await marksOf(page)).toEqual(expected);
    await page.close();
  });
});
