/**
 * One page's marking: extract → match → record → paint, over the whole page
 * at start and over changed blocks after that, in time slices; the names in
 * view are painted first. Settings filters repaint from the marks already
 * found, without a rescan.
 */
import { createContext, type Matcher, type MatchContext } from '@/core/match';
import type { Kind, Mention } from '@/core/types';
import type { HighlightPainter } from './highlight-painter';
import { MutationWatch, type Batch } from './mutation-watch';
import { PageMarks, type PageMark, type Piece } from './page-marks';
import { inScope, type ReadingScope } from './reading-text';
import type { Scheduler, Work } from './scheduler';
import { maxChunkLength, NODE_UNITS, walkText, type TextChunk } from './text-walker';
import { blocksInView } from './viewport-text';

function isRendered(element: Element | null): boolean {
  if (!element) return false;
  return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions) : true;
}

/** The text nodes under `roots`: asked of each mark, a set answers at once where `contains` climbs the tree. */
function textUnder(roots: readonly Node[]): Set<Node> {
  const nodes = new Set<Node>();
  for (const root of roots) {
    if (root.nodeType === Node.TEXT_NODE) nodes.add(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.add(node);
  }
  return nodes;
}

export interface SessionOptions {
  matcher: Matcher;
  kindOf: (entity: string) => Kind;
  /** Whether the settings show a mark: its entity's kind and topics, and the reader's corrections. */
  isShown: (mark: PageMark) => boolean;
  painter: HighlightPainter;
  scheduler: Scheduler;
  /** What to mark on this page, its reading text or all of it, found in steps; asked again when the page replaced what it held. */
  scope: () => Work<ReadingScope>;
  /** Resolves once the page has been laid out, when its geometry is cheap to read (or never, in a hidden tab). */
  laidOut?: () => Promise<void>;
  /** Called as soon as there are marks to paint, in view or found by a pass, before they are painted. */
  onMarks?: () => void;
  /** Called when a pass over the scope found `count` marks, before they are painted; painting waits for what it returns. */
  beforePaint?: (count: number) => Promise<void>;
  /** Called after marks were added or removed. */
  onChange?: () => void;
  /** Ends the session for good: marking stops and every mark goes. */
  signal?: AbortSignal;
}

/** The most work one step of finding the scope does (see `readingScope`). */
const SCOPE_STEP_UNITS = 1_024 * NODE_UNITS;

/** The most text read for the names in view: several screens of the densest text, a few milliseconds of matching. */
const IN_VIEW_UNITS = 48_000;

/** What a reader sees in view first may only be a name that needs nothing said before it on the page. */
const NEEDS_NO_CONTEXT = new Set<Mention['via']>(['name', 'variant', 'title', 'acronym']);

export class PageSession {
  readonly marks: PageMarks;
  private context: MatchContext = createContext();
  private scope: ReadingScope | null = null;
  /** Whether the marks of the current pass over the scope are painted: until then the ones in view stand in. */
  private painted = false;
  /** The marks painted ahead of the pass, until it is painted. */
  private inView: PageMark[] = [];
  /** Entities whose naming made the page be found again: each does so once per session, whatever rescans follow. */
  private readonly rescannedFor = new Set<string>();
  /** How many times the whole scope was found again, for the diagnostics. */
  rescans = 0;
  private readonly watch: MutationWatch;

  constructor(private readonly options: SessionOptions) {
    this.marks = new PageMarks(options.kindOf);
    this.watch = new MutationWatch((batch) => void this.update(batch));
    options.signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  /**
   * Marks the page's scope, then keeps it marked as it changes. The scope is found in document order, since a name
   * licenses the short forms after it, and painted at once when done; meanwhile, once the page is laid out, the
   * names in view are painted ahead of it.
   */
  async start(): Promise<void> {
    if (this.options.signal?.aborted) return;
    const context = this.context;
    // Asked first: the frame comes while the scope is being found. Once both are there, the names in view are
    // painted, ahead of the pass's first slice (this callback is queued before it).
    const layout = this.options.laidOut?.();
    const scope = await this.options.scheduler.run(this.options.scope(), { maxStepUnits: SCOPE_STEP_UNITS });
    if (!scope || context !== this.context) return;
    this.scope = scope;
    this.watch.start(document.body);
    void layout?.then(() => this.paintInView());
    await this.pass();
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
    this.options.painter.show(this.shown());
    this.options.onChange?.();
  }

  shown(): PageMark[] {
    return [...this.marks.marks].filter((mark) => this.options.isShown(mark));
  }

  /** One pass over the whole scope in a fresh context: found in slices, then painted in one change. */
  private async pass(): Promise<void> {
    this.painted = false;
    const context = this.context;
    const found = await this.find(this.scope!.roots);
    if (context !== this.context) return;
    if (found.length > 0) {
      this.options.onMarks?.();
      await this.options.beforePaint?.(found.length);
    }
    if (context !== this.context) return;
    this.options.painter.show(this.shown());
    this.painted = true;
    this.inView = [];
    this.options.onChange?.();
  }

  /** Finds the marks under `roots` in slices, making each one's ranges as it comes; returns those on shown text. */
  private find(roots: readonly Node[]): Promise<PageMark[]> {
    const { matcher, painter, scheduler } = this.options;
    const context = this.context;
    const self = this;
    const excludes = this.scope?.excludes;
    const found: PageMark[] = [];
    function* work(): Generator<number, void> {
      for (const root of roots) {
        for (const chunk of walkText(root, { excludes, onShadowRoot: (shadow) => self.watch.start(shadow) })) {
          if (context !== self.context) return;
          const marks = self.record(self.marks, chunk, matcher.match(chunk.text, context));
          found.push(...marks);
          let units = chunk.units;
          for (const mark of marks) units += painter.prepare(mark);
          yield units;
        }
      }
    }
    return scheduler.run(work(), { maxStepUnits: maxChunkLength() }).then(() => found);
  }

  /**
   * The names in view, painted while the pass is under way: each block in view matched on its own, keeping the
   * names that need nothing said earlier on the page. The pass's own marks take their place when it is painted.
   */
  private paintInView(): void {
    if (this.painted || !this.scope) return;
    const { matcher, painter } = this.options;
    const marks = new PageMarks(this.options.kindOf);
    const inView: PageMark[] = [];
    let units = 0;
    // A block in view may be a megabyte long: what is read here is bounded, and the pass paints the rest.
    read: for (const block of blocksInView(this.scope)) {
      for (const chunk of walkText(block, { excludes: this.scope.excludes })) {
        units += chunk.units;
        if (units > IN_VIEW_UNITS) break read;
        const mentions = matcher.match(chunk.text, createContext()).filter((mention) => NEEDS_NO_CONTEXT.has(mention.via));
        inView.push(...this.record(marks, chunk, mentions).filter((mark) => this.options.isShown(mark)));
      }
    }
    if (inView.length === 0) return;
    this.inView = inView;
    this.options.onMarks?.();
    painter.add(inView);
  }

  /** Records the mentions of one chunk in `marks`; returns the marks on text the page shows. */
  private record(marks: PageMarks, chunk: TextChunk, mentions: readonly Mention[]): PageMark[] {
    if (mentions.length === 0) return [];
    const added = marks.addFromChunk(chunk, mentions);
    // Text hidden by the page's CSS (a collapsed menu, a "visually hidden" label) is not marked, nor a name with a
    // hidden part: the reader doesn't see it whole. Asked only where there is a mention: it makes the browser compute styles.
    const hidden = added.filter((mark) => mark.pieces.some((piece) => !isRendered(piece.node.parentElement)));
    if (hidden.length === 0) return added;
    marks.removeWhere((piece) => hidden.includes(piece.mark));
    return added.filter((mark) => !hidden.includes(mark));
  }

  /** The changed blocks' parts that lie in the scope: each block inside it, or the scope's roots inside a block. */
  private inScope(roots: readonly Node[]): Node[] {
    const scope = this.scope!;
    return roots.flatMap((root) => (inScope(scope, root) ? [root] : scope.roots.filter((scoped) => root.contains(scoped))));
  }

  /** Finds changed blocks again and paints what changed in one step. */
  private async update({ roots }: Batch): Promise<void> {
    const { painter } = this.options;
    if (!this.scope) return;
    // A page that replaced its article (a single-page site's next story) has a reading text of its own.
    if (this.scope.roots.some((root) => !root.isConnected)) return this.rescanAll();
    const context = this.context;
    const edited = textUnder(roots);
    const changed = (piece: Piece) => !piece.node.isConnected || edited.has(piece.node);
    const stale = [...this.marks.removeWhere(changed), ...this.inView.filter((mark) => mark.pieces.some(changed))];
    const seenBefore = new Set(context.seen);
    const found = await this.find(this.inScope(roots));
    if (context !== this.context) return;
    painter.remove(stale);
    painter.add(found.filter((mark) => this.marks.marks.has(mark) && this.options.isShown(mark)));
    this.options.onChange?.();
    const licensed = [...context.seen].filter((entity) => !seenBefore.has(entity) && context.waiting.has(entity) && !this.rescannedFor.has(entity));
    if (licensed.length > 0) {
      // A name added to the page can license short forms found earlier ("Sharif" above a new "Shehbaz Sharif"):
      // find everything again. Each entity does this once: a rescan starts a new context, in which the entity is
      // new again to any update that runs while the rescan is under way.
      for (const entity of licensed) this.rescannedFor.add(entity);
      void this.rescanAll();
    }
  }

  private async rescanAll(): Promise<void> {
    this.rescans++;
    this.marks.clear();
    const context = createContext();
    this.context = context;
    const scope = await this.options.scheduler.run(this.options.scope(), { maxStepUnits: SCOPE_STEP_UNITS });
    if (!scope || context !== this.context) return;
    this.scope = scope;
    await this.pass();
  }
}
