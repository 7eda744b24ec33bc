/**
 * The page's chrome: what is never reading text, recognised by what it is, not by the site. Landmarks and widgets
 * that are not content, blocks whose class or id names what they are for, and lists of links (menus built without
 * semantics). Reads the DOM, never changes it.
 */
import { isBlock } from './text-walker';

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

/** What the measure of the page (`reading-text.ts`) knows of an element's subtree, so no rule walks it again. */
export interface LinkStats {
  /** Characters of text, and of text inside links. */
  text: number;
  linked: number;
  links: number;
  /** Elements and text nodes. */
  nodes: number;
}

/** The subtree's link statistics, walked only up to `MENU_MAX_TEXT` characters and `MENU_MAX_NODES` nodes (null past them). */
function walkLinks(element: Element): LinkStats | null {
  const stats = { text: 0, linked: 0, links: 0, nodes: 0 };
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++stats.nodes > MENU_MAX_NODES) return null;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).localName === 'a') stats.links++;
      continue;
    }
    const length = (node as Text).data.trim().length;
    stats.text += length;
    if (stats.text > MENU_MAX_TEXT) return null;
    const link = node.parentElement?.closest('a');
    if (link && element.contains(link)) stats.linked += length;
  }
  return stats;
}

/** Whether a subtree is a list of links at most `linkLength` characters long on average. */
function isLinkList(stats: LinkStats | null, linkLength: number): boolean {
  if (!stats || stats.nodes > MENU_MAX_NODES || stats.text > MENU_MAX_TEXT) return false;
  const { text, linked, links } = stats;
  return links >= MENU_MIN_LINKS && linked >= MENU_LINK_SHARE * text && linked / links <= linkLength;
}

/** Chrome by what the element is: a landmark or widget role, or its element. */
export function isChromeElement(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  const name = element.localName;
  return CHROME_TAGS.has(name) || (name === 'header' && isPageLevel(element));
}

/** Class or id words that may name a purpose: only a name that holds one of these is cut into words. */
const MAY_NAME_CHROME =
  /cook|consent|gdpr|bread|shar|social|follow|newsletter|subscri|related|recommend|popular|most|trend|ticker|comment|promo|sponsor|advert|outbrain|taboola|sidebar/i;

/**
 * The page's chrome, by the general rules above: what the element is, what its class says, how much of it is links.
 * Inside an article any block that is mostly links leads away from it (related stories, tags); on a front page the
 * links are the headlines, and only lists of short ones are menus. `measured` gives the statistics of an element
 * the page's measure saw; one added since is walked.
 */
export function isChrome(element: Element, inArticle: boolean, measured?: (element: Element) => LinkStats | undefined): boolean {
  if (isChromeElement(element)) return true;
  if (!isBlock(element)) return false;
  const names = `${element.id} ${element.getAttribute('class') ?? ''}`;
  if (names.length > 1 && MAY_NAME_CHROME.test(names) && hasChromeWord(names)) return true;
  const candidate = inArticle ? CONTAINERS.has(element.localName) : mayBeMenu(element);
  if (!candidate) return false;
  const stats = measured?.(element);
  if (stats && stats.links < MENU_MIN_LINKS) return false;
  return isLinkList(stats ?? walkLinks(element), inArticle ? Infinity : MENU_LINK_LENGTH);
}
