/**
 * The reading text: the parts of a page Gloss marks unless the reader chose the whole page. On an article page,
 * the article (the container that holds most of the page's paragraph text, with the headline block above it); on
 * a page with no single article, the whole body. Either way never the page's chrome, which is recognised by what it
 * is, not by the site: navigation and other landmarks that are not content, dialogs, controls, and lists of short
 * links (menus built without semantics). Decided from the DOM when marking starts; reads it, never changes it.
 */
import { isBlock, isSkipped } from './text-walker';

export interface ReadingScope {
  /** The subtrees that hold the reading text, in document order, none inside another. */
  readonly roots: readonly Node[];
  /** Whether an element's subtree is left out of the reading text, even inside a root. */
  excludes(element: Element): boolean;
}

/** Landmarks and widgets that are never reading text (ARIA roles, and the elements that have them implicitly). */
const CHROME_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'tablist',
  'toolbar',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'dialog',
  'alertdialog',
  'button',
  'listbox',
  'tree',
]);
const CHROME_TAGS = new Set(['nav', 'aside', 'menu', 'dialog', 'footer', 'button']);
/** Sectioning content: a header or footer inside one belongs to it, not to the page (HTML-AAM). */
const SECTIONING = 'article, aside, main, nav, section, [role=article], [role=main]';
/**
 * Class or id words that name what a block is for, the way Readability reads them: consent banners, share and
 * follow buttons, related and most-read rails, comments, breadcrumbs, tickers, promotions. Class names are cut into
 * words at every non-letter and at camel case ("PromoSmall", "most-read", "share_bar").
 */
const CHROME_WORDS = new Set([
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'breadcrumb',
  'breadcrumbs',
  'share',
  'sharing',
  'social',
  'follow',
  'newsletter',
  'subscribe',
  'related',
  'recommended',
  'popular',
  'mostread',
  'trending',
  'ticker',
  'comment',
  'comments',
  'promo',
  'sponsored',
  'advert',
  'outbrain',
  'taboola',
  'sidebar',
]);
const NAME_WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;

function hasChromeWord(names: string): boolean {
  let previous = '';
  for (const match of names.matchAll(NAME_WORD)) {
    const word = match[0].toLowerCase();
    if (CHROME_WORDS.has(word) || (previous === 'most' && CHROME_WORDS.has(`most${word}`))) return true;
    previous = word;
  }
  return false;
}

/** A list is a menu when most of its text is links and the links are short: site sections, languages, tags. */
const MENU_LINK_SHARE = 0.7;
const MENU_LINK_LENGTH = 28;
const MENU_MIN_LINKS = 3;
/** Past this much text a block is prose or a story list, not a menu: the measure stops there. */
const MENU_MAX_TEXT = 2_000;

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

function isPageLevel(element: Element): boolean {
  return element.parentElement?.closest(SECTIONING) == null;
}

/** Past this many nodes a block is a page section, not a menu. */
const MENU_MAX_NODES = 400;
const LISTS = new Set(['ul', 'ol', 'dl', 'table']);
/** Blocks that group others; a paragraph or a heading that is mostly a link is still prose, or a headline. */
const CONTAINERS = new Set([...LISTS, 'div', 'section', 'menu', 'fieldset']);

/** Whether `element` might be a menu: a list, or a block whose children are mostly links. Cheap: children only. */
function mayBeMenu(element: Element): boolean {
  if (LISTS.has(element.localName)) return true;
  const children = element.children;
  if (children.length < MENU_MIN_LINKS) return false;
  let links = 0;
  for (const child of children) if (child.localName === 'a') links++;
  return links >= MENU_LINK_SHARE * children.length;
}

/**
 * Whether `element` is a list of links at most `linkLength` characters long on average; walks it only up to
 * `MENU_MAX_TEXT` characters and `MENU_MAX_NODES` nodes.
 */
function isLinkList(element: Element, linkLength: number): boolean {
  let text = 0;
  let linked = 0;
  let links = 0;
  let nodes = 0;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++nodes > MENU_MAX_NODES) return false;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).localName === 'a') links++;
      continue;
    }
    const length = (node as Text).data.trim().length;
    text += length;
    if (text > MENU_MAX_TEXT) return false;
    const link = node.parentElement?.closest('a');
    if (link && element.contains(link)) linked += length;
  }
  return links >= MENU_MIN_LINKS && linked >= MENU_LINK_SHARE * text && linked / links <= linkLength;
}

