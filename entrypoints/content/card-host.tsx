/**
 * The card's place on the page: a `gloss-card` element with an open shadow
 * root (the only element Gloss adds to a page), the Preact card inside it,
 * positioned beside the mark with floating-ui and kept on screen.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { Card } from '@/components/Card';
import type { CardKnowledge } from '@/knowledge/bundle';
import cardCss from '@/components/card.css?inline';
import { rangeOf } from './hit-test';
import type { Piece } from './page-marks';

export interface CardHostOptions {
  ctx: ContentScriptContext;
  knowledge: CardKnowledge;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** The reader closed the card, or its mark scrolled out of view. */
  onDismiss: (reason: 'closed' | 'scrolled-away') => void;
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
  private ui: Awaited<ReturnType<typeof createShadowRootUi<void>>> | null = null;
  private stopPositioning: (() => void) | null = null;
  entity: string | null = null;

  constructor(private readonly options: CardHostOptions) {}

  get isOpen(): boolean {
    return this.entity !== null;
  }

  get element(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** Shows the card of `entityId` beside `piece`; returns the dialog element. */
  async show(entityId: string, piece: Piece): Promise<HTMLElement | null> {
    const entity = this.options.knowledge.entities.find((e) => e.id === entityId);
    if (!entity) return null;
    const ui = await this.mount();
    this.entity = entityId;
    ui.shadowHost.dataset.theme = pageTheme();
    render(
      <Card
        entity={entity}
        knowledge={this.options.knowledge}
        onRelated={(id) => void this.show(id, piece).then((dialog) => dialog?.focus())}
        onClose={() => this.options.onDismiss('closed')}
      />,
      ui.uiContainer,
    );
    const dialog = ui.uiContainer.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog) this.position(dialog, piece);
    return dialog;
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.entity = null;
    if (this.ui) render(null, this.ui.uiContainer);
  }

  detach(): void {
    this.hide();
    this.ui?.remove();
    this.ui = null;
  }

  private async mount() {
    if (this.ui) return this.ui;
    const ui = await createShadowRootUi<void>(this.options.ctx, {
      name: 'gloss-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: cardCss,
      onMount: () => undefined,
    });
    ui.mount();
    ui.shadowHost.addEventListener('pointerenter', this.options.onPointerEnter);
    ui.shadowHost.addEventListener('pointerleave', this.options.onPointerLeave);
    this.ui = ui;
    return ui;
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
