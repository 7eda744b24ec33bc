/**
 * Watches the page for changes and reports, in batches, the smallest blocks
 * whose text must be found again: the nearest block around each added node or
 * edited text. Changes to our own UI and to skipped regions are ignored.
 */
import { isBlock, isInsideSkipped, isSkipped } from './text-walker';

const isOwnUi = (node: Node) => node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith('gloss-');

/** The nearest block element around `node`, or its parent when that block would be the whole page. */
function blockAround(node: Node): Node | null {
  const parent = node.parentNode;
  if (!parent) return null;
  for (let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el === document.body || el === document.documentElement) break;
    if (isBlock(el)) return el;
  }
  return node.nodeType === Node.ELEMENT_NODE ? node : parent;
}

export interface Batch {
  /** Subtrees to find mentions in again, none inside another; none when nodes were only removed, so marks on disconnected text must go. */
  roots: Node[];
}

export class MutationWatch {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private removed = false;
  private scheduled = false;

  constructor(private readonly onBatch: (batch: Batch) => void) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  /**
   * Watches `target`'s subtree; called again for each open shadow root, which a document-wide watch does not see into.
   * The body is watched from the document up: `document.open()` replaces the body, and a watch on the old one would go blind.
   */
  start(target: Node = document.body): void {
    this.observer.observe(target === document.body ? document : target, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer.disconnect();
    this.pending.clear();
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        this.add(record.target);
        continue;
      }
      if (record.removedNodes.length > 0 && ![...record.removedNodes].every(isOwnUi)) this.removed = true;
      for (const node of record.addedNodes) if (!isOwnUi(node)) this.add(node);
    }
    if (!this.scheduled && (this.pending.size > 0 || this.removed)) {
      this.scheduled = true;
      // Batched: many changes in one burst (a re-render, a feed page) are handled together.
      queueMicrotask(() => this.flush());
    }
  }

  private add(node: Node): void {
    // A change inside what is never read (code, a hidden or editable block) changes nothing Gloss reads; the block
    // around it would otherwise be read again.
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (element && (isSkipped(element) || isInsideSkipped(element))) return;
    const block = blockAround(node);
    if (block && !isOwnUi(block)) this.pending.add(block);
  }

  private flush(): void {
    this.scheduled = false;
    const candidates = [...this.pending]
      .filter((node) => node.isConnected && !(node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element)) && !isInsideSkipped(node))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    this.pending = new Set();
    // In document order an ancestor comes before what it contains.
    const roots: Node[] = [];
    for (const node of candidates) if (!roots.at(-1)?.contains(node)) roots.push(node);
    const removed = this.removed;
    this.removed = false;
    if (roots.length > 0 || removed) this.onBatch({ roots });
  }
}
