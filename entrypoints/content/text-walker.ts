/**
 * Extract: the visible text of a DOM subtree, in document order, as chunks of
 * plain text that map back to text nodes. Text split across inline elements
 * stays together ("<b>Shehbaz</b> Sharif"); block boundaries become "\n", so
 * no name is matched across two paragraphs. Reads the DOM, never changes it.
 */
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from '@/core/page-elements';

/** Part of a chunk's text that comes from one text node. */
export interface TextRun {
  node: Text;
  /** Offset of this run in the node's data. */
  nodeStart: number;
  /** Offset of this run in the chunk's text. */
  start: number;
  length: number;
}

export interface TextChunk {
  text: string;
  runs: TextRun[];
  /** The work this chunk stands for: its characters plus `NODE_UNITS` per node walked (a chunk may be all nodes, no text). */
  units: number;
}

/** On a page of many small elements the walk itself is the work: one node costs about as much as this many characters. */
export const NODE_UNITS = 16;

/**
 * Whether an element starts text the reader edits: a `contenteditable` other than "false", or the body of a
 * document in design mode. Read from the attribute, not `isContentEditable`, which makes the browser bring the
 * page's styles up to date on every call; what lies inside an editing host is left out with it.
 */
function isEditingHost(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  if (editable !== null) return editable.toLowerCase() !== 'false';
  return element.localName === 'body' && element.ownerDocument.designMode === 'on';
}

/** Whether an element's subtree is left out of the text: skipped tags, hidden, editable, or our own UI. */
export function isSkipped(element: Element): boolean {
  const name = element.localName;
  return (
    SKIPPED_ELEMENTS.has(name) ||
    name.startsWith('gloss-') ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    isEditingHost(element)
  );
}

export function isBlock(element: Element): boolean {
  return BLOCK_ELEMENTS.has(element.localName);
}

/** Whether any ancestor of `node` (up to the document) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  return false;
}

/** Control whitespace inside a text node renders as a space; replacing it keeps offsets one to one. */
const CONTROL_SPACE = /[\n\r\t\f]/g;

export interface WalkOptions {
  /** Chunks end at the first block boundary after this many units. */
  chunkSize: number;
  /** Longer text nodes are cut into runs of at most this many characters, at a space. */
  maxRun: number;
  /** Told of each open shadow root the walk enters, so its changes can be watched and its marks styled. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Elements whose subtrees are left out besides the skipped ones: the page's chrome, when marking the reading text. */
  excludes?: (element: Element) => boolean;
}

/** Small enough that matching one chunk, a step of the scheduler, stays a few milliseconds before the JIT has warmed up. */
export const WALK_DEFAULTS: WalkOptions = { chunkSize: 4_000, maxRun: 4_000 };

/** The most units a chunk can hold with these options (see the flushes in `walkText`). */
export const maxChunkLength = ({ chunkSize, maxRun }: WalkOptions = WALK_DEFAULTS) => 2 * chunkSize + maxRun + NODE_UNITS + 1;

/** Where to cut a long text: the last sentence end, else the last space, before `limit`. */
function cutPoint(data: string, from: number, limit: number): number {
  const window = data.slice(from, from + limit);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  if (sentence > limit / 2) return from + sentence + 1;
  const space = window.lastIndexOf(' ');
  return from + (space > limit / 2 ? space + 1 : limit);
}

/** Walks `root` and yields its text in chunks. */
export function* walkText(root: Node, options: Partial<WalkOptions> = {}): Generator<TextChunk> {
  // The body itself is skipped when the whole document is editable (`document.designMode = 'on'`).
  if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element)) return;
  const { chunkSize, maxRun } = { ...WALK_DEFAULTS, ...options };
  let text = '';
  let runs: TextRun[] = [];
  let nodes = 0;
  let pendingBreak = false;
  const units = () => text.length + nodes * NODE_UNITS;

  const breakLine = () => {
    if (text.length > 0) pendingBreak = true;
  };
  const take = (node: Text, nodeStart: number, piece: string) => {
    if (pendingBreak) {
      text += '\n';
      pendingBreak = false;
    }
    runs.push({ node, nodeStart, start: text.length, length: piece.length });
    text += piece.replace(CONTROL_SPACE, ' ');
  };
  const flush = (): TextChunk | null => {
    if (units() === 0) return null;
    const chunk = { text, runs, units: units() };
    text = '';
    runs = [];
    nodes = 0;
    pendingBreak = false;
    return chunk;
  };

  function* takeText(node: Text): Generator<TextChunk> {
    const data = node.data;
    if (data.length <= maxRun) {
      take(node, 0, data);
      return;
    }
    for (let from = 0; from < data.length; ) {
      const to = Math.min(data.length, cutPoint(data, from, maxRun));
      take(node, from, data.slice(from, to));
      from = to;
      const chunk = from < data.length ? flush() : null;
      if (chunk) yield chunk;
    }
  }

  /** A block with very much in it is cut between two nodes, where a name is least likely to be split. */
  const overfull = () => units() >= 2 * chunkSize;

  if (root.nodeType === Node.TEXT_NODE) {
    yield* takeText(root as Text);
  }
  let node: Node | null = root.nodeType === Node.TEXT_NODE ? null : root.firstChild;
  while (node) {
    let descend = false;
    nodes++;
    if (node.nodeType === Node.TEXT_NODE) {
      yield* takeText(node as Text);
    } else if (node.nodeType === Node.ELEMENT_NODE && !isSkipped(node as Element) && !options.excludes?.(node as Element)) {
      if (isBlock(node as Element)) {
        breakLine();
        const chunk = units() >= chunkSize ? flush() : null;
        if (chunk) yield chunk;
      }
      // An open shadow root's text is the element's rendered content: walked as a block of its own.
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        const chunk = flush();
        if (chunk) yield chunk;
        options.onShadowRoot?.(shadow);
        yield* walkText(shadow, options);
      }
      descend = node.firstChild !== null;
    }
    const chunk = overfull() ? flush() : null;
    if (chunk) yield chunk;
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      if (node !== root && node.nodeType === Node.ELEMENT_NODE && isBlock(node as Element)) breakLine();
    }
    node = node === root ? null : node.nextSibling;
  }
  const last = flush();
  if (last) yield last;
}
