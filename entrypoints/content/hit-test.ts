/**
 * Hit-test: which mark is under a point. The caret position at the point
 * names a text node and offset; the per-node index gives the mark there, and
 * the piece's boxes confirm the point is on its text, not beside a line end.
 */
import type { PageMarks, Piece } from './page-marks';

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function rangeOf(piece: Piece): Range {
  const range = document.createRange();
  range.setStart(piece.node, piece.start);
  range.setEnd(piece.node, piece.end);
  return range;
}

export function pieceAt(marks: PageMarks, x: number, y: number): Piece | undefined {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const piece = marks.at(caret.node, caret.offset);
  if (!piece || piece.end > (piece.node as Text).length) return undefined;
  for (const rect of rangeOf(piece).getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return piece;
  }
  return undefined;
}
