/**
 * When cards open and close: after a dwell over a mark, while the pointer is
 * on the mark or the card, until Escape; and the keyboard walk from mark to
 * mark. Owns the active-mark highlight and returns focus where it was.
 */
import type { CardHost } from './card-host';
import type { HighlightPainter } from './highlight-painter';
import { pieceAt } from './hit-test';
import type { PageMark, PageMarks, Piece } from './page-marks';

/** How long the pointer rests on a mark before its card opens, and how long the card outlives the pointer leaving. */
export const DWELL_MS = 300;
export const LINGER_MS = 300;

export interface CardControllerOptions {
  marks: PageMarks;
  host: CardHost;
  painter: HighlightPainter;
  /** The marks currently shown, in document order. */
  shownInOrder: () => PageMark[];
  isShown: (mark: PageMark) => boolean;
  /** Ends the controller: its listeners and timers go, and an open card closes. */
  signal: AbortSignal;
}

export class CardController {
  private open: PageMark | null = null;
  /** A card the pointer opened closes when the pointer leaves; one that focus or a command opened stays until they move on. */
  private openedBy: 'pointer' | 'focus' | 'keyboard' = 'pointer';
  private pending: PageMark | null = null;
  private openTimer = 0;
  /** Focus has its own timer, so a stray pointer move does not cancel a card that focus asked for. */
  private focusTimer = 0;
  private closeTimer = 0;
  private frame = 0;
  private point: { x: number; y: number } | null = null;
  private returnFocus: HTMLElement | null = null;
  private abort = new AbortController();

  constructor(private readonly options: CardControllerOptions) {
    this.listen();
    options.signal.addEventListener('abort', () => this.end(), { once: true });
  }

  /** Listens again: `document.open()` erases every listener on the document and the window, ours included. */
  relisten(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.listen();
  }

  private listen(): void {
    if (this.options.signal.aborted) return;
    const signal = AbortSignal.any([this.abort.signal, this.options.signal]);
    window.addEventListener('pointermove', (event) => this.onPointerMove(event), { passive: true, capture: true, signal });
    document.addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
    document.addEventListener('focusin', (event) => this.onFocusIn(event), { capture: true, signal });
  }

  pointerEnteredCard(): void {
    clearTimeout(this.closeTimer);
  }

  pointerLeftCard(): void {
    this.scheduleClose();
  }

  /** Opens the card of the next or previous shown mark, scrolled into view, with focus in the card. */
  async step(direction: 1 | -1): Promise<boolean> {
    const marks = this.options.shownInOrder();
    if (marks.length === 0) return false;
    const current = this.open ? marks.indexOf(this.open) : -1;
    const next = current < 0 ? (direction === 1 ? 0 : marks.length - 1) : (current + direction + marks.length) % marks.length;
    return this.reveal(marks[next]!);
  }

  /** Scrolls `mark` into view and opens its card with focus in it. */
  async reveal(mark: PageMark): Promise<boolean> {
    const piece = mark.pieces[0]!;
    piece.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (!this.returnFocus) this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = await this.show(mark, piece, 'keyboard');
    dialog?.focus();
    return dialog !== null;
  }

  /**
   * Closes the card; after a keyboard walk, focus goes back where it was. A card that only scrolled out of view
   * keeps what the reader asked for next (focus on another link scrolls the page, and its card must still open).
   */
  close({ cancelPending = true } = {}): void {
    if (cancelPending) {
      clearTimeout(this.openTimer);
      clearTimeout(this.focusTimer);
    }
    clearTimeout(this.closeTimer);
    this.open = null;
    this.pending = null;
    this.options.host.hide();
    this.options.painter.setActive(null);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus();
  }

  /** Closes the card when its mark is gone or hidden by the settings. */
  refresh(): void {
    if (this.open && (!this.options.marks.marks.has(this.open) || !this.options.isShown(this.open))) this.close();
  }

  private end(): void {
    cancelAnimationFrame(this.frame);
    this.close();
  }

  private async show(mark: PageMark, piece: Piece, by: CardController['openedBy']): Promise<HTMLElement | null> {
    clearTimeout(this.closeTimer);
    this.open = mark;
    this.openedBy = by;
    this.options.painter.setActive(mark);
    return this.options.host.show(mark.entity, piece, mark);
  }

  private onPointerMove(event: PointerEvent): void {
    this.point = { x: event.clientX, y: event.clientY };
    const host = this.options.host.element;
    if (host && event.composedPath().includes(host)) {
      clearTimeout(this.closeTimer);
      return;
    }
    // One hit-test per frame, however often the pointer moves.
    if (!this.frame) this.frame = requestAnimationFrame(() => this.hitTest());
  }

  private hitTest(): void {
    this.frame = 0;
    if (!this.point) return;
    const piece = pieceAt(this.options.marks, this.point.x, this.point.y);
    const mark = piece && this.options.isShown(piece.mark) ? piece.mark : null;
    if (mark && mark === this.open) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (mark !== this.pending) {
      clearTimeout(this.openTimer);
      this.pending = mark;
      if (mark && piece) {
        void this.options.host.prefetch(mark.entity);
        this.openTimer = window.setTimeout(() => void this.show(mark, piece, 'pointer'), DWELL_MS);
      }
    }
    if (!mark && this.open && this.openedBy === 'pointer') this.scheduleClose();
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = window.setTimeout(() => this.close(), LINGER_MS);
  }

  /** Keyboard focus on a link or control that holds a mark opens that mark's card, leaving focus where it is. */
  private onFocusIn(event: FocusEvent): void {
    const target = event.target;
    const host = this.options.host.element;
    if (!(target instanceof Element) || (host && event.composedPath().includes(host))) return;
    if (!target.matches(':focus-visible')) return;
    const mark = this.options.shownInOrder().find((m) => target.contains(m.pieces[0]!.node));
    clearTimeout(this.focusTimer);
    if (mark) {
      void this.options.host.prefetch(mark.entity);
      this.focusTimer = window.setTimeout(() => void this.show(mark, mark.pieces[0]!, 'focus'), DWELL_MS);
    } else if (this.open && this.openedBy === 'focus') this.scheduleClose();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close();
    }
  }
}
