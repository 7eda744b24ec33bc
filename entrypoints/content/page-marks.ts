/**
 * The mentions found on this page and where they sit in the DOM: each mention
 * is cut into pieces that each lie inside one text node, with a per-node index
 * for hit-testing. Pure bookkeeping over DOM references; it paints nothing.
 */
import type { Kind, Mention } from '@/core/types';
import type { TextChunk } from './text-walker';

export interface Piece {
  node: Text;
  start: number;
  end: number;
  mark: PageMark;
}

export interface PageMark {
  id: number;
  entity: string;
  kind: Kind;
  text: string;
  via: Mention['via'];
  pieces: Piece[];
}

/** Index of the run of `chunk` that contains chunk offset `offset`. */
function runAt(chunk: TextChunk, offset: number): number {
  let low = 0;
  let high = chunk.runs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunk.runs[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export class PageMarks {
  private nextId = 1;
  private readonly byNode = new Map<Text, Piece[]>();
  readonly marks = new Set<PageMark>();

  constructor(private readonly kindOf: (entity: string) => Kind) {}

  /** Records the mentions found in one chunk; returns the new marks. */
  addFromChunk(chunk: TextChunk, mentions: readonly Mention[]): PageMark[] {
    const added: PageMark[] = [];
    for (const mention of mentions) {
      const mark: PageMark = {
        id: this.nextId++,
        entity: mention.entity,
        kind: this.kindOf(mention.entity),
        text: mention.text,
        via: mention.via,
        pieces: [],
      };
      for (let r = runAt(chunk, mention.start); r < chunk.runs.length; r++) {
        const run = chunk.runs[r]!;
        if (run.start >= mention.end) break;
        const from = Math.max(mention.start, run.start);
        const to = Math.min(mention.end, run.start + run.length);
        if (to <= from) continue;
        const piece = { node: run.node, start: run.nodeStart + from - run.start, end: run.nodeStart + to - run.start, mark };
        mark.pieces.push(piece);
        const list = this.byNode.get(run.node);
        if (list) list.push(piece);
        else this.byNode.set(run.node, [piece]);
      }
      if (mark.pieces.length === 0) continue;
      this.marks.add(mark);
      added.push(mark);
    }
    return added;
  }

  /** The mark whose piece in `node` covers `offset` (a caret position: either edge counts). */
  at(node: Node, offset: number): Piece | undefined {
    return this.byNode.get(node as Text)?.find((piece) => piece.start <= offset && offset <= piece.end);
  }

  /** Removes and returns the marks with a piece that `test` selects. */
  removeWhere(test: (piece: Piece) => boolean): PageMark[] {
    const removed: PageMark[] = [];
    for (const mark of this.marks) {
      if (!mark.pieces.some(test)) continue;
      this.marks.delete(mark);
      removed.push(mark);
      for (const piece of mark.pieces) {
        const list = this.byNode.get(piece.node);
        const rest = list?.filter((p) => p.mark !== mark);
        if (rest && rest.length > 0) this.byNode.set(piece.node, rest);
        else this.byNode.delete(piece.node);
      }
    }
    return removed;
  }

  clear(): void {
    this.marks.clear();
    this.byNode.clear();
  }

  /** The marks in document order. */
  inOrder(): PageMark[] {
    return [...this.marks].sort((a, b) => {
      const x = a.pieces[0]!;
      const y = b.pieces[0]!;
      if (x.node === y.node) return x.start - y.start;
      return x.node.compareDocumentPosition(y.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }
}
