/**
 * The reading text: the parts of a page Gloss marks unless the reader chose the whole page. On an article page,
 * the article (the container that holds most of the page's paragraph text, with the headline block above it); on
 * a page with no single article, the whole body. Either way never the page's chrome (`chrome-rules.ts`). Decided
 * from the DOM when marking starts; reads it, never changes it.
 */
import { isChrome, isChromeElement, type LinkStats } from './chrome-rules';
import { isBlock, isSkipped, NODE_UNITS } from './text-walker';

export interface ReadingScope {
  /** The subtrees that hold the reading text, in document order, none inside another. */
  readonly roots: readonly Node[];
  /** Whether an element's subtree is left out of the reading text, even inside a root. */
  excludes(element: Element): boolean;
}

/** Paragraphs shorter than this are labels and teasers, not article text. */
const MIN_PARAGRAPH = 25;
/** The article container holds at least this share of the page's paragraph text ... */
const ARTICLE_SHARE = 0.6;
/** ... and at least this much of it; a page with less is a front page, a gallery or an app. */
const ARTICLE_MIN_TEXT = 600;
/** A wrapper of the paragraphs' container is the article's while what it adds besides prose is at most this share of the container's text. */
const WRAPPER_EXTRA = 0.15;
/** The headline's block (headline, standfirst, byline) is at most this long. */
const HEADLINE_BLOCK = 600;

/** The measure reports its work every this many nodes, each counted as the walk counts one. */
const STEP_NODES = 1_024;

/** Text this many inline elements deep inside its block is not read as the block's prose (a hostile page's nesting). */
const MAX_INLINE_DEPTH = 64;

interface Prose {
  /** Element → the prose under it, none of it in chrome; the body's is the page's. */
  below: Map<Element, number>;
  /** Element → all the text under it (links and chrome included), its links and its nodes. */
  stats: Map<Element, LinkStats>;
  total: number;
}

const add = (map: Map<Element, number>, element: Element, length: number) => map.set(element, (map.get(element) ?? 0) + length);

function statsOf(map: Map<Element, LinkStats>, element: Element): LinkStats {
  let stats = map.get(element);
  if (!stats) {
    stats = { text: 0, linked: 0, links: 0, nodes: 0 };
    map.set(element, stats);
  }
  return stats;
}

/**
 * Prose under each element: the text of each block (a paragraph, a list item, a cell, a div of text) not inside a
 * link, when the block holds a sentence or more. Link text is left out, so menus and rails of headlines weigh
 * nothing however long they are, and prose inside chrome counts for no element above it. Beside it, each element's
 * text, links and nodes, which the chrome rules read. One walk over the text nodes and one pass up the elements,
 * so the cost grows with the page, however deep it nests.
 */
function* measure(body: HTMLElement): Generator<number, Prose> {
  const stats = new Map<Element, LinkStats>();
  const inBlock = new Map<Element, number>();
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++nodes % STEP_NODES === 0) yield STEP_NODES * NODE_UNITS;
    const parent = node.parentElement;
    if (!parent) continue;
    const own = statsOf(stats, parent);
    own.nodes++;
    const length = (node as Text).data.trim().length;
    if (length === 0) continue;
    own.text += length;
    let block: Element | null = parent;
    for (let depth = 0; block && block !== body && !isBlock(block) && block.localName !== 'a' && !isSkipped(block); depth++) {
      block = depth < MAX_INLINE_DEPTH ? block.parentElement : null;
    }
    if (block && block.localName !== 'a' && !isSkipped(block)) add(inBlock, block, length);
  }
  const below = new Map<Element, number>();
  for (const [block, length] of inBlock) if (length >= MIN_PARAGRAPH) below.set(block, length);
  // In reverse document order every element comes after what it contains: each adds its sums to its parent.
  const elements = body.getElementsByTagName('*');
  for (let k = elements.length - 1; k >= 0; k--) {
    if (k % STEP_NODES === 0) yield STEP_NODES * NODE_UNITS;
    // The page may have changed between two steps: the list is live, and the sums are then an estimate.
    const element = elements[k];
    const parent = element?.parentElement;
    if (!element || !parent) continue;
    const own = stats.get(element);
    const sums = statsOf(stats, parent);
    sums.nodes++;
    if (element.localName === 'a') {
      sums.links++;
      if (own) own.linked = own.text;
    }
    if (own) {
      sums.text += own.text;
      sums.linked += own.linked;
      sums.links += own.links;
      sums.nodes += own.nodes;
    }
    const prose = below.get(element);
    if (prose && !isChromeElement(element)) add(below, parent, prose);
  }
  return { below, stats, total: below.get(body) ?? 0 };
}

