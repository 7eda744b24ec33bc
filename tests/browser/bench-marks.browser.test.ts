/**
 * Nothing lost on the benchmark's pages (issue 15): each generated page (bench/pages.ts, up to 1 MB and 50,000
 * elements, marked in many slices) is marked by the real extension with its default settings, and the ranges it
 * paints are exactly those the matcher, run here in Node on the page's text, finds: same text nodes, same offsets,
 * same kind. The page is parsed here with htmlparser2 into the fuzz test's tree, whose model (tests/support/fuzz-page.ts)
 * extracts the text as the content script's walker does. The generated pages name nobody outside their article
 * (their menu and "most read" rail are made of filler sentences), so the model of the whole body is the article's.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';
import { generatePage, PAGES } from '../../bench/pages';
import type { FuzzNode } from '../support/fuzz-page';
import { modelPage, type ExpectedPiece } from '../support/page-model';
import { BROWSERS, launch, type GlossBrowser, type GlossPage } from './driver';
import { startServer, type TestServer } from './server';

const bundle = buildBundle(loadKnowledge());
const matcher = createMatcher(bundle.index);
const kinds = new Map(bundle.entities.map((entity) => [entity.id, entity.kind]));
const aliases = bundle.entities.flatMap((entity) => entity.aliases);
type ChildNode = ReturnType<typeof parseDocument>['children'][number];

function tree(nodes: ChildNode[]): FuzzNode[] {
  return nodes.flatMap((node): FuzzNode[] => {
    if (node.type === 'text') return [{ type: 'text', data: node.data }];
    if (node.type === 'comment') return [{ type: 'comment', data: node.data }];
    if (node.type !== 'tag') return [];
    const attrs = Object.entries(node.attribs)
      .map(([name, value]) => (value === '' ? name : `${name}="${value}"`))
      .join(' ');
    return [{ type: 'element', tag: node.name, attrs, children: tree(node.children) }];
  });
}

const models = new Map(
  PAGES.map((spec) => {
    const html = generatePage(spec, aliases);
    const body = DomUtils.findOne((element) => element.name === 'body', parseDocument(html).children)!;
    return [spec.name, { html, model: modelPage(tree(body.children), matcher, (id) => kinds.get(id)!) }];
  }),
);

/** Runs in the page: its text nodes and every gloss- range by text-node index (-1: not a text node of the body). */
function readPage() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const index = new Map<Node, number>(nodes.map((node, i) => [node, i]));
  const pieces: { highlight: string; node: number; start: number; end: number }[] = [];
  (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.forEach((highlight, name) => {
    if (!name.startsWith('gloss-')) return;
    for (const range of highlight) {
      const node = index.get(range.startContainer) ?? -1;
      pieces.push({ highlight: name, node: range.endContainer === range.startContainer ? node : -1, start: range.startOffset, end: range.endOffset });
    }
  });
  return { texts: nodes.map((node) => node.data), pieces };
}

const order = (a: ExpectedPiece, b: ExpectedPiece) => a.node - b.node || a.start - b.start || a.highlight.localeCompare(b.highlight);
const show = (piece: ExpectedPiece | undefined, texts: string[]) =>
  piece ? `${piece.highlight} "${texts[piece.node]?.slice(piece.start, piece.end)}" (node ${piece.node}, ${piece.start}–${piece.end})` : 'nothing';

describe.each(BROWSERS)('the benchmark pages in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;
  let page: GlossPage;
  let extension: GlossPage;

  /** Polls the content script's diagnostics until its first pass over the current page is done. */
  async function firstPass(url: string): Promise<void> {
    const tab = await page.tabId();
    for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((done) => setTimeout(done, 100))) {
      const diagnostics = await extension
        .evaluate((id) => ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(id, { type: 'gloss:diagnostics' }), tab)
        .catch(() => null);
      if (diagnostics?.firstPassDone != null && page.url() === url) return;
    }
    throw new Error(`the first pass over ${url} never finished`);
  }

  beforeAll(async () => {
    server = await startServer(Object.fromEntries([...models].map(([name, { html }]) => [`/bench/${name}.html`, html])));
    browser = await launch(browserName);
    page = await browser.open(server.url('/bench/article-10kb.html'));
    extension = await browser.openPopup(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(PAGES.map((spec) => spec.name))(
    '%s: every mark the matcher finds in the text is painted, and nothing else',
    async (name) => {
      const { model } = models.get(name)!;
      const url = server.url(`/bench/${name}.html`);
      await page.goto(url);
      await firstPass(url);
      const seen = await page.evaluate(readPage);
      expect(seen.texts.length, 'the page parsed into the generated text nodes').toBe(model.texts.length);
      expect(seen.texts).toEqual(model.texts);
      const painted = [...seen.pieces].sort(order);
      const expected = [...model.pieces].sort(order);
      const differs = expected.findIndex((piece, i) => order(piece, painted[i] ?? { ...piece, node: -1 }) !== 0 || piece.end !== painted[i]!.end);
      const at = differs === -1 ? Math.min(expected.length, painted.length) : differs;
      expect(
        painted.length === expected.length && differs === -1,
        `${painted.length} ranges painted, ${expected.length} found by the matcher; first difference: painted ${show(painted[at], seen.texts)}, matcher ${show(expected[at], seen.texts)}`,
      ).toBe(true);
      expect(expected.length > 0).toBe(!name.startsWith('no-mention'));
    },
    180_000,
  );
});
