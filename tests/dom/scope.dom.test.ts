/**
 * Which part of a page Gloss reads: the reading text (reading-text.ts), the chrome it leaves out (chrome-rules.ts),
 * and the blocks the reader sees first (viewport-text.ts), on real DOM and real layout in both browsers.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, domPages, type Modules } from './harness';

/** In the page: the reading scope, found to the end, on `window.scope`; returns its roots (by id, or name). */
function findScope({ readingText }: Pick<Modules, 'readingText'>): string[] {
  const work = readingText.readingScope(document);
  let step = work.next();
  while (!step.done) step = work.next();
  (window as any).scope = step.value;
  return step.value.roots.map((root) => (root as Element).id || root.nodeName.toLowerCase());
}

/** In the page: for each `[data-expect]` part, what the walk of the scope reads of it, and whether `inScope` agrees. */
function partsRead({ textWalker, readingText }: Pick<Modules, 'textWalker' | 'readingText'>) {
  const scope = (window as any).scope;
  const walked = new Set<Node>();
  for (const root of scope.roots)
    for (const chunk of textWalker.walkText(root, { excludes: scope.excludes })) for (const run of chunk.runs) walked.add(run.node);
  return [...document.querySelectorAll('[data-expect]')].map((part) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Text).data.trim() && !textWalker.isInsideSkipped(node)) nodes.push(node as Text);
    }
    const read = nodes.filter((node) => walked.has(node)).length;
    return {
      part: (part.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40),
      expected: part.getAttribute('data-expect'),
      got: read === nodes.length ? 'read' : read === 0 ? 'chrome' : `${read} of ${nodes.length} nodes read`,
      inScopeAgrees: nodes.every((node) => readingText.inScope(scope, node) === walked.has(node)),
    };
  });
}

const prose = (words: string) => `<p>${words} ${'The talks went on late into the evening, officials said. '.repeat(3)}</p>`;

const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pakistan and Iran reopen border markets</title></head><body>
  <nav id="menu" data-expect="chrome"><a href="/">Home</a> <a href="/world">World</a> <a href="/iran">Iran</a></nav>
  <div id="head"><h1 data-expect="read">Pakistan and Iran reopen border markets</h1><p data-expect="read">By a reporter in Quetta</p></div>
  <div id="story">
    <div data-expect="read">${prose('Officials in Islamabad spoke.')}${prose('Traders in Tehran agreed.')}${prose('Farmers in Quetta waited.')}</div>
    <aside data-expect="chrome"><p>Also read: Tehran opens a new airport terminal for the summer season.</p></aside>
    <div class="related-stories" data-expect="chrome"><p>Islamabad prepares a budget for the coming fiscal year, sources said.</p></div>
  </div>
  <footer data-expect="chrome"><p>Copyright, all rights reserved by the Frontier Review of Islamabad.</p></footer>
</body></html>`;

const FRONT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Front page</title></head><body>
  <ul data-expect="chrome"><li><a href="/a">News</a></li><li><a href="/b">Sport</a></li><li><a href="/c">Weather</a></li></ul>
  <h2 data-expect="read"><a href="/1">Islamabad and Tehran agree to reopen six border markets</a></h2>
  <h2 data-expect="read"><a href="/2">Farmers in Balochistan count the cost of a dry winter</a></h2>
</body></html>`;

const links = (texts: string[]) => texts.map((text) => `<li><a href="/${text.length}">${text}</a></li>`).join('');
const SHORT = ['News', 'Sport', 'Weather', 'Culture'];
const HEADLINES = [
  'Islamabad and Tehran agree to reopen border markets',
  'Farmers in Balochistan count the cost of a dry winter',
  'Chabahar port sees its busiest month in a decade',
];