/** The deepest element that holds most of the page's paragraph text, or null when no element does. */
function articleBody(body: HTMLElement, { below, total }: Prose): Element | null {
  if (total < ARTICLE_MIN_TEXT) return null;
  let node: Element = body;
  for (;;) {
    let next: Element | null = null;
    for (const child of node.children) if ((below.get(child) ?? 0) >= ARTICLE_SHARE * total && !isChromeElement(child)) next = child;
    if (!next) break;
    node = next;
  }
  return node === body ? null : node;
}

/**
 * The paragraphs' container, widened to the wrappers around it that add more prose (a first paragraph set apart) or
 * only a little else (the article's header, figures, byline); a rail of headlines beside the article adds more.
 */
function articleRoot(container: Element, body: HTMLElement, { below, stats }: Prose): Element {
  const other = (element: Element) => (stats.get(element)?.text ?? 0) - (below.get(element) ?? 0);
  const limit = other(container) + WRAPPER_EXTRA * (stats.get(container)?.text ?? 0);
  let root = container;
  for (let parent = root.parentElement; parent && parent !== body && other(parent) <= limit; parent = parent.parentElement) root = parent;
  return root;
}

const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);

/** The headline: of the page's top headings, the one that shares most words with the document's title. */
function headline(doc: Document): Element | null {
  const title = words(doc.title);
  let best: Element | null = null;
  let bestShared = 0;
  for (const heading of doc.body.querySelectorAll('h1')) {
    const shared = [...words(heading.textContent ?? '')].filter((word) => title.has(word)).length;
    if (shared > bestShared) [best, bestShared] = [heading, shared];
  }
  return best ?? doc.body.querySelector('h1');
}

/** The headline with what sits beside it in a small block: the standfirst, the byline. */
function headlineBlock(heading: Element, article: Element, { stats }: Prose): Element {
  let block = heading;
  for (
    let parent = block.parentElement;
    parent && !parent.contains(article) && (stats.get(parent)?.text ?? 0) <= HEADLINE_BLOCK;
    parent = parent.parentElement
  ) {
    block = parent;
  }
  return block;
}

const byDocumentOrder = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/**
 * The page's reading text, as the scope the walk and the mutation watch keep to; found in steps (each reports its
 * work in the scheduler's units), so that measuring a huge page never holds the page up.
 */
export function* readingScope(doc: Document = document): Generator<number, ReadingScope> {
  const body = doc.body;
  const prose = yield* measure(body);
  const container = articleBody(body, prose);
  const heading = container && headline(doc);
  const roots: Node[] = [body];
  if (container) {
    const article = articleRoot(container, body, prose);
    roots[0] = article;
    if (heading && !article.contains(heading)) roots.push(headlineBlock(heading, article, prose));
    roots.sort(byDocumentOrder);
  }
  // Never an element that holds the article's paragraphs or its headline, whatever its class says or whatever
  // landmark it is ("<header>" around a headline, a "with-sidebar" wrapper).
  const kept = new Set<Element>();
  for (const node of [container, heading]) for (let at = node; at; at = at.parentElement) kept.add(at);
  const measured = (element: Element) => prose.stats.get(element);
  const excludes = (element: Element) => !kept.has(element) && isChrome(element, container !== null, measured);
  return { roots, excludes };
}

/** Everything the walk would read: the reader's choice of the whole page; found with no work. */
export function* wholePage(doc: Document = document): Generator<number, ReadingScope> {
  return { roots: [doc.body], excludes: () => false };
}

/** The element above `node`, across a shadow root's boundary to its host. */
function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent?.nodeType === Node.ELEMENT_NODE ? (parent as Element) : null;
}

/** Whether `node` lies in the scope: inside one of its roots (open shadow trees included), in no excluded element on the way. */
export function inScope(scope: ReadingScope, node: Node): boolean {
  for (let at: Node | null = node; at; at = composedParent(at)) {
    if (scope.roots.includes(at)) return true;
    if (at.nodeType === Node.ELEMENT_NODE && scope.excludes(at as Element)) return false;
  }
  return false;
}
