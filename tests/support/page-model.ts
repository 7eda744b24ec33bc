/**
 * A model of what Gloss must paint on a page given as a tree (`fuzz-page.ts`): it extracts the text as the content
 * script's walker is specified to (README, text-walker.ts: inline elements join, blocks and `br` break the line,
 * skipped elements contribute nothing), runs the matcher on it in Node with one page context, and maps each mention
 * back onto text nodes. Text hidden by CSS is read (it can anchor a short form) but a mark with any piece in it is
 * not painted.
 */
import { createContext, type Matcher } from '@/core/match';
import { WALK_DEFAULTS } from '@/entrypoints/content/text-walker';
import { CSS_HIDING, type FuzzNode } from './fuzz-page';

const SKIPPED_TAGS = new Set(['code']);
const SKIPPING_ATTRS = new Set(['hidden', 'aria-hidden="true"']);
const BLOCKS = new Set([
  'article',
  'aside',
  'blockquote',
  'br',
  'div',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'header',
  'li',
  'nav',
  'p',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'tr',
  'ul',
]);
/** The content script's chunking (text-walker.ts defaults): a chunk ends at the first block after this many characters. */
const CHUNK_SIZE = WALK_DEFAULTS.chunkSize;

export interface ExpectedPiece {
  highlight: string;
  /** Index of the text node among the body's text nodes, in document order. */
  node: number;
  start: number;
  end: number;
}

export interface PageModel {
  /** The data of every text node of the body, in document order. */
  texts: string[];
  /** Every range Gloss must paint. */
  pieces: ExpectedPiece[];
  /** Each painted mark's text as the matcher reported it, in page order. */
  marks: { entity: string; text: string }[];
}

interface Run {
  node: number;
  start: number;
  length: number;
}

export function modelPage(body: FuzzNode[], matcher: Matcher, kindOf: (entity: string) => string): PageModel {
  const texts: string[] = [];
  const cssHidden: boolean[] = [];
  const chunks: { text: string; runs: Run[] }[] = [];
  let chunk = { text: '', runs: [] as Run[] };
  let pendingBreak = false;

  const breakLine = () => {
    if (chunk.text.length > 0) pendingBreak = true;
  };
  const flush = () => {
    if (chunk.runs.length > 0) chunks.push(chunk);
    chunk = { text: '', runs: [] };
    pendingBreak = false;
  };
  /** `skipped`: inside an element the walker leaves out; `hidden`: inside one the page's CSS hides. */
  const visit = (nodes: FuzzNode[], skipped: boolean, hidden: boolean) => {
    for (const node of nodes) {
      if (node.type === 'comment') continue;
      if (node.type === 'text') {
        texts.push(node.data);
        cssHidden.push(hidden);
        if (skipped) continue;
        if (pendingBreak) {
          chunk.text += '\n';
          pendingBreak = false;
        }
        chunk.runs.push({ node: texts.length - 1, start: chunk.text.length, length: node.data.length });
        chunk.text += node.data.replace(/[\n\r\t\f]/g, ' ');
        if (chunk.text.length >= 2 * CHUNK_SIZE) flush();
        continue;
      }
      const skips = skipped || SKIPPED_TAGS.has(node.tag) || SKIPPING_ATTRS.has(node.attrs);
      const block = BLOCKS.has(node.tag);
      if (!skips && block) {
        breakLine();
        if (chunk.text.length >= CHUNK_SIZE) flush();
      }
      visit(node.children, skips, hidden || CSS_HIDING.has(node.attrs));
      if (!skips && block && node.children.length > 0) breakLine();
    }
  };
  visit(body, false, false);
  flush();

  const context = createContext();
  const pieces: ExpectedPiece[] = [];
  const marks: PageModel['marks'] = [];
  for (const { text: chunkText, runs } of chunks) {
    for (const mention of matcher.match(chunkText, context)) {
      const own = runs
        .map((run) => ({ run, from: Math.max(mention.start, run.start), to: Math.min(mention.end, run.start + run.length) }))
        .filter(({ from, to }) => to > from)
        .map(({ run, from, to }) => ({ highlight: `gloss-${kindOf(mention.entity)}`, node: run.node, start: from - run.start, end: to - run.start }));
      if (own.length === 0 || own.some((piece) => cssHidden[piece.node])) continue;
      pieces.push(...own);
      marks.push({ entity: mention.entity, text: mention.text });
    }
  }
  return { texts, pieces, marks };
}
