/**
 * The content script: wiring only. Knowledge (compiled at build time) →
 * extract → match → paint, then hover and keyboard → card; settings and
 * messages from the popup and the keyboard command apply live.
 */
// Taken at the entry module's first statement (after its imports are evaluated), for the benchmark.
const scriptStart = performance.now();
import './highlights.css';
import knowledge from 'virtual:gloss-knowledge/page';
import { browser, defineContentScript } from '#imports';
import { createMatcher } from '@/core/match';
import { hiddenMessage, marksFoundMessage } from '@/core/announcements';
import { oneLine, surfaceKey } from '@/core/normalize';
import { isActiveOn, isCorrected, isShown, scopeOn, withCorrection, type Scope, type Settings } from '@/core/settings';
import { askCard, askShortcut, isToPage, type Diagnostics, type PageCall, type PageHandlers, type ToPage } from '@/utils/messaging';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings-store';
import { CardController } from './card-controller';
import { CardHost } from './card-host';
import { HighlightPainter } from './highlight-painter';
import type { PageMark } from './page-marks';
import { PageSession } from './page-session';
import { readingScope, wholePage } from './reading-text';
import { afterNextFrame, Scheduler, SLICING } from './scheduler';

/** Past this many marks a pass waits to be painted with the announcement: going over fewer costs the page about 2 ms. */
const ANNOUNCE_WITH_PAINT = 250;

