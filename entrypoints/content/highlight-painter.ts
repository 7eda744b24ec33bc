/**
 * Paint: registers the marks as CSS Custom Highlights, one highlight per kind
 * (`gloss-person`, …) plus `gloss-active` for the mark whose card is open.
 * The page's DOM is never touched; `detach()` removes every highlight.
 *
 * Each change to a registered highlight makes the browser go over all its
 * ranges again before the next frame (Chromium's PrePaint), so the cost of
 * painting in many small steps grows with the square of the marks: a whole
 * page's marks are painted with `show`, which fills new highlights outside
 * the registry and registers them together, for one such pass.
 */
import { highlightName, KIND_IDS } from '@/core/kinds';
import highlightRules from './highlights.css?inline';
import type { PageMark } from './page-marks';

export const ACTIVE = 'gloss-active';

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly ranges = new WeakMap<PageMark, AbstractRange[]>();
  /**
   * Shadow roots that hold marks, and the sheet adopted into them: the document's `::highlight()` rules do not reach
   * into shadow trees, so each such root gets the same rules. The one change to page state besides our UI host.
   */
  private readonly styledRoots = new Set<ShadowRoot>();
  private sheet: CSSStyleSheet | null = null;

  private style(mark: PageMark): void {
    const root = mark.pieces[0]!.node.getRootNode();
    if (!(root instanceof ShadowRoot) || this.styledRoots.has(root)) return;
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(highlightRules);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    this.styledRoots.add(root);
  }

  private highlight(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      // The active mark paints over its kind's tint.
      if (name === ACTIVE) highlight.priority = 1;
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  private rangesOf(mark: PageMark): AbstractRange[] {
    let ranges = this.ranges.get(mark);
    if (!ranges) {
      // Static ranges cost the page nothing when it edits its DOM; ours are rebuilt when their text changes.
      ranges = mark.pieces.map(
        (piece) => new StaticRange({ startContainer: piece.node, startOffset: piece.start, endContainer: piece.node, endOffset: piece.end }),
      );
      this.ranges.set(mark, ranges);
    }
    return ranges;
  }

  /** Makes a mark's ranges ahead of painting it; returns the work done in the scheduler's units (a range costs about as much as finding 64 characters). */
  prepare(mark: PageMark): number {
    this.rangesOf(mark);
    return 64 * mark.pieces.length;
  }

  add(marks: Iterable<PageMark>): void {
    for (const mark of marks) {
      const highlight = this.highlight(highlightName(mark.kind));
      for (const range of this.rangesOf(mark)) highlight.add(range);
      this.style(mark);
    }
  }

  remove(marks: Iterable<PageMark>): void {
    for (const mark of marks) {
      const ranges = this.ranges.get(mark);
      if (!ranges) continue;
      const highlight = this.highlights.get(highlightName(mark.kind));
      for (const range of ranges) {
        highlight?.delete(range);
        this.highlights.get(ACTIVE)?.delete(range);
      }
    }
  }

  /** Shows exactly `marks`, in place of what was painted, with one change to the registry. */
  show(marks: Iterable<PageMark>): void {
    const fresh = new Map(KIND_IDS.map((kind) => [highlightName(kind), new Highlight()]));
    for (const mark of marks) {
      const highlight = fresh.get(highlightName(mark.kind))!;
      for (const range of this.rangesOf(mark)) highlight.add(range);
      this.style(mark);
    }
    for (const [name, highlight] of fresh) {
      if (highlight.size === 0 && !this.highlights.has(name)) continue;
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
  }

  setActive(mark: PageMark | null): void {
    const active = this.highlight(ACTIVE);
    active.clear();
    if (mark) for (const range of this.rangesOf(mark)) active.add(range);
  }

  detach(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    for (const root of this.styledRoots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    this.styledRoots.clear();
  }
}
