/**
 * The names in view first (issue 15), in both browsers: on a page of a megabyte, what the reader sees is painted
 * before the pass over the whole page is done, and nothing painted ahead is other than what the pass then paints.
 * A recorder in the page (main world, where the content script's highlights are visible) keeps the first set of
 * marks registered, with where each lay then, and the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';
import { generatePage, PAGES } from '../../bench/pages';
import { BROWSERS, launch, type GlossBrowser } from './driver';
import { startServer, type TestServer } from './server';

const RECORDER = `<script>
(() => {
  const marks = () => {
    const out = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('gloss-') || name === 'gloss-active') return;
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const box = live.getBoundingClientRect();
        out.push({ text: live.toString(), top: box.top, bottom: box.bottom, key: name + ' ' + live.toString() + ' ' + Math.round(box.top + scrollY) });
      }
    });
    return out;
  };
  window.recorded = { first: null, view: 0 };
  const poll = () => {
    if (!window.recorded.first) {
      const now = marks();
      if (now.length > 0) window.recorded = { first: now, view: innerHeight };
    }
    setTimeout(poll, 4);
  };
  poll();
  window.lastMarks = marks;
})();
</script>`;

const aliases = buildBundle(loadKnowledge()).entities.flatMap((entity) => entity.aliases);
const big = generatePage(PAGES.find((spec) => spec.name === 'archive-1mb')!, aliases);
/** The same page with an anchor halfway down, to open it scrolled there. */
const paragraphs = big.split('\n');
const half = Math.floor(paragraphs.length / 2);
const anchored = [...paragraphs.slice(0, half), '<h2 id="halfway">Halfway</h2>', ...paragraphs.slice(half)].join('\n');
const withRecorder = (html: string) => html.replace('</head>', `${RECORDER}</head>`);

interface Recorded {
  first: { text: string; top: number; bottom: number; key: string }[];
  view: number;
}

describe.each(BROWSERS)('the names in view first, in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/big.html': withRecorder(big), '/anchored.html': withRecorder(anchored) });
    browser = await launch(browserName);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['at its top', '/big.html'],
    ['scrolled halfway down', '/anchored.html#halfway'],
  ])(
    'paints the names in view of a 1 MB page opened %s before the rest, and the rest agrees',
    async (_, path) => {
      const page = await browser.open(server.url(path));
      await page.waitFor(() => (window as any).lastMarks().length > 3000, 'the whole page to be marked', 60_000);
      const { first, view } = await page.evaluate(() => (window as any).recorded as Recorded);
      const last = await page.evaluate(() => (window as any).lastMarks() as Recorded['first']);
      expect(first.length, 'names were painted ahead of the rest').toBeLessThan(last.length / 10);
      // Blocks that cross the view (and a quarter of it around) are painted whole: a name may lie a paragraph beyond.
      for (const mark of first) {
        expect(mark.bottom, `"${mark.text}" was painted first and lay near the view`).toBeGreaterThan(-view);
        expect(mark.top, `"${mark.text}" was painted first and lay near the view`).toBeLessThan(2 * view);
      }
      const painted = new Set(last.map((mark) => mark.key));
      expect(first.filter((mark) => !painted.has(mark.key)).map((mark) => mark.text)).toEqual([]);
      if (path.includes('#')) expect(await page.evaluate(() => scrollY), 'the page was opened scrolled').toBeGreaterThan(10_000);
      await page.close();
    },
    120_000,
  );
});
