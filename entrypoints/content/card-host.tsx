/**
 * The card's place on the page: a `gloss-card` element with an open shadow
 * root (the only element Gloss adds to a page), the Preact card inside it,
 * positioned beside the mark with floating-ui and kept on screen, and beside
 * it the polite live region through which Gloss speaks to screen readers.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { Card } from '@/components/Card';
import type { CardKnowledge } from '@/knowledge/bundle';
import cardCss from '@/components/card.css?inline';
import { rangeOf } from './hit-test';
import type { PageMark, Piece } from './page-marks';

type ShadowUi = Awaited<ReturnType<typeof createShadowRootUi<void>>>;

/** Screen readers watch a live region for changes, so it must exist a moment before the first thing it says. */
const LIVE_REGION_SETTLE_MS = 250;

export interface CardHostOptions {
  ctx: ContentScriptContext;
  knowledge: CardKnowledge;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** The reader closed the card, or its mark scrolled out of view. */
  onDismiss: (reason: 'closed' | 'scrolled-away') => void;
  /** The reader said the mark's words don't name its entity here. */
  onNotThis: (mark: PageMark) => void;
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

export class CardHost {
  private ui: ShadowUi | null = null;
  private mounting: Promise<{ ui: ShadowUi; root: HTMLElement }> | null = null;
  /** Preact owns this element's children; the live region is its sibling. */
  private cardRoot: HTMLElement | null = null;
  private live: Promise<HTMLElement> | null = null;
  private stopPositioning: (() => void) | null = null;
  entity: string | null = null;

  constructor(private readonly options: CardHostOptions) {}

  get isOpen(): boolean {
    return this.entity !== null;
  }

  get element(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /**
   * Shows the card of `entityId` beside `piece`; returns the dialog element. With `mark`, the card was opened from
   * that mark and can explain and correct it; a related entity's card, opened in its place, cannot.
   */
  async show(entityId: string, piece: Piece, mark?: PageMark): Promise<HTMLElement | null> {
    const entity = this.options.knowledge.entities.find((e) => e.id === entityId);
    if (!entity) return null;
    const { ui, root } = await this.mount();
    this.entity = entityId;
    ui.shadowHost.dataset.theme = pageTheme();
    render(
      <Card
        entity={entity}
        knowledge={this.options.knowledge}
        mark={mark && mark.entity === entityId ? { text: mark.text, via: mark.via } : undefined}
        onRelated={(id) => void this.show(id, piece).then((dialog) => dialog?.focus())}
        onClose={() => this.options.onDismiss('closed')}
        onNotThis={mark && (() => this.options.onNotThis(mark))}
      />,
      root,
    );
    const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog) this.position(dialog, piece);
    return dialog;
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.entity = null;
    if (this.cardRoot) render(null, this.cardRoot);
  }

  /** Says `text` politely to screen readers; it stays readable in the region until the next message. */
  async announce(text: string): Promise<void> {
    this.live ??= this.mount().then(async ({ ui }) => {
      const region = document.createElement('div');
      region.className = 'live';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.setAttribute('aria-atomic', 'true');
      ui.uiContainer.append(region);
      await new Promise((resolve) => setTimeout(resolve, LIVE_REGION_SETTLE_MS));
      return region;
    });
    (await this.live).textContent = text;
  }

  detach(): void {
    this.hide();
    this.ui?.remove();
    this.ui = null;
    this.cardRoot = null;
    this.mounting = null;
    this.live = null;
  }

  /** One host however many callers ask at once: the card and the live region may both want it on the first marks. */
  private mount(): Promise<{ ui: ShadowUi; root: HTMLElement }> {
    this.mounting ??= createShadowRootUi<void>(this.options.ctx, {
      name: 'gloss-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: cardCss,
      onMount: () => undefined,
    }).then((ui) => {
      ui.mount();
      ui.shadowHost.addEventListener('pointerenter', this.options.onPointerEnter);
      ui.shadowHost.addEventListener('pointerleave', this.options.onPointerLeave);
      const root = document.createElement('div');
      ui.uiContainer.append(root);
      this.ui = ui;
      this.cardRoot = root;
      return { ui, root };
    });
    return this.mounting;
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
          // The card's CSS caps its height at the viewport's; shifting along both axes keeps all of it on screen.
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
