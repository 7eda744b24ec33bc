/** Page-side code. `pageHelpers` is serialised into every harness call: it must not reference anything outside itself. */
import { functionSource } from './page-source';

export function pageHelpers() {
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE']);

  /** Every node under `root` in tree order; an element's open shadow root (and its tree) comes right after the element, before its light children. */
  function nodes(root: Node): Node[] {
    const out: Node[] = [];
    const visit = (node: Node) => {
      out.push(node);
      const shadow = node.nodeType === 1 ? (node as Element).shadowRoot : null;
      if (shadow) visit(shadow);
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    };
    visit(root);
    return out;
  }
  function elements(root: Node = document): Element[] {
    return nodes(root).filter((node): node is Element => node.nodeType === 1);
  }
  /** Text nodes of the rendered page (body and open shadow roots), without script/style contents. */
  function textNodes(): Text[] {
    return nodes(document.body ?? document.documentElement).filter(
      (node): node is Text => node.nodeType === 3 && !SKIP.has(node.parentElement?.tagName ?? ''),
    );
  }
  function parentOf(node: Node): Node | null {
    return node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  /** `inner` is `outer` or inside it, crossing shadow boundaries. */
  function within(inner: Node | null, outer: Node): boolean {
    for (let node = inner; node; node = parentOf(node)) if (node === outer) return true;
    return false;
  }
  /** elementFromPoint that descends into open shadow roots. */
  function deepHit(x: number, y: number): Element | null {
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  }
  function isVisible(element: Element): boolean {
    if (element.getClientRects().length === 0) return false;
    const check = (element as Element & { checkVisibility?: (options: object) => boolean }).checkVisibility;
    return check ? check.call(element, { checkVisibilityCSS: true, visibilityProperty: true }) : true;
  }
  function firstRect(target: Range | Element): DOMRect | null {
    return [...target.getClientRects()].find((rect) => rect.width > 0 && rect.height > 0) ?? null;
  }
  function viewport() {
    return { width: document.documentElement.clientWidth || innerWidth, height: document.documentElement.clientHeight || innerHeight };
  }
  function fullyInView(rect: DOMRect): boolean {
    const { width, height } = viewport();
    return rect.left >= 0 && rect.top >= 0 && rect.right <= width && rect.bottom <= height;
  }
  function centre(rect: DOMRect) {
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  function centreInView(rect: DOMRect): boolean {
    const { x, y } = centre(rect);
    const { width, height } = viewport();
    return x >= 0 && y >= 0 && x < width && y < height;
  }
  /** Brings `rect()` into view: first through the element's scroll containers, then by scrolling the window to centre it. */
  function scrollToward(element: Element, rect: () => DOMRect | null): DOMRect | null {
    let current = rect();
    if (current && fullyInView(current)) return current;
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
    current = rect();
    if (current && !fullyInView(current)) {
      const { width, height } = viewport();
      const { x, y } = centre(current);
      window.scrollBy({ left: x - width / 2, top: y - height / 2, behavior: 'instant' as ScrollBehavior });
      current = rect();
    }
    return current;
  }
  /** aria-labelledby (resolved in the element's own tree), else aria-label. */
  function ariaName(element: Element): string {
    const ids = element.getAttribute('aria-labelledby');
    if (ids) {
      const root = element.getRootNode() as Document | ShadowRoot;
      const text = ids
        .split(/\s+/)
        .map((id) => root.getElementById?.(id)?.textContent ?? '')
        .join(' ');
      if (norm(text)) return norm(text);
    }
    return norm(element.getAttribute('aria-label'));
  }
  /** A practical subset of accessible-name computation. */
  function accessibleName(element: Element): string {
    const aria = ariaName(element);
    if (aria) return aria;
    const labels = (element as HTMLInputElement).labels;
    if (labels?.length) return norm([...labels].map((label) => label.textContent).join(' '));
    if (element instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(element.type)) return norm(element.value);
    if (element instanceof HTMLImageElement) return norm(element.alt);
    return norm(element.textContent) || norm(element.getAttribute('title'));
  }
  const INTERACTIVE_ROLES = new Set([
    'button',
    'link',
    'switch',
    'checkbox',
    'radio',
    'tab',
    'menuitem',
    'menuitemcheckbox',
    'option',
    'combobox',
    'textbox',
  ]);
  function isInteractive(element: Element): boolean {
    const tag = element.localName;
    if (tag === 'a') return element.hasAttribute('href');
    if (['button', 'input', 'select', 'textarea', 'summary'].includes(tag)) return true;
    const role = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0] ?? '';
    return INTERACTIVE_ROLES.has(role) || element.hasAttribute('tabindex');
  }
  function hasRole(element: Element, role: string): boolean {
    return (element.getAttribute('role') ?? '').trim().split(/\s+/)[0] === role;
  }
  return {
    norm,
    nodes,
    elements,
    textNodes,
    within,
    deepHit,
    isVisible,
    firstRect,
    viewport,
    centre,
    centreInView,
    scrollToward,
    ariaName,
    accessibleName,
    isInteractive,
    hasRole,
  };
}
export type Helpers = ReturnType<typeof pageHelpers>;

export function withHelpers<A extends unknown[]>(fn: (h: Helpers, ...args: A) => unknown, args: A): string {
  return `(${functionSource(fn)}).apply(null, [(${pageHelpers.toString()})(), ...${JSON.stringify(args)}])`;
}
