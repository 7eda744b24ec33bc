/**
 * Gloss on one page (or frame): its state and what changes it. The settings say whether it marks here, what
 * (the reading text or the whole page) and which marks it shows; the session finds and paints the marks; the
 * cards and the announcement come with the first mark. Ends, listeners and all, when `signal` aborts.
 */
import { hiddenMessage, marksFoundMessage } from '@/core/announcements';
import type { Matcher } from '@/core/match';
import { oneLine, surfaceKey } from '@/core/normalize';
import { isActiveOn, isCorrected, isShown, scopeOn, withCorrection, type Scope, type Settings } from '@/core/settings';
import type { EntityName } from '@/knowledge/bundle';
import { askCard, askShortcut, type Diagnostics, type PageHandlers } from '@/utils/messaging';
import { updateSettings } from '@/utils/settings-store';
import { CardController } from './card-controller';
import { CardHost } from './card-host';
import { HighlightPainter } from './highlight-painter';
import type { PageMark } from './page-marks';
import { PageSession } from './page-session';
import { readingScope, wholePage } from './reading-text';
import { afterNextFrame, Scheduler, SLICING } from './scheduler';

/** Past this many marks a pass waits to be painted with the announcement: going over fewer costs the page about 2 ms. */
const ANNOUNCE_WITH_PAINT = 250;

export interface GlossPageOptions {
  /** What the content script knows of each entity: enough to paint and filter; a card asks for the rest. */
  entities: Pick<ReadonlyMap<string, EntityName>, 'get'>;
  matcher: Matcher;
  settings: Settings;
  /** The site the reader sees in the address bar, whose corrections apply here; null in a frame of another origin. */
  site: string | null;
  /** Whether this is the top frame, which alone announces the page and answers the popup. */
  top: boolean;
  /** The entry module's first statement, for the diagnostics. */
  scriptStart: number;
  signal: AbortSignal;
}

export class GlossPage {
  private settings: Settings;
  /** Whether the session marks the page, and over which scope. */
  private running = false;
  private scope: Scope;
  /** Said once per page load, by the top frame. */
  private announced: boolean;
  /** A new root element means the page rewrote itself with document.open(), which drops the cards' listeners. */
  private pageRoot = document.documentElement;
  private cards: { controller: CardController; host: CardHost } | null = null;
  private readonly timings: Pick<Diagnostics, 'firstPassDone' | 'lastUpdateDone'> = { firstPassDone: null, lastUpdateDone: null };
  private readonly painter = new HighlightPainter();
  private readonly scheduler = new Scheduler(SLICING);
  private readonly session: PageSession;

  constructor(private readonly options: GlossPageOptions) {
    this.settings = options.settings;
    this.scope = scopeOn(this.settings, location.hostname);
    this.announced = !options.top;
    this.session = new PageSession({
      matcher: options.matcher,
      kindOf: (id) => options.entities.get(id)!.kind,
      isShown: (mark) => this.shown(mark),
      painter: this.painter,
      scheduler: this.scheduler,
      scope: () => (this.scope === 'page' ? wholePage() : readingScope()),
      laidOut: afterNextFrame,
      // The card and its listeners are set up with the page's first mark, which may come long after load; the
      // announcement's live region then too, so it is ready by the time the whole page is painted.
      onMarks: () => {
        const { host } = this.ensureCards();
        if (!this.announced && this.settings.announce) void host.prepareAnnouncement();
      },
      // Each change to the page's DOM after the marks are painted makes the browser go over every highlight again:
      // a page of many marks is painted in the same step as the announcement is said, a page of a few at once.
      beforePaint: async (count) => {
        const said = this.announce();
        if (count > ANNOUNCE_WITH_PAINT) await said;
      },
      onChange: () => this.changed(),
      signal: options.signal,
    });
  }

  /** Applies the settings: starts or stops marking, marks anew over another scope, or shows other marks. */
  async apply(settings: Settings = this.settings): Promise<void> {
    this.settings = settings;
    const active = isActiveOn(settings, location.hostname);
    const chosen = scopeOn(settings, location.hostname);
    if (this.running && (!active || chosen !== this.scope)) {
      this.running = false;
      this.cards?.controller.close();
      this.session.stop();
    }
    this.scope = chosen;
    if (active && !this.running) {
      this.running = true;
      await this.session.start();
      this.timings.firstPassDone ??= performance.now();
    } else if (active) {
      this.session.applyFilter();
      this.cards?.controller.refresh();
    }
  }

