/**
 * One page's marking: extract → match → record → paint, over the whole page
 * at start and over changed blocks after that, in time slices. Settings
 * filters repaint from the marks already found, without a rescan.
 */
import { createContext, type Matcher, type MatchContext } from '@/core/match';
import type { Kind } from '@/core/types';
import type { HighlightPainter } from './highlight-painter';
import { MutationWatch, type Batch } from './mutation-watch';
import { PageMarks, type PageMark } from './page-marks';
import { inScope, type ReadingScope } from './reading-text';
import type { Scheduler } from './scheduler';
import { maxChunkLength, walkText, type TextChunk } from './text-walker';

function isRendered(element: Element | null): boolean {
  if (!element) return false;
  return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions) : true;
}

export interface SessionOptions {
  matcher: Matcher;
  kindOf: (entity: string) => Kind;
  /** Whether the settings show a mark: its entity's kind and topics, and the reader's corrections. */
  isShown: (mark: PageMark) => boolean;
  painter: HighlightPainter;
  scheduler: Scheduler;
  /** What to mark on this page: its reading text or all of it; asked again when the page replaced what it held. */
  scope: () => ReadingScope;
  /** Called after marks were added or removed. */
  onChange?: () => void;
  /** Called as soon as marks are painted, before the rest of the page is done. */
  onMarks?: () => void;
}

export class PageSession {
  readonly marks: PageMarks;
  private context: MatchContext = createContext();
  private scope: ReadingScope | null = null;
  /** Entities whose naming made the page be found again: each does so once per session, whatever rescans follow. */
  private readonly rescannedFor = new Set<string>();
  /** How many times the whole scope was found again, for the diagnostics. */
  rescans = 0;
  private readonly watch: MutationWatch;

  constructor(private readonly options: SessionOptions) {
    this.marks = new PageMarks(options.kindOf);
    this.watch = new MutationWatch((batch) => void this.update(batch));
  }

  /** Marks the page's scope, then keeps it marked as it changes. */
  async start(): Promise<void> {
    this.scope = this.options.scope();
    this.watch.start(document.body);
    await this.scan(this.scope.roots);
  }

  stop(): void {
    this.watch.stop();
    this.options.scheduler.cancel();
    this.options.painter.detach();
    this.marks.clear();
    this.context = createContext();
    this.scope = null;
    this.rescannedFor.clear();
  }

  /** Paints exactly the marks the settings show. */
  applyFilter(): void {
    this.options.painter.repaint(this.shown());
    this.options.onChange?.();
  }

  shown(): PageMark[] {
    return [...this.marks.marks].filter((mark) => this.options.isShown(mark));
  }

  private scan(roots: readonly Node[]): Promise<void> {
    const { matcher, painter, scheduler } = this.options;
    const context = this.context;
    const self = this;
    const excludes = this.scope?.excludes;
    const found: PageMark[] = [];
    function* work(): Generator<number, void> {
      for (const root of roots) {
        for (const chunk of walkText(root, { excludes, onShadowRoot: (shadow) => self.watch.start(shadow) })) {
          if (context !== self.context) return;
          found.push(...self.record(chunk, matcher.match(chunk.text, context)));
          yield chunk.units;
        }
      }
      // Painted once the pass is done, in slices too: each paint mid-pass would make the page repaint its highlights
      // between slices. Each mark is checked as it comes, since a change to the page may have removed it meanwhile.
      for (const mark of found) if (self.marks.marks.has(mark) && self.options.isShown(mark)) yield painter.paint(mark);
    }
    return scheduler.run(work(), { maxStepUnits: maxChunkLength() }).then(() => {
      if (context !== this.context) return;
      if (found.length > 0) this.options.onMarks?.();
      this.options.onChange?.();
    });
  }

  /** Records the mentions of one chunk; returns the marks on text the page shows. */
  private record(chunk: TextChunk, mentions: ReturnType<Matcher['match']>): PageMark[] {
    if (mentions.length === 0) return [];
    const added = this.marks.addFromChunk(chunk, mentions);
    // Text hidden by the page's CSS (a collapsed menu, a "visually hidden" label) is not marked, nor a name with a
    // hidden part: the reader doesn't see it whole. Asked only where there is a mention: it makes the browser compute styles.
    const hidden = added.filter((mark) => mark.pieces.some((piece) => !isRendered(piece.node.parentElement)));
    if (hidden.length === 0) return added;
    this.marks.removeWhere((piece) => hidden.includes(piece.mark));
    return added.filter((mark) => !hidden.includes(mark));
  }

  /** The changed blocks' parts that lie in the scope: each block inside it, or the scope's roots inside a block. */
  private inScope(roots: readonly Node[]): Node[] {
    const scope = this.scope!;
    return roots.flatMap((root) => (inScope(scope, root) ? [root] : scope.roots.filter((scoped) => root.contains(scoped))));
  }

  /** Finds changed blocks again; the scan reports the change, removals included, when it is done. */
  private async update({ roots }: Batch): Promise<void> {
    const { painter } = this.options;
    if (!this.scope) return;
    // A page that replaced its article (a single-page site's next story) has a reading text of its own.
    if (this.scope.roots.some((root) => !root.isConnected)) return this.rescanAll();
    const stale = this.marks.removeWhere((piece) => !piece.node.isConnected || roots.some((root) => root.contains(piece.node)));
    painter.remove(stale);
    const seenBefore = new Set(this.context.seen);
    await this.scan(this.inScope(roots));
    const licensed = [...this.context.seen].filter(
      (entity) => !seenBefore.has(entity) && this.context.waiting.has(entity) && !this.rescannedFor.has(entity),
    );
    if (licensed.length > 0) {
      // A name added to the page can license short forms found earlier ("Sharif" above a new "Shehbaz Sharif"):
      // find everything again. Each entity does this once: a rescan starts a new context, in which the entity is
      // new again to any update that runs while the rescan is under way.
      for (const entity of licensed) this.rescannedFor.add(entity);
      this.rescanAll();
    }
  }

  private rescanAll(): void {
    this.rescans++;
    this.options.painter.repaint([]);
    this.marks.clear();
    this.context = createContext();
    this.scope = this.options.scope();
    void this.scan(this.scope.roots);
  }
}