describe.each(BROWSERS)('the reading scope in %s', (browserName) => {
  const dom = domPages(browserName, ['textWalker', 'readingText', 'chromeRules', 'viewportText']);

  describe('reading-text', () => {
    it.each([
      ['reading-article.html'],
      ['reading-article-parts.html'],
      ['reading-landmarks.html'],
      ['reading-class-words.html'],
      ['reading-link-lists.html'],
    ])('%s: reads each part it should, whole, and none of the chrome', async (fixture) => {
      const page = await dom.openFixture(fixture);
      await page.run(findScope);
      const parts = await page.run(partsRead);
      expect(parts.length).toBeGreaterThan(4);
      expect(parts.filter((part) => part.got !== part.expected || !part.inScopeAgrees)).toEqual([]);
    });

    it('on an article page reads the article with its headline block, not the menu, aside, related block or footer', async () => {
      const page = await dom.open(ARTICLE_PAGE);
      expect(await page.run(findScope)).toEqual(['head', 'story']);
      expect((await page.run(partsRead)).filter((part) => part.got !== part.expected)).toEqual([]);
    });

    it('on a page with no article reads the whole body, except its menus', async () => {
      const page = await dom.open(FRONT_PAGE);
      expect(await page.run(findScope)).toEqual(['body']);
      expect((await page.run(partsRead)).filter((part) => part.got !== part.expected)).toEqual([]);
    });
  });

  describe('chrome-rules', () => {
    it.each([
      ['a list of short links (a menu), on a front page', `<ul id="t">${links(SHORT)}</ul>`, false, true],
      ['a list of short links, in an article', `<ul id="t">${links(SHORT)}</ul>`, true, true],
      ['a list of headlines, on a front page', `<ul id="t">${links(HEADLINES)}</ul>`, false, false],
      ['a list of headlines, in an article (it leads away)', `<ul id="t">${links(HEADLINES)}</ul>`, true, true],
      ['a list of two links', `<ul id="t">${links(SHORT.slice(0, 2))}</ul>`, false, false],
      [
        'a list of prose with a link in it',
        `<ul id="t"><li>Talks in <a href="/x">Tehran</a> went on late into the night, officials said.</li></ul>`,
        true,
        false,
      ],
      [
        'a div of short links',
        `<div id="t"><a href="/1">Home</a> <a href="/2">World</a> <a href="/3">Business</a> <a href="/4">Sport</a></div>`,
        false,
        true,
      ],
      ['a paragraph that is mostly a link', `<p id="t"><a href="/x">Islamabad and Tehran agree to reopen border markets</a>.</p>`, true, false],
      ['a nav', '<nav id="t">Home</nav>', true, true],
      ['a div with the navigation role', '<div id="t" role="navigation">Home</div>', true, true],
      ['a page-level header', '<header id="t">The Review</header>', true, true],
      ['the header of an article', '<article><header id="t">Talks in Tehran</header></article>', true, false],
      ['a block named "related-stories"', '<div id="t" class="related-stories">Tehran</div>', true, true],
      ['a block named "mostRead"', '<div id="t" class="mostRead">Tehran</div>', true, true],
      ['a block named "share_bar"', '<section id="t" class="share_bar">Share</section>', true, true],
      ['a block named "shareholders"', '<div id="t" class="shareholders">Tehran</div>', true, false],
      ['an inline element named "share"', '<p>Talks <span id="t" class="share">Tehran</span></p>', true, false],
    ])('%s', async (_what, body, inArticle, expected) => {
      const page = await dom.open(body);
      expect(await page.run(({ chromeRules }, inside) => chromeRules.isChrome(document.getElementById('t')!, inside), inArticle)).toBe(expected);
    });
  });

  describe('viewport-text', () => {
    const LONG_PAGE = `<main id="main">${Array.from({ length: 120 }, (_, k) => `<p id="p${k}" style="margin:0;height:100px">Paragraph ${k}</p>`).join('')}</main>`;

    it('finds the blocks in view of a long page, after scrolling, in document order', async () => {
      const page = await dom.open(LONG_PAGE);
      const seen = await page.run(({ viewportText }) => {
        window.scrollTo(0, 5_000);
        const found = viewportText.blocksInView({ roots: [document.body], excludes: () => false }).map((element) => element.id);
        const crossing = [...document.querySelectorAll('p')]
          .filter((p) => p.getBoundingClientRect().bottom > 0 && p.getBoundingClientRect().top < innerHeight)
          .map((p) => p.id);
        return { found, crossing, height: innerHeight };
      });
      expect(seen.crossing.length).toBeGreaterThan(5);
      expect(seen.found).toEqual(expect.arrayContaining(seen.crossing));
      // Nothing a whole viewport or more away (a paragraph is 100px high), and in document order.
      const indices = seen.found.map((id) => Number(id.slice(1)));
      expect(Math.min(...indices)).toBeGreaterThan(50 - seen.height / 100);
      expect(Math.max(...indices)).toBeLessThan(50 + (2 * seen.height) / 100);
      expect(indices).toEqual([...indices].sort((a, b) => a - b));
    });

    it('leaves out excluded and skipped blocks, and looks through boxes of display: contents', async () => {
      const page = await dom.open(
        `<div style="display:contents"><p id="inside">Talks in Tehran</p></div><nav id="menu">Home</nav>
         <p id="hidden" hidden>Hidden</p><p id="story">Talks went on</p><div id="tall" style="height:2000px"></div>`,
      );
      const found = await page.run(({ viewportText }) =>
        viewportText.blocksInView({ roots: [document.body], excludes: (element) => element.localName === 'nav' }).map((element) => element.id),
      );
      // The body is taller than the view, so its children are looked into.
      expect(found).toEqual(['inside', 'story', 'tall']);
    });
  });
});
