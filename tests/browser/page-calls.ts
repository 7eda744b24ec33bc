/** What the driver's page methods run in the page (with the helpers of `page-helpers.ts`). */
import type { Helpers } from './page-helpers';

export type Located = { x: number; y: number } | { error: string };

export const PAGE = {
  highlights(): Record<string, number> {
    const out: Record<string, number> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
    registry?.forEach((highlight, name) => {
      if (name.startsWith('gloss-')) out[name] = highlight.size;
    });
    return out;
  },

  highlightTexts(h: Helpers, name: string): string[] {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    const highlight = registry?.get(name);
    if (!highlight) return [];
    const order = new Map<Node, number>();
    h.nodes(document).forEach((node, index) => {
      order.set(node, index);
    });
    const items = [...highlight].map((abstract) => {
      let text = '';
      try {
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        text = range.toString();
      } catch {
        // a StaticRange whose nodes changed: report it as empty rather than fail
      }
      return { text, at: order.get(abstract.startContainer) ?? Number.MAX_SAFE_INTEGER, offset: abstract.startOffset };
    });
    items.sort((a, b) => a.at - b.at || a.offset - b.offset);
    return items.map((item) => item.text);
  },

  locateText(h: Helpers, text: string, occurrence: number): Located {
    if (!text) return { error: 'hoverText needs a non-empty text' };
    let seen = 0;
    for (const node of h.textNodes()) {
      for (let at = node.data.indexOf(text); at !== -1; at = node.data.indexOf(text, at + text.length)) {
        if (seen++ !== occurrence) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const holder = node.parentElement ?? (node.getRootNode() as ShadowRoot).host;
        const rect = h.scrollToward(holder, () => h.firstRect(range));
        if (!rect) return { error: `occurrence ${occurrence} of "${text}" is not rendered (no box)` };
        if (!h.centreInView(rect)) return { error: `occurrence ${occurrence} of "${text}" could not be scrolled into view` };
        return h.centre(rect);
      }
    }
    return { error: `the page's text has ${seen} occurrence(s) of "${text}", so there is no occurrence ${occurrence} (0-based)` };
  },

  emptyCorner(h: Helpers): { x: number; y: number } {
    const { width, height } = h.viewport();
    const corners = [
      { x: width - 2, y: height - 2 },
      { x: 2, y: height - 2 },
      { x: width - 2, y: 2 },
      { x: 2, y: 2 },
    ];
    const empty = corners.find(({ x, y }) => {
      const hit = h.deepHit(x, y);
      return !hit || hit === document.documentElement || hit === document.body;
    });
    return empty ?? corners[0]!;
  },

  locateClickable(h: Helpers, text: string): Located {
    const wanted = h.norm(text);
    const matches = h
      .elements(document)
      .filter((element) => (h.accessibleName(element) === wanted || h.norm(element.textContent) === wanted) && h.isVisible(element));
    if (matches.length === 0) return { error: `no visible element whose accessible name or text is "${wanted}"` };
    const area = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return rect.width * rect.height;
    };
    const target = matches.find(h.isInteractive) ?? matches.reduce((best, next) => (area(next) < area(best) ? next : best));
    const rect = h.scrollToward(target, () => h.firstRect(target));
    if (!rect || !h.centreInView(rect)) return { error: `"${wanted}" (<${target.localName}>) could not be scrolled into view` };
    const { x, y } = h.centre(rect);
    const hit = h.deepHit(x, y);
    const labels = [...((target as HTMLInputElement).labels ?? [])];
    if (!hit || !(h.within(hit, target) || labels.some((label) => h.within(hit, label)))) {
      return { error: `"${wanted}" (<${target.localName}>) is covered at its centre by <${hit?.localName ?? 'nothing'}>` };
    }
    return { x, y };
  },

  dialog(h: Helpers): { name: string; text: string } | null {
    const dialog = h.elements(document).find((element) => h.hasRole(element, 'dialog') && h.isVisible(element));
    return dialog ? { name: h.ariaName(dialog), text: h.norm(dialog.textContent) } : null;
  },

  serialize(): string {
    // Clone into an inert document: no custom-element upgrades, no scripts, and the live page (and the content
    // script's MutationObserver) never sees a change.
    const inert = document.implementation.createHTMLDocument('');
    const clone = inert.importNode(document.documentElement, true);
    for (const element of [...clone.querySelectorAll('*')]) if (element.localName.startsWith('gloss-')) element.remove();
    return clone.outerHTML;
  },
};
