/**
 * The evaluation's page side, bundled (with Readability) into one script and run in the page's main world as
 * `glossEval`: the marks Gloss painted, the oracle of the article's text, and where text nodes sit in the page.
 * Text nodes are named by their index in the document's tree order (`document`, head included), which is the same
 * in the live page and in a clone of it. Reads the page, never changes it.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { tellsTheSame } from './similar';
import type { Mark, Oracle, Place } from './types';

const textNodes = (root: Node): Text[] => {
  const owner = root.ownerDocument ?? (root as Document);
  const walker = owner.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
};

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every range of every `gloss-<kind>` highlight (`gloss-active` repeats one of them), in tree order. */
function marks(): Mark[] {
  const index = new Map<Node, number>(textNodes(document).map((node, i) => [node, i]));
  const out: Mark[] = [];
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  registry.forEach((highlight, name) => {
    if (!name.startsWith('gloss-') || name === 'gloss-active') return;
    for (const range of highlight) {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      out.push({
        kind: name.slice('gloss-'.length),
        node: index.get(range.startContainer) ?? -1,
        endNode: index.get(range.endContainer) ?? -1,
        start: range.startOffset,
        end: range.endOffset,
        text: live.toString(),
      });
    }
  });
  return out.sort((a, b) => a.node - b.node || a.start - b.start);
}

/**
 * Readability's article over a clone of the page, as the indices of the text nodes it keeps. Its nodes are the
 * clone's own (serializer `el => el`), found by identity. When Readability starts over (it re-parses the body from
 * its HTML when a first attempt finds too little text), the nodes are new: those are found by their text, in order.
 */
function oracle(): Oracle {
  const clone = document.cloneNode(true) as Document;
  const cloneNodes = textNodes(clone);
  const index = new Map<Node, number>(cloneNodes.map((node, i) => [node, i]));
  const readerable = isProbablyReaderable(clone);
  const article = new Readability(clone, { serializer: (element: Node) => element }).parse();
  const content = article?.content;
  if (!article || !content) return { article: false, readerable, textNodes: cloneNodes.length };

  const inside = new Set<number>();
  let byText = 0;
  let lost = 0;
  let cursor = 0;
  const findByText = (data: string): number => {
    for (let i = cursor; i < cloneNodes.length; i++) if (cloneNodes[i]!.data === data) return i;
    for (let i = 0; i < cursor; i++) if (cloneNodes[i]!.data === data) return i;
    return -1;
  };
  for (const node of textNodes(content)) {
    if (!node.data.trim()) continue;
    let at = index.get(node) ?? -1;
    if (at === -1) {
      at = findByText(node.data);
      if (at === -1) {
        lost++;
        continue;
      }
      byText++;
    }
    inside.add(at);
    cursor = at + 1;
  }

  // The headline, byline and standfirst are reading text, which Readability reports apart from its
  // content: the page's elements whose whole text is one of them, or tells the same as the title or the excerpt.
  const exact = new Set([article.title, article.byline, article.excerpt].map(norm).filter((text) => text.length > 0));
  const close = [article.title, article.excerpt].map(norm).filter((text) => text.length > 0);
  const live = new Map<Node, number>(textNodes(document).map((node, i) => [node, i]));
  const headed = new Set<number>();
  for (const element of document.body?.querySelectorAll('*') ?? []) {
    const text = norm(element.textContent);
    const near = (target: string) => text.length <= 2 * target.length + 20 && 2 * text.length + 20 >= target.length && tellsTheSame(text, target);
    if (!exact.has(text) && !close.some(near)) continue;
    for (const node of textNodes(element)) headed.add(live.get(node)!);
  }
  return {
    article: true,
    readerable,
    textNodes: cloneNodes.length,
    inside: [...inside].sort((a, b) => a - b),
    apart: [...headed].filter((i) => !inside.has(i)).sort((a, b) => a - b),
    title: norm(article.title),
    byline: norm(article.byline),
    articleChars: norm(article.textContent).length,
    foundByText: byText,
    lost,
  };
}

const LANDMARK_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu', 'form', 'dialog', 'main', 'article', 'section']);
const LANDMARK_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'form',
  'main',
  'article',
  'region',
]);

const label = (element: Element) => {
  const id = element.id ? `#${element.id}` : '';
  const classes = [...element.classList]
    .slice(0, 3)
    .map((name) => `.${name}`)
    .join('');
  return `${element.localName}${id}${classes}`;
};

/** Where each of these text nodes sits: its nearest landmark, nearest named container, and what it is inside. */
function places(indices: number[]): Place[] {
  const nodes = textNodes(document);
  return indices.map((i) => {
    const node = nodes[i];
    const place: Place = { landmark: '(none)', container: '(none)', link: false, heading: false, listItem: false, tokens: [] };
    const tokens = new Set<string>();
    for (let element = node?.parentElement ?? null; element && element !== document.body; element = element.parentElement) {
      const role = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0] ?? '';
      if (place.landmark === '(none)') {
        if (LANDMARK_ROLES.has(role)) place.landmark = `role=${role}`;
        else if (LANDMARK_TAGS.has(element.localName)) place.landmark = element.localName;
      }
      if (place.container === '(none)' && (element.id || element.classList.length > 0)) place.container = label(element);
      if (element.localName === 'a' && element.hasAttribute('href')) place.link = true;
      if (/^h[1-6]$/.test(element.localName) || role === 'heading') place.heading = true;
      if (element.localName === 'li') place.listItem = true;
      for (const name of element.classList) tokens.add(name.toLowerCase());
      if (element.id) tokens.add(`#${element.id.toLowerCase()}`);
    }
    place.tokens = [...tokens];
    return place;
  });
}

(globalThis as unknown as { glossEval: unknown }).glossEval = { marks, oracle, places };