/** The top frame's hostname; null in a frame of another origin, which can't read it. */
function topSite(): string | null {
  try {
    return window.top!.location.hostname;
  } catch {
    return null;
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  cssInjectionMode: 'manifest',
  // Pages never receive a window message from Gloss (WXT's old way of telling a reloaded script to stand down).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (!('highlights' in CSS)) {
      console.info('Gloss: this browser has no CSS Custom Highlight API, so Gloss marks nothing here.');
      return;
    }
    const entities = new Map(knowledge.entities.map((entity) => [entity.id, entity]));
    const matcher = createMatcher(knowledge.index);
    let settings: Settings = await loadSettings();
    // Corrections belong to the site the reader sees in the address bar, which the popup lists them under: a frame's
    // own host would hide them from the popup. A cross-origin frame can't read it, so it offers no "Not …".
    const site = topSite();
    const corrected = (mark: PageMark) => site !== null && isCorrected(settings, site, mark);
    const shown = (mark: PageMark) => isShown(settings, entities.get(mark.entity)!) && !corrected(mark);
    // Frames have content scripts of their own; the page is announced once, by its top frame.
    let announced = window !== window.top;
    // A new root element means the page rewrote itself with document.open(), which drops the cards' listeners.
    let pageRoot = document.documentElement;
    const timings: Pick<Diagnostics, 'firstPassDone' | 'lastUpdateDone'> = { firstPassDone: null, lastUpdateDone: null };
    let cards: CardController | null = null;
    let host: CardHost | null = null;
    let running = false;
    const painter = new HighlightPainter();
    const scheduler = new Scheduler(SLICING);
    const session = new PageSession({
      matcher,
      kindOf: (id) => entities.get(id)!.kind,
      isShown: shown,
      painter,
      scheduler,
      scope: () => (scopeOn(settings, location.hostname) === 'page' ? wholePage() : readingScope()),
      laidOut: afterNextFrame,
      // The card and its listeners are set up with the page's first mark, which may come long after load; the
      // announcement's live region then too, so it is ready by the time the whole page is painted.
      onMarks: () => {
        ensureCards();
        if (!announced && settings.announce) void host?.prepareAnnouncement();
      },
      // Each change to the page's DOM after the marks are painted makes the browser go over every highlight again:
      // a page of many marks is painted in the same step as the announcement is said, a page of a few at once.
      beforePaint: async (count) => {
        const said = announceMarks();
        if (count > ANNOUNCE_WITH_PAINT) await said;
      },
      onChange: () => {
        if (timings.firstPassDone !== null) timings.lastUpdateDone = performance.now();
        if (document.documentElement !== pageRoot) {
          pageRoot = document.documentElement;
          cards?.relisten();
        }
        cards?.refresh();
        void announceMarks();
      },
    });
    const ensureCards = () => {
      if (!cards) {
        host = new CardHost({
          loadCard: askCard,
          onPointerEnter: () => cards?.pointerEnteredCard(),
          onPointerLeave: () => cards?.pointerLeftCard(),
          onDismiss: (reason) => cards?.close({ cancelPending: reason === 'closed' }),
          onNotThis: site === null ? undefined : (mark) => void notThis(mark, site),
        });
        const cardHost = host;
        cards = new CardController({
          marks: session.marks,
          host: cardHost,
          painter,
          shownInOrder: () => session.marks.inOrder().filter(shown),
          isShown: shown,
        });
        ctx.onInvalidated(() => {
          cards?.detach();
          cardHost.detach();
        });
      }
      return cards;
    };

    /** Once per page load, when the page first has marks the settings show: how many, and the key to walk them. */
    const announceMarks = async () => {
      if (announced || !running || !settings.announce) return;
      const marks = session.shown();
      if (marks.length === 0) return;
      announced = true;
      const message = marksFoundMessage(new Set(marks.map((mark) => mark.entity)).size, marks.length, await askShortcut());
      ensureCards();
      await host?.announce(message);
    };

    /** "Not …": hides every mark of these words as this entity on this site, now and after reloads. */
    const notThis = async (mark: PageMark, where: string) => {
      const key = surfaceKey(mark.text);
      const count = session.shown().filter((m) => m.entity === mark.entity && surfaceKey(m.text) === key).length;
      const correction = { site: where, text: mark.text, entity: mark.entity };
      settings = withCorrection(settings, correction);
      cards?.close();
      session.applyFilter();
      void host?.announce(hiddenMessage(oneLine(mark.text), entities.get(mark.entity)!.name, count));
      await updateSettings((stored) => withCorrection(stored, correction));
    };

    /** The scope the running session marks; a new choice in the popup marks the page anew. */
    let scope: Scope = scopeOn(settings, location.hostname);
    const apply = async () => {
      const active = isActiveOn(settings, location.hostname);
      const chosen = scopeOn(settings, location.hostname);
      if (active && running && chosen !== scope) {
        cards?.close();
        session.stop();
        running = false;
      }
      scope = chosen;
      if (active && !running) {
        running = true;
        await session.start();
        timings.firstPassDone ??= performance.now();
      } else if (!active && running) {
        running = false;
        cards?.close();
        session.stop();
      } else if (active) {
        session.applyFilter();
        cards?.refresh();
      }
    };
    ctx.onInvalidated(() => session.stop());
    ctx.onInvalidated(
      watchSettings((next) => {
        settings = next;
        void apply();
      }),
    );

    /** Shown marks to step through or reveal; none while Gloss is off here. */
    const hasMarks = () => running && session.marks.marks.size > 0;
    const handlers: PageHandlers = {
      'gloss:diagnostics': () => ({
        budgetUnits: SLICING.budgetUnits,
        slices: scheduler.slices,
        scriptStart,
        rescans: session.rescans,
        scope,
        ...timings,
      }),
      'gloss:summary': () => {
        const counts = new Map<string, number>();
        for (const mark of session.marks.marks) if (!corrected(mark)) counts.set(mark.entity, (counts.get(mark.entity) ?? 0) + 1);
        return { hostname: location.hostname, active: running, found: [...counts].map(([entity, count]) => ({ entity, count })) };
      },
      'gloss:step': ({ direction }) => hasMarks() && ensureCards().step(direction),
      'gloss:reveal': ({ entity }) => {
        const first = hasMarks() && session.marks.inOrder().find((mark) => mark.entity === entity && shown(mark));
        return first ? ensureCards().reveal(first) : false;
      },
    };
    const answer = <K extends PageCall>(message: ToPage<K>) => (handlers[message.type] as PageHandlers[K])(message);
    const listener = (message: unknown) => (isToPage(message) && window === window.top ? Promise.resolve(answer(message)) : undefined);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    await apply();
  },
});
