/**
 * Random news-shaped pages (tests/support/fuzz-page.ts) marked by the real extension in both browsers. For each page:
 * the first pass finishes (a throw anywhere in extract → match → paint would leave it unfinished), the DOM serialises
 * as it did before Gloss ran, every painted range lies inside one text node with offsets in bounds, and the ranges
 * are exactly those the matcher, run here in Node on the page's text, says: same text nodes, same offsets, same kind.
 *
 * Deterministic: a fixed seed (GLOSS_FUZZ_SEED overrides it, GLOSS_FUZZ_RUNS the number of pages); on failure
 * fast-check prints the seed, the path and the shrunk page's body.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';
import { fuzzBody, renderHtml } from '../support/fuzz-page';
import { modelPage, type ExpectedPiece } from '../support/page-model';
import { BROWSERS, launch, type GlossBrowser, type GlossPage } from './driver';
import { startServer, type TestServer } from './server';

const SEED = Number(process.env.GLOSS_FUZZ_SEED ?? 7_2026);
const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 40);

const knowledge = loadKnowledge();
const bundle = buildBundle(knowledge);
const matcher = createMatcher(bundle.index);
const kinds = new Map(bundle.entities.map((entity) => [entity.id, entity.kind]));
const vocabulary = {
  aliases: bundle.entities.flatMap((entity) => entity.aliases),
  titles: [...new Set(knowledge.entities.flatMap((entity) => entity.titles ?? []))],
};

/**
 * The page records its own serialisation once parsed, before the content script (document_idle) can run, with the
 * harness's `serialize()` rule: the `gloss-` UI host is the one element Gloss may add.
 */
const SNAPSHOT = `<script>
  window.glossFuzzSnapshot = () => {
    const clone = document.implementation.createHTMLDocument('').importNode(document.documentElement, true);
    for (const element of [...clone.querySelectorAll('*')]) if (element.localName.startsWith('gloss-')) element.remove();
    return clone.outerHTML;
  };
  document.addEventListener('DOMContentLoaded', () => { window.glossFuzzBefore = glossFuzzSnapshot(); });
</script>`;

const fuzzPage = fuzzBody(vocabulary).map((body) => {
  const html = renderHtml(body);
  return {
    html: `<!doctype html><html><head><meta charset="utf-8"><title>Fuzz</title>${SNAPSHOT}</head><body>${html}</body></html>`,
    model: modelPage(body, matcher, (id) => kinds.get(id)!),
    [fc.toStringMethod]: () => `body: ${JSON.stringify(html)}`,
  };
});

interface Painted {
  highlight: string;
  startNode: number;
  endNode: number;
  start: number;
  end: number;
}

/** Runs in the page: its text nodes, every gloss- range by text-node index (-1: not a text node of the body), and the serialisations. */
function readPage() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const index = new Map<Node, number>(nodes.map((node, i) => [node, i]));
  const ranges: Painted[] = [];
  (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.forEach((highlight, name) => {
    if (!name.startsWith('gloss-')) return;
    for (const range of highlight) {
      ranges.push({
        highlight: name,
        startNode: index.get(range.startContainer) ?? -1,
        endNode: index.get(range.endContainer) ?? -1,
        start: range.startOffset,
        end: range.endOffset,
      });
    }
  });
  const page = window as unknown as { glossFuzzBefore: string; glossFuzzSnapshot: () => string };
  return { texts: nodes.map((node) => node.data), ranges, before: page.glossFuzzBefore, after: page.glossFuzzSnapshot() };
}

const order = (a: ExpectedPiece, b: ExpectedPiece) => a.node - b.node || a.start - b.start || a.highlight.localeCompare(b.highlight);

describe.each(BROWSERS)('fuzzed pages in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;
  let page: GlossPage;
  let extension: GlossPage;
  let tab: number;

  /** The content script's diagnostics once its first pass over the page is done; until then it may not exist yet. */
  async function firstPass(what: string): Promise<void> {
    let last: unknown = 'no answer';
    for (let attempt = 0; attempt < 400; attempt++) {
      try {
        const diagnostics = await extension.evaluate(
          (id) => ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(id, { type: 'gloss:diagnostics' }),
          tab,
        );
        if (diagnostics?.firstPassDone != null) return;
        last = diagnostics;
      } catch (error) {
        last = error;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`the first pass over ${what} never finished (last answer: ${String((last as Error)?.message ?? JSON.stringify(last))})`);
  }

  beforeAll(async () => {
    server = await startServer({ '/fuzz/start.html': '<!doctype html><title>start</title><p>Islamabad</p>' });
    browser = await launch(browserName);
    page = await browser.open(server.url('/fuzz/start.html'));
    extension = await browser.openPopup(page);
    // The model is of the whole page's text: the reading-text rules are tested on pages of their own.
    await extension.evaluate(() =>
      ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set({ settings: { version: 3, wholePage: ['127.0.0.1'] } }),
    );
    tab = await page.tabId();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks random pages without changing them, every range inside one text node and exactly where the matcher put it', async () => {
    let pages = 0;
    await fc.assert(
      fc.asyncProperty(fuzzPage, async ({ html, model }) => {
        const path = `/fuzz/${++pages}.html`;
        server.route(path, html);
        await page.goto(server.url(path));
        await firstPass(path);
        const seen = await page.evaluate(readPage);

        expect(seen.texts, 'the page parsed into the generated text nodes').toEqual(model.texts);
        expect(seen.after, 'the DOM after marking').toBe(seen.before);
        for (const range of seen.ranges) {
          expect(range.startNode, `a ${range.highlight} range starts in a text node of the body`).toBeGreaterThanOrEqual(0);
          expect(range.endNode, `a ${range.highlight} range ends in the text node it starts in`).toBe(range.startNode);
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeGreaterThan(range.start);
          expect(range.end).toBeLessThanOrEqual(seen.texts[range.startNode]!.length);
        }
        const painted = seen.ranges.map(({ highlight, startNode, start, end }) => ({ highlight, node: startNode, start, end })).sort(order);
        expect(painted, `the ranges of the matcher's marks ${JSON.stringify(model.marks)}`).toEqual([...model.pieces].sort(order));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(pages).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
