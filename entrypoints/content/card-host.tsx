/**
 * The card's place on the page: a `gloss-card` element with an open shadow
 * root (the only element Gloss adds to a page), the Preact card inside it,
 * positioned beside the mark with floating-ui and kept on screen, and beside
 * it the polite live region through which Gloss speaks to screen readers.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { Card } from '@/components/Card';
import type { CardKnowledge } from '@/knowledge/bundle';
import cardCss from '@/components/card.css?inline';
import { rangeOf } from './hit-test';
import type { PageMark, Piece } from './page-marks';

/** The card's height when it has the room; and the least it keeps, scrolling, when it hasn't. */
const MAX_CARD_HEIGHT = 480;
const MIN_CARD_HEIGHT = 160;

/** Screen readers watch a live region for changes, so it must exist a moment before the first thing it says. */
const LIVE_REGION_SETTLE_MS = 250;

export interface CardHostOptions {
  /** What an entity's card shows, asked once per entity (of the background, in the extension). */
  loadCard: (entity: string) => Promise<CardKnowledge | null>;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** The reader closed the card, or its mark scrolled out of view. */
  onDismiss: (reason: 'closed' | 'scrolled-away') => void;
  /** The reader said the mark's words don't name its entity here; absent where no correction can be kept. */
  onNotThis?: (mark: PageMark) => void;
  /** Takes the host and its live region off the page. */
  signal: AbortSignal;
}

/** Dark when the page's own background is dark, else the reader's colour-scheme preference. */
function pageTheme(): 'light' | 'dark' {
  for (const el of [document.body, document.documentElement]) {
    const match = el && getComputedStyle(el).backgroundColor.match(/\d+(\.\d+)?/g);
    if (!match) continue;
    const [r, g, b, a = '1'] = match.map(Number).map(String);
    if (Number(a) === 0) continue;
    return 0.2126 * Number(r) + 0.7152 * Number(g) + 0.0722 * Number(b) < 110 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface Mounted {
  host: HTMLElement;
  /** Preact owns this element's children; the live region is its sibling. */
  cardRoot: HTMLElement;
  shadow: ShadowRoot;
}

/**
 * The `gloss-card` element, made by hand rather than with WXT's createShadowRootUi, which costs the content script
 * 3 KB gzipped for the same few lines. `all: initial !important` on the host: a page's own !important rules for
 * custom elements or `*` lose to it, since important rules from inside a shadow tree win. It is the root element's
 * last child, out of flow, not the body's: in the body it would be one of the page's boxes (a grid or flex body lays
 * it out, rules for the body's last child match it), and adding it would make the browser lay the page out again.
 */
function mountHost(): Mounted {
  const host = document.createElement('gloss-card');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important}\n${cardCss}`;
  const cardRoot = document.createElement('div');
  shadow.append(style, cardRoot);
  document.documentElement.append(host);
  return { host, cardRoot, shadow };
}

export class CardHost {
  private mounted: Mounted | null = null;
  private live: Promise<HTMLElement> | null = null;
  private stopPositioning: (() => void) | null = null;
  private readonly cards = new Map<string, Promise<CardKnowledge | null>>();
  /** Counts shows and hides, so a card whose content came after the reader moved on is not shown. */
  private generation = 0;

  constructor(private readonly options: CardHostOptions) {
    options.signal.addEventListener('abort', () => this.detach(), { once: true });
  }

  /** Asks for an entity's card ahead of its dwell, so it opens without waiting. */
  prefetch(entityId: string): Promise<CardKnowledge | null> {
    let card = this.cards.get(entityId);
    if (!card) {
      card = this.options.loadCard(entityId);
      this.cards.set(entityId, card);
      // A failed answer is asked again next time.
      void card.then((answer) => answer ?? this.cards.delete(entityId));
    }
    return card;
  }

  get element(): HTMLElement | null {
    return this.mounted?.host ?? null;
  }

  /**
   * Shows the card of `entityId` beside `piece`; returns the dialog element. With `mark`, the card was opened from
   * that mark and can explain and correct it; a related entity's card, opened in its place, cannot.
   */
  async show(entityId: string, piece: Piece, mark?: PageMark): Promise<HTMLElement | null> {
    const generation = ++this.generation;
    const knowledge = await this.prefetch(entityId);
    const entity = knowledge?.entities[0];
    if (!knowledge || !entity || generation !== this.generation) return null;
    const { host, cardRoot } = this.mount();
    host.dataset.theme = pageTheme();
    render(
      <Card
        entity={entity}
        knowledge={knowledge}
        mark={mark && mark.entity === entityId ? { text: mark.text, via: mark.via } : undefined}
        onRelated={(id) => void this.show(id, piece).then((dialog) => dialog?.focus())}
        onClose={() => this.options.onDismiss('closed')}
        onNotThis={mark && this.options.onNotThis && (() => this.options.onNotThis!(mark))}
      />,
      cardRoot,
    );
    const dialog = cardRoot.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog) this.position(dialog, piece);
    return dialog;
  }

  hide(): void {
    this.generation++;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.mounted) render(null, this.mounted.cardRoot);
  }

  /** Makes the polite live region ahead of its first message: screen readers must see it a moment before it speaks. */
  prepareAnnouncement(): Promise<HTMLElement> {
    this.live ??= (async () => {
      const region = document.createElement('div');
      region.className = 'live';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.setAttribute('aria-atomic', 'true');
      this.mount().shadow.append(region);
      await new Promise((resolve) => setTimeout(resolve, LIVE_REGION_SETTLE_MS));
      return region;
    })();
    return this.live;
  }

  /** Says `text` politely to screen readers; it stays readable in the region until the next message. */
  async announce(text: string): Promise<void> {
    (await this.prepareAnnouncement()).textContent = text;
  }

  private detach(): void {
    this.hide();
    this.mounted?.host.remove();
    this.mounted = null;
    this.live = null;
  }

  private mount(): Mounted {
    if (this.options.signal.aborted) throw new Error('Gloss has stopped on this page');
    if (!this.mounted) {
      this.mounted = mountHost();
      this.mounted.host.addEventListener('pointerenter', this.options.onPointerEnter);
      this.mounted.host.addEventListener('pointerleave', this.options.onPointerLeave);
    }
    // A page that replaced its root or its body (document.open, some single-page apps) may have taken the host with it.
    if (!this.mounted.host.isConnected) document.documentElement.append(this.mounted.host);
    return this.mounted;
  }

  private position(dialog: HTMLElement, piece: Piece): void {
    this.stopPositioning?.();
    const range = rangeOf(piece);
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: piece.node.parentElement ?? undefined,
    };
    const update = async () => {
      const { x, y, middlewareData } = await computePosition(reference, dialog, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip(),
          // A card taller than the room on its side scrolls instead, so it never slides over the mark it explains.
          size({
            padding: 8,
            apply: ({ availableHeight, elements }) => {
              elements.floating.style.maxHeight = `${Math.max(MIN_CARD_HEIGHT, Math.min(MAX_CARD_HEIGHT, availableHeight))}px`;
            },
          }),
          shift({ padding: 8, crossAxis: true }),
          hide(),
        ],
      });
      if (middlewareData.hide?.referenceHidden) {
        this.options.onDismiss('scrolled-away');
        return;
      }
      Object.assign(dialog.style, { transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` });
    };
    this.stopPositioning = autoUpdate(reference, dialog, () => void update());
  }
}
