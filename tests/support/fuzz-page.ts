/**
 * Random news-shaped pages for the browser fuzz test; `page-model.ts` says what Gloss must paint on each.
 *
 * The grammar only builds trees the HTML parser keeps exactly as written (phrasing content inside p, headings and
 * inline elements; no text directly in lists or tables; no `a` inside `a`; adjacent texts merged), so the page's
 * text nodes are the tree's text nodes, in order, and the test can check that first.
 */
import fc from 'fast-check';

export type FuzzNode =
  | { type: 'text'; data: string }
  | { type: 'comment'; data: string }
  | { type: 'element'; tag: string; attrs: string; children: FuzzNode[] };

/** The knowledge's surface forms and title words, which the text is sprinkled with. */
export interface Vocabulary {
  aliases: string[];
  titles: string[];
}

const FILLER = [
  'the',
  'said',
  'on',
  'Tuesday',
  'talks',
  'in',
  'and',
  'The',
  'Minister',
  'met',
  'with',
  'officials',
  'border',
  'News',
  'IRAN',
  'DEAL',
  'SAYS',
  'Nawaz',
  'George',
  'State',
  'Jr.',
  'Update',
  '2026',
  'When',
  'us',
  'reported',
];
/** Separators and the characters pages put between and inside words. */
const GLUE = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\t',
  '\f',
  ', ',
  '. ',
  ': ',
  '’s ',
  "'s ",
  '-',
  ' — ',
  '–',
  ' (',
  ') ',
  '"',
  '&',
  '<',
  '>',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u200F',
  '\u200E',
];
/** Text from outside Latin-1: surrogate pairs, emoji sequences, combining marks, right-to-left scripts. */
const EXOTIC = ['😀', '👩‍👩‍👧', '🇵🇰', '𝐀𝐁', 'é', 'e\u0301', 'Ⅻ', 'İstanbul', 'ß', '北京', 'شهباز شریف', 'פזשכיאן', '\u202Bمرحبا\u202C', 'ﷺ'];

const BLOCK_CONTAINERS = ['div', 'section', 'article', 'header', 'aside', 'nav', 'blockquote'];
const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a'];
/** Hidden from the walker (`hidden`, aria-hidden) or only from the reader (CSS), each handled differently. */
const HIDING = ['hidden', 'aria-hidden="true"', 'style="display:none"', 'style="visibility:hidden"'];
/** The hidings the page's CSS does, not an attribute the walk reads: the model reads their text but paints nothing in it. */
export const CSS_HIDING = new Set(['style="display:none"', 'style="visibility:hidden"']);

const text = (data: string): FuzzNode => ({ type: 'text', data });
const element = (tag: string, children: FuzzNode[], attrs = ''): FuzzNode => ({ type: 'element', tag, attrs, children });

/** An alias as a page might print it: in its own case or shouting, with a title before it, non-breaking or soft-hyphenated. */
function aliasForm({ aliases, titles }: Vocabulary): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...aliases),
      fc.constantFrom('plain', 'plain', 'plain', 'upper', 'lower', 'nbsp', 'shy', 'zwsp', 'title', 'possessive'),
      fc.constantFrom(...titles),
      fc.nat(),
    )
    .map(([alias, how, title, at]) => {
      const cut = 1 + (at % Math.max(1, alias.length - 1));
      switch (how) {
        case 'upper':
          return alias.toUpperCase();
        case 'lower':
          return alias.toLowerCase();
        case 'nbsp':
          return alias.replaceAll(' ', '\u00A0');
        case 'shy':
          return `${alias.slice(0, cut)}\u00AD${alias.slice(cut)}`;
        case 'zwsp':
          return `${alias.slice(0, cut)}\u200B${alias.slice(cut)}`;
        case 'title':
          return `${title} ${alias}`;
        case 'possessive':
          return `${alias}’s`;
        default:
          return alias;
      }
    });
}

/** The data of one text node: a few words, names and separators. */
function sentence(vocabulary: Vocabulary): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 4, arbitrary: aliasForm(vocabulary) },
    { weight: 4, arbitrary: fc.constantFrom(...FILLER) },
    { weight: 1, arbitrary: fc.constantFrom(...EXOTIC) },
  );
  // Mostly prose (words one space apart), sometimes glued or run together by odd characters.
  const separator = fc.oneof(
    { weight: 6, arbitrary: fc.constant(' ') },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.constantFrom(...GLUE) },
  );
  return fc.array(fc.tuple(separator, token), { minLength: 1, maxLength: 8 }).map((parts) => parts.flat().join(''));
}

/** An alias cut in two by markup: `<b>Shehbaz</b> Sharif`, `Pezesh<!---->kian`, `Masoud <a>Pezeshkian</a>`. */
function splitAlias(vocabulary: Vocabulary, tags: string[]): fc.Arbitrary<FuzzNode[]> {
  return fc
    .tuple(aliasForm(vocabulary), fc.nat(), fc.constantFrom('left', 'right', 'comment'), fc.constantFrom(...tags))
    .map(([alias, at, how, tag]) => {
      const cut = 1 + (at % Math.max(1, alias.length - 1));
      const [left, right] = [alias.slice(0, cut), alias.slice(cut)];
      if (how === 'comment') return [text(left), { type: 'comment', data: ' split ' }, text(right)];
      return how === 'left' ? [element(tag, [text(left)]), text(right)] : [text(left), element(tag, [text(right)])];
    });
}