/** Chrome by what the element is: a landmark or widget role, or its element. */
function isChromeElement(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  const name = element.localName;
  return CHROME_TAGS.has(name) || (name === 'header' && isPageLevel(element));
}

/**
 * The page's chrome, by the general rules above: what the element is, what its class says, how much of it is links.
 * Inside an article any block that is mostly links leads away from it (related stories, tags); on a front page the
 * links are the headlines, and only lists of short ones are menus.
 */
export function isChrome(element: Element, inArticle: boolean): boolean {
  if (isChromeElement(element)) return true;
  if (!isBlock(element)) return false;
  const names = `${element.id} ${element.getAttribute('class') ?? ''}`;
  if (names.length > 1 && hasChromeWord(names)) return true;
  if (inArticle)
    return CONTAINERS.has(element.localName) && element.getElementsByTagName('a').length >= MENU_MIN_LINKS && isLinkList(element, Infinity);
  return mayBeMenu(element) && isLinkList(element, MENU_LINK_LENGTH);
}

/** Text this many inline elements deep inside its block is not read as the block's prose (a hostile page's nesting). */
const MAX_INLINE_DEPTH = 64;

interface Prose {
  /** Element → the prose under it, none of it in chrome; the body's is the page's. */
  below: Map<Element, number>;
  /** Element → all the text under it, links and chrome included. */
  text: Map<Element, number>;
  total: number;
}

const add = (map: Map<Element, number>, element: Element, length: number) => map.set(element, (map.get(element) ?? 0) + length);

/**
 * Prose under each element: the text of each block (a paragraph, a list item, a cell, a div of text) not inside a
 * link, when the block holds a sentence or more. Link text is left out, so menus and rails of headlines weigh
 * nothing however long they are, and prose inside chrome counts for no element above it. One walk over the text
 * nodes and one pass up the elements, so the cost grows with the page, however deep it nests.
 */
function measure(body: HTMLElement): Prose {
  const text = new Map<Element, number>();
  const inBlock = new Map<Element, number>();
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.trim().length;
    const parent = node.parentElement;
    if (length === 0 || !parent) continue;
    add(text, parent, length);
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
    const element = elements[k]!;
    const parent = element.parentElement;
    if (!parent) continue;
    const all = text.get(element);
    if (all) add(text, parent, all);
    const prose = below.get(element);
    if (prose && !isChromeElement(element)) add(below, parent, prose);
  }
  return { below, text, total: below.get(body) ?? 0 };
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
function articleRoot(container: Element, body: HTMLElement, { below, text }: Prose): Element {
  const other = (element: Element) => (text.get(element) ?? 0) - (below.get(element) ?? 0);
  const limit = other(container) + WRAPPER_EXTRA * (text.get(container) ?? 0);
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
function headlineBlock(heading: Element, article: Element, { text }: Prose): Element {
  let block = heading;
  for (
    let parent = block.parentElement;
    parent && !parent.contains(article) && (text.get(parent) ?? 0) <= HEADLINE_BLOCK;
    parent = parent.parentElement
  ) {
    block = parent;
  }
  return block;
}

const byDocumentOrder = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/** The page's reading text, as the scope the walk and the mutation watch keep to. */
export function readingScope(doc: Document = document): ReadingScope {
  const body = doc.body;
  const prose = measure(body);
  const container = articleBody(body, prose);
  const heading = container && headline(doc);
  const roots: Node[] = [body];
  if (container) {
    const article = articleRoot(container, body, prose);
    roots[0] = article;
    if (heading && !article.contains(heading)) roots.push(headlineBlock(heading, article, prose));
    roots.sort(byDocumentOrder);
  }
  // Decided once per element; never for an element that holds the article's paragraphs or its headline, whatever its
  // class says or whatever landmark it is ("<header>" around a headline, a "with-sidebar" wrapper).
  const kept = [container, heading].filter((node): node is Element => node !== null);
  const decided = new WeakMap<Element, boolean>();
  const excludes = (element: Element) => {
    let chrome = decided.get(element);
    if (chrome === undefined) {
      chrome = !kept.some((node) => element.contains(node)) && isChrome(element, container !== null);
      decided.set(element, chrome);
    }
    return chrome;
  };
  return { roots, excludes };
}

/** Everything the walk would read: the reader's choice of the whole page. */
export const wholePage = (doc: Document = document): ReadingScope => ({ roots: [doc.body], excludes: () => false });

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