  /** What the popup, the keyboard command and the benchmark ask of the page. */
  readonly handlers: PageHandlers = {
    'gloss:diagnostics': () => ({
      budgetUnits: SLICING.budgetUnits,
      slices: this.scheduler.slices,
      scriptStart: this.options.scriptStart,
      rescans: this.session.rescans,
      scope: this.scope,
      ...this.timings,
    }),
    'gloss:summary': () => {
      const counts = new Map<string, number>();
      for (const mark of this.session.marks.marks) if (!this.corrected(mark)) counts.set(mark.entity, (counts.get(mark.entity) ?? 0) + 1);
      return { hostname: location.hostname, active: this.running, found: [...counts].map(([entity, count]) => ({ entity, count })) };
    },
    'gloss:step': ({ direction }) => this.hasMarks() && this.ensureCards().controller.step(direction),
    'gloss:reveal': ({ entity }) => {
      const first = this.hasMarks() && this.session.marks.inOrder().find((mark) => mark.entity === entity && this.shown(mark));
      return first ? this.ensureCards().controller.reveal(first) : false;
    },
  };

  private corrected(mark: PageMark): boolean {
    return this.options.site !== null && isCorrected(this.settings, this.options.site, mark);
  }

  private shown(mark: PageMark): boolean {
    return isShown(this.settings, this.options.entities.get(mark.entity)!) && !this.corrected(mark);
  }

  /** Shown marks to step through or reveal; none while Gloss is off here. */
  private hasMarks(): boolean {
    return this.running && this.session.marks.marks.size > 0;
  }

  private changed(): void {
    if (this.timings.firstPassDone !== null) this.timings.lastUpdateDone = performance.now();
    if (document.documentElement !== this.pageRoot) {
      this.pageRoot = document.documentElement;
      this.cards?.controller.relisten();
    }
    this.cards?.controller.refresh();
    void this.announce();
  }

  private ensureCards(): { controller: CardController; host: CardHost } {
    if (!this.cards) {
      const { site, signal } = this.options;
      const host = new CardHost({
        loadCard: askCard,
        onPointerEnter: () => this.cards?.controller.pointerEnteredCard(),
        onPointerLeave: () => this.cards?.controller.pointerLeftCard(),
        onDismiss: (reason) => this.cards?.controller.close({ cancelPending: reason === 'closed' }),
        onNotThis: site === null ? undefined : (mark) => void this.notThis(mark, site),
        signal,
      });
      const controller = new CardController({
        marks: this.session.marks,
        host,
        painter: this.painter,
        shownInOrder: () => this.session.marks.inOrder().filter((mark) => this.shown(mark)),
        isShown: (mark) => this.shown(mark),
        signal,
      });
      this.cards = { controller, host };
    }
    return this.cards;
  }

  /** Once per page load, when the page first has marks the settings show: how many, and the key to walk them. */
  private async announce(): Promise<void> {
    if (this.announced || !this.running || !this.settings.announce) return;
    const marks = this.session.shown();
    if (marks.length === 0) return;
    this.announced = true;
    const message = marksFoundMessage(new Set(marks.map((mark) => mark.entity)).size, marks.length, await askShortcut());
    if (!this.options.signal.aborted) await this.ensureCards().host.announce(message);
  }

  /** "Not …": hides every mark of these words as this entity on this site, now and after reloads. */
  private async notThis(mark: PageMark, site: string): Promise<void> {
    const key = surfaceKey(mark.text);
    const count = this.session.shown().filter((m) => m.entity === mark.entity && surfaceKey(m.text) === key).length;
    const correction = { site, text: mark.text, entity: mark.entity };
    this.settings = withCorrection(this.settings, correction);
    const { controller, host } = this.ensureCards();
    controller.close();
    this.session.applyFilter();
    void host.announce(hiddenMessage(oneLine(mark.text), this.options.entities.get(mark.entity)!.name, count));
    await updateSettings((stored) => withCorrection(stored, correction));
  }
}