function memo<T>(build: (depth: number) => T): (depth: number) => T {
  const cache = new Map<number, T>();
  return (depth) => {
    if (!cache.has(depth)) cache.set(depth, build(depth));
    return cache.get(depth)!;
  };
}

/** Random page bodies: a few top-level trees of news-page elements. */
export function fuzzBody(vocabulary: Vocabulary): fc.Arbitrary<FuzzNode[]> {
  const words = sentence(vocabulary);
  const leaf = (links: boolean): fc.Arbitrary<FuzzNode[]> =>
    fc.oneof(
      { weight: 6, arbitrary: words.map((data) => [text(data)]) },
      {
        weight: 3,
        arbitrary: splitAlias(
          vocabulary,
          INLINE.filter((tag) => links || tag !== 'a'),
        ),
      },
      { weight: 1, arbitrary: fc.constant<FuzzNode[]>([element('br', [])]) },
      { weight: 1, arbitrary: fc.constantFrom(' x ', '', 'Shehbaz Sharif').map((data): FuzzNode[] => [{ type: 'comment', data }]) },
      { weight: 1, arbitrary: words.map((data) => [element('code', [text(data)])]) },
    );
  const phrasingList = (items: fc.Arbitrary<FuzzNode[]>) => fc.array(items, { minLength: 1, maxLength: 5 }).map((parts) => parts.flat());

  /** Phrasing content; `links` is false inside `a`, where the parser would close the outer link. */
  const phrasing = memo((depth: number) => {
    const build = (links: boolean): fc.Arbitrary<FuzzNode[]> => {
      if (depth === 0) return leaf(links);
      const inner = (tag: string) => phrasingAt(depth - 1, links && tag !== 'a');
      return fc.oneof(
        { weight: 6, arbitrary: leaf(links) },
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(...INLINE.filter((tag) => links || tag !== 'a'))
            .chain((tag) => inner(tag).map((children) => [element(tag, children, tag === 'a' ? 'href="#"' : '')])),
        },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HIDING), inner('span')).map(([attrs, children]) => [element('span', children, attrs)]) },
      );
    };
    return { links: build(true), noLinks: build(false) };
  });
  const phrasingAt = (depth: number, links: boolean) => phrasingList(links ? phrasing(depth).links : phrasing(depth).noLinks);

  const flow = memo((depth: number): fc.Arbitrary<FuzzNode[]> => {
    const inline = phrasingAt(Math.min(depth, 2), true);
    const paragraph = fc.constantFrom('p', 'p', 'h1', 'h2', 'h3').chain((tag) => inline.map((children) => [element(tag, children)]));
    if (depth === 0) return paragraph;
    const children = fc.array(flow(depth - 1), { minLength: 1, maxLength: 4 }).map((parts) => parts.flat());
    const cell = fc.constantFrom('td', 'th').chain((tag) => inline.map((content) => element(tag, content)));
    return fc.oneof(
      { weight: 4, arbitrary: paragraph },
      { weight: 1, arbitrary: inline },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...BLOCK_CONTAINERS), children).map(([tag, content]) => [element(tag, content)]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(inline, flow(depth - 1)), { minLength: 1, maxLength: 4 }).map((items) => [
          element(
            'ul',
            items.map((content) => element('li', content)),
          ),
        ]),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(children, inline).map(([content, caption]) => [element('figure', [...content, element('figcaption', caption)])]),
      },
      {
        weight: 1,
        arbitrary: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => [
          element('table', [
            element(
              'tbody',
              rows.map((cells) => element('tr', cells)),
            ),
          ]),
        ]),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HIDING), children).map(([attrs, content]) => [element('div', content, attrs)]) },
    );
  });

  return fc.array(flow(3), { minLength: 1, maxLength: 4 }).map((parts) => normalise(parts.flat()));
}

/** Merges adjacent texts and drops empty ones, as the parser does. */
function normalise(nodes: FuzzNode[]): FuzzNode[] {
  const out: FuzzNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text') {
      if (node.data === '') continue;
      if (last?.type === 'text') out[out.length - 1] = text(last.data + node.data);
      else out.push(node);
    } else if (node.type === 'element') {
      out.push({ ...node, children: normalise(node.children) });
    } else {
      out.push(node);
    }
  }
  return out;
}

const escapeText = (data: string) => data.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function renderHtml(nodes: FuzzNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeText(node.data);
      if (node.type === 'comment') return `<!--${node.data}-->`;
      const open = node.attrs ? `<${node.tag} ${node.attrs}>` : `<${node.tag}>`;
      return node.tag === 'br' ? open : `${open}${renderHtml(node.children)}</${node.tag}>`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// The model

/** What text-walker.ts leaves out of the text. */
