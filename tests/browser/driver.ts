/**
 * One small driver for the built extension in two real browsers, so each browser test is written once.
 *
 *   Chromium — playwright-core, `launchPersistentContext` with `--load-extension=.output/chrome-mv3`.
 *   Firefox  — puppeteer-core over WebDriver BiDi, `.output/firefox-mv3-test` installed as a temporary add-on,
 *              with a fixed internal UUID (pref `extensions.webextensions.uuids`) so its origin is known.
 *
 * See tests/browser/README.md for the details, the environment variables and the Firefox popup trick.
 *
 * Everything that runs in the page is sent as source text (`fn.toString()`), so functions given to
 * `evaluate` / `waitFor` must be self-contained (no closures over test variables: pass arguments instead,
 * and they must be JSON-serialisable). Evaluation goes through the automation protocol, so page CSP
 * (including the extension pages' CSP) does not block it.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type ConsoleMessage as PwConsoleMessage,
  type Page as PwPage,
  type Request as PwRequest,
} from 'playwright-core';
import { withExtension } from '../../scripts/chromium';
import { chromiumOfflineFlags, firefoxOfflinePrefs } from '../../scripts/offline';
import puppeteer, { type Browser as PpBrowser, type ConsoleMessage as PpConsoleMessage, type KeyInput, type Page as PpPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface LaunchOptions {
  /**
   * A port on 127.0.0.1 with an HTTP proxy (e.g. one that refuses and records every request): every request for a
   * host other than the loopback goes there instead of the network, and the browser resolves no host name itself
   * (no DNS prefetch, no speculative connections), so a page from the real web can't make this machine reach out.
   */
  outsideProxyPort?: number;
}

/** A console message or an uncaught exception, seen in a page's main document (content scripts' included). */
export interface LogEntry {
  kind: 'console' | 'exception';
  /** The console method ('error', 'warning' / 'warn', 'info', …); 'error' for exceptions. */
  level: string;
  text: string;
  /** Where it came from: the console call's script URL, or the exception's stack. */
  source: string;
}

export interface GlossBrowser {
  name: BrowserName;
  /** A new tab on `url` (waits for `load`). It becomes the active tab. */
  open(url: string): Promise<GlossPage>;
  /** `popup.html?tab=<tab id of forTab>` as a page of its own: a new tab (Chromium) or a new window (Firefox, so `forTab` stays visible). */
  openPopup(forTab: GlossPage): Promise<GlossPage>;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  extensionOrigin: string;
  /** Wall time the launch took (browser start, extension load, helper page), in ms. */
  launchMs: number;
  /**
   * Starts recording the URL of every network request made anywhere in the session from now on (pages, their
   * content scripts, extension pages, the extension's background); the returned function stops recording and
   * returns the URLs (per source, in the order seen). What each browser can and cannot see: `recordRequests` in
   * ChromiumBrowser and FirefoxBrowser below.
   */
  recordRequests(): Promise<() => Promise<string[]>>;
  close(): Promise<void>;
}

export interface GlossPage {
  url(): string;
  /** The `browser.tabs` id of this tab (see `tabIdOf` below for how it is found). */
  tabId(): Promise<number>;
  /** Runs `fn(...args)` in the page's main world; `args` and the result must be JSON-serialisable. */
  evaluate<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  /** Sizes of `CSS.highlights` entries whose name starts with "gloss-". */
  highlights(): Promise<Record<string, number>>;
  /** The text of each range of highlight `name`, in document order (open shadow roots included); [] if absent. */
  highlightTexts(name: string): Promise<string[]>;
  /** Polls `fn` in the page (every 50 ms) until it returns truthy; on timeout throws an Error naming `what`. */
  waitFor(fn: () => boolean | Promise<boolean>, what: string, timeoutMs?: number): Promise<void>;
  /** A real pointer move (in steps) onto the middle of the n-th (0-based) occurrence of `text` in the page's text nodes. */
  hoverText(text: string, occurrence?: number): Promise<void>;
  /** Moves the pointer (in steps) to an empty corner of the viewport. */
  moveAway(): Promise<void>;
  /** A real key press: 'Escape', 'Tab', 'Enter', 'Shift+Tab', … */
  press(key: string): Promise<void>;
  /** A real click on the centre of the visible element whose accessible name or text is `text`. */
  click(text: string): Promise<void>;
  /** A real pointer move (in steps) to the viewport point (x, y). */
  moveTo(x: number, y: number): Promise<void>;
  /** Moves the pointer there (in steps), then presses and releases at once: nothing waits for hover or layout to settle. */
  clickAt(x: number, y: number): Promise<void>;
  /** Runs a script's source text (a library such as axe-core) in the page's main world. */
  addScript(source: string): Promise<void>;
  /** The first visible [role=dialog] in the document or an open shadow root, or null. `text` is whitespace-collapsed. */
  dialog(): Promise<{ name: string; text: string } | null>;
  /** `document.documentElement.outerHTML` without any element whose tag starts with "gloss-". */
  serialize(): Promise<string>;
  screenshot(path: string): Promise<void>;
  reload(): Promise<void>;
  goto(url: string): Promise<void>;
  /** Makes this the active tab (input actions do this themselves). In Firefox, background tabs are `hidden`. */
  front(): Promise<void>;
  /** Calls `listener` with each console message and uncaught exception from now on; the returned function stops it. */
  onLog(listener: (entry: LogEntry) => void): () => void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Locations and prerequisites

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INSTALL_BROWSERS = 'apt-get update && apt-get install -y chromium firefox-esr';
const BUILD = 'npm run build && npm run build:test';
/** The Firefox add-on's internal UUID, fixed by pref so that `moz-extension://<uuid>` is known before install. */
export const FIREFOX_ADDON_UUID = '6f0c1a52-3b1e-4d7a-9a55-91d0c0ffee42';
/** The page used as the extension-side helper (and the popup under test). */
const POPUP = 'popup.html';
const VIEWPORT = { width: 1280, height: 720 };
/** Pointer moves are interpolated in this many steps, so the page sees a motion, not a jump. */
const POINTER_STEPS = 8;
const POLL_MS = 50;
/** GLOSS_HARNESS_DEBUG=1 logs how each tab id was found and the launch time. */
const debug = (...parts: unknown[]) => {
  if (process.env.GLOSS_HARNESS_DEBUG) console.error('[gloss-harness]', ...parts);
};

function requireBinary(envName: string, fallback: string, label: string): string {
  const path = process.env[envName] || fallback;
  if (!existsSync(path)) {
    throw new Error(
      `${label} not found at ${path}. Install the system browsers with: ${INSTALL_BROWSERS} ` +
        `(or point ${envName} at a ${label} binary). Browser tests never download a browser.`,
    );
  }
  return path;
}

function requireBuild(envName: string, folder: string): { dir: string; manifest: any } {
  const dir = resolve(process.env[envName] || resolve(ROOT, '.output', folder));
  const file = resolve(dir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`The extension build ${dir} is missing. Build it with: ${BUILD} (or set ${envName} to a build folder).`);
  }
  return { dir: realpathSync(dir), manifest: JSON.parse(readFileSync(file, 'utf8')) };
}

/** Chromium derives an unpacked extension's id from its absolute path: SHA-256, first 32 hex digits mapped 0-f → a-p. */
export function chromiumExtensionId(absoluteDir: string): string {
  const hex = createHash('sha256').update(absoluteDir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** Source of `fn` as an expression (method shorthand `foo() {}` is turned into a function expression). */
function functionSource(fn: (...args: any[]) => unknown): string {
  const source = fn.toString();
  const parses = (text: string) => {
    try {
      new Function(`return (${text});`); // syntax check only, never called
      return true;
    } catch {
      return false;
    }
  };
  if (parses(source)) return source;
  const method = source.replace(/^(async\s+)?(\*?)\s*/, (_m, isAsync: string | undefined, star: string) => `${isAsync ?? ''}function${star} `);
  if (parses(method)) return method;
  throw new Error(`cannot send this function to the page: ${source.slice(0, 80)}`);
}

function callExpression(fn: (...args: any[]) => unknown, args: unknown[]): string {
  return `(${functionSource(fn)}).apply(null, ${JSON.stringify(args)})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Page-side code. `pageHelpers` is serialised into every harness call: it must not reference anything outside itself.

function pageHelpers() {
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
type Helpers = ReturnType<typeof pageHelpers>;
type Located = { x: number; y: number } | { error: string };

function withHelpers<A extends unknown[]>(fn: (h: Helpers, ...args: A) => unknown, args: A): string {
  return `(${functionSource(fn)}).apply(null, [(${pageHelpers.toString()})(), ...${JSON.stringify(args)}])`;
}

const PAGE = {
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

// ---------------------------------------------------------------------------------------------------------------
// Shared page logic; each browser supplies a few primitives.

abstract class BasePage implements GlossPage {
  constructor(protected readonly owner: BaseBrowser) {}

  abstract url(): string;
  /** Evaluates an expression in the main world, awaiting a promise result. */
  abstract raw<T>(expression: string): Promise<T>;
  protected abstract mouseMove(x: number, y: number, steps: number): Promise<void>;
  protected abstract mouseClick(x: number, y: number): Promise<void>;
  protected abstract keyPress(key: string): Promise<void>;
  protected abstract bringToFront(): Promise<void>;
  protected abstract navigate(url: string): Promise<void>;
  protected abstract doReload(): Promise<void>;
  protected abstract doScreenshot(path: string): Promise<void>;
  protected abstract doClose(): Promise<void>;

  tabId(): Promise<number> {
    return this.owner.tabIdOf(this);
  }
  front(): Promise<void> {
    return this.bringToFront();
  }
  abstract onLog(listener: (entry: LogEntry) => void): () => void;

  evaluate<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
    return this.raw<T>(callExpression(fn, args));
  }
  private helper<T, A extends unknown[]>(fn: (h: Helpers, ...args: A) => T, ...args: A): Promise<T> {
    return this.raw<T>(withHelpers(fn, args));
  }

  highlights(): Promise<Record<string, number>> {
    return this.raw(callExpression(PAGE.highlights, []));
  }
  highlightTexts(name: string): Promise<string[]> {
    return this.helper(PAGE.highlightTexts, name);
  }

  async waitFor(fn: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const expression = callExpression(fn, []);
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    let polls = 0;
    for (;;) {
      polls++;
      try {
        if (await this.raw<unknown>(expression)) return;
        lastError = undefined;
      } catch (error) {
        lastError = error; // e.g. the page is between documents: try again
      }
      if (Date.now() >= deadline) {
        const cause = lastError instanceof Error ? ` (last attempt threw: ${lastError.message.split('\n')[0]})` : '';
        throw new Error(`Timed out after ${timeoutMs} ms (${polls} polls) waiting for ${what} on ${this.url()}${cause}`);
      }
      await sleep(POLL_MS);
    }
  }

  private async pointAt(located: Located, action: string): Promise<{ x: number; y: number }> {
    if ('error' in located) throw new Error(`${action}: ${located.error} (on ${this.url()})`);
    return located;
  }

  async hoverText(text: string, occurrence = 0): Promise<void> {
    await this.front();
    const { x, y } = await this.pointAt(await this.helper(PAGE.locateText, text, occurrence), `hoverText("${text}", ${occurrence})`);
    await this.mouseMove(x, y, POINTER_STEPS);
  }
  async moveAway(): Promise<void> {
    await this.front();
    const { x, y } = await this.helper(PAGE.emptyCorner);
    await this.mouseMove(x, y, POINTER_STEPS);
  }
  async press(key: string): Promise<void> {
    await this.front();
    await this.keyPress(key);
  }
  async click(text: string): Promise<void> {
    await this.front();
    const { x, y } = await this.pointAt(await this.helper(PAGE.locateClickable, text), `click("${text}")`);
    await this.mouseMove(x, y, POINTER_STEPS);
    await this.mouseClick(x, y);
  }
  async moveTo(x: number, y: number): Promise<void> {
    await this.front();
    await this.mouseMove(x, y, POINTER_STEPS);
  }
  async clickAt(x: number, y: number): Promise<void> {
    await this.moveTo(x, y);
    await this.mouseClick(x, y);
  }
  async addScript(source: string): Promise<void> {
    await this.raw(`${source}\n;true`);
  }
  dialog(): Promise<{ name: string; text: string } | null> {
    return this.helper(PAGE.dialog);
  }
  serialize(): Promise<string> {
    return this.raw(callExpression(PAGE.serialize, []));
  }
  async screenshot(path: string): Promise<void> {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    await this.doScreenshot(resolve(path));
  }
  reload(): Promise<void> {
    return this.doReload();
  }
  goto(url: string): Promise<void> {
    return this.navigate(url);
  }
  close(): Promise<void> {
    return this.doClose();
  }
}

type TabInfo = { id: number; url: string | null; active: boolean; windowId: number };

abstract class BaseBrowser implements GlossBrowser {
  abstract name: BrowserName;
  extensionOrigin = '';
  launchMs = 0;
  /** An extension page (popup.html?gloss-harness=helper) in a tab of its own, for the `browser.tabs` API. */
  protected helperPage!: BasePage;
  private queue: Promise<unknown> = Promise.resolve();

  /** A new blank tab, active; `ownWindow`: in a window of its own (where the browser can). */
  protected abstract newTab(ownWindow?: boolean): Promise<BasePage>;
  abstract recordRequests(): Promise<() => Promise<string[]>>;
  abstract close(): Promise<void>;

  async open(url: string): Promise<GlossPage> {
    const page = await this.newTab();
    await page.goto(url);
    return page;
  }

  /**
   * A real popup overlays the page, which stays visible. Firefox hides background tabs (visibilityState
   * "hidden", throttled timers), so there the popup gets a window of its own and the page's tab stays the
   * active, visible tab of its window. Chromium under Playwright keeps every tab visible; a new tab is fine.
   */
  async openPopup(forTab: GlossPage): Promise<GlossPage> {
    const id = await forTab.tabId();
    const popup = await this.newTab(true);
    await popup.goto(`${this.extensionOrigin}/${POPUP}?tab=${id}`);
    return popup;
  }

  /** One at a time: the fallback below depends on which tab is active. */
  protected serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected tabs(query: Record<string, unknown>): Promise<TabInfo[]> {
    return this.helperPage.raw<TabInfo[]>(
      `(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const tabs = await api.tabs.query(${JSON.stringify(query)});
        return tabs.map((t) => ({ id: t.id, url: t.url ?? null, active: t.active, windowId: t.windowId }));
      })()`,
    );
  }

  /**
   * The `browser.tabs` id of a page, asked from the helper extension page (no "tabs" permission):
   *
   * 1. By URL: `tabs.query({})` and the one tab whose URL equals the page's. URLs are only visible for the
   *    extension's own pages and for hosts it has host access to. Firefox counts the content script's
   *    `matches` as host access (`permissions.getAll().origins`), so this works there for http(s) pages once
   *    the content script exists. Chromium (156) does not: content-script matches alone do not reveal
   *    `tab.url` (only `host_permissions` or "tabs" would), so served pages have `url: undefined` there.
   * 2. Otherwise (Chromium always, Firefox before the content script exists, or two tabs on the same URL):
   *    by activation — bring the page's tab to the front and take the one active tab (`active` and `id`
   *    need no permission). Side effect: that tab stays the active one, as if the reader had clicked it.
   */
  tabIdOf(page: BasePage): Promise<number> {
    return this.serial(async () => {
      const href = page.url();
      const all = await this.tabs({});
      const byUrl = all.filter((tab) => tab.url !== null && sameUrl(tab.url, href));
      if (byUrl.length === 1) {
        debug(this.name, 'tabId by URL', href, byUrl[0]!.id);
        return byUrl[0]!.id;
      }

      await page.front();
      const deadline = Date.now() + 5_000;
      for (;;) {
        const active = (await this.tabs({ active: true })).filter((tab) => tab.url === null || sameUrl(tab.url, href));
        if (active.length === 1) {
          debug(this.name, 'tabId by activation', href, active[0]!.id, `(${byUrl.length} tabs matched by URL)`);
          return active[0]!.id;
        }
        if (Date.now() > deadline) {
          throw new Error(`tabId(): could not tell which tab shows ${href}; active tabs: ${JSON.stringify(active)}`);
        }
        await sleep(POLL_MS);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium: playwright-core

class ChromiumPage extends BasePage {
  constructor(
    owner: BaseBrowser,
    readonly page: PwPage,
  ) {
    super(owner);
  }
  url() {
    return this.page.url();
  }
  raw<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }
  protected mouseMove(x: number, y: number, steps: number) {
    return this.page.mouse.move(x, y, { steps });
  }
  protected mouseClick(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  protected keyPress(key: string) {
    return this.page.keyboard.press(key);
  }
  protected bringToFront() {
    return this.page.bringToFront();
  }
  protected async navigate(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  protected async doReload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  protected async doScreenshot(path: string) {
    await this.page.screenshot({ path });
  }
  protected async doClose() {
    if (!this.page.isClosed()) await this.page.close();
  }
  onLog(listener: (entry: LogEntry) => void) {
    const onConsole = (message: PwConsoleMessage) =>
      listener({ kind: 'console', level: message.type(), text: message.text(), source: message.location().url });
    const onException = (error: Error) => listener({ kind: 'exception', level: 'error', text: error.message, source: error.stack ?? '' });
    this.page.on('console', onConsole);
    this.page.on('pageerror', onException);
    return () => {
      this.page.off('console', onConsole);
      this.page.off('pageerror', onException);
    };
  }
}

class ChromiumBrowser extends BaseBrowser {
  name = 'chromium' as const;
  constructor(private readonly context: BrowserContext) {
    super();
  }
  protected async newTab() {
    const page = await this.context.newPage();
    return new ChromiumPage(this, page);
  }
  async setUp(extensionDir: string) {
    this.extensionOrigin = `chrome-extension://${chromiumExtensionId(extensionDir)}`;
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    this.helperPage = new ChromiumPage(this, page);
    try {
      await this.helperPage.goto(`${this.extensionOrigin}/${POPUP}?gloss-harness=helper`);
    } catch (error) {
      throw new Error(
        `Chromium did not load the extension from ${extensionDir} (expected ${this.extensionOrigin}): ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  /**
   * The context's `request` event: every page and frame (so content-script fetches, attributed to the page's
   * frame), extension pages (their own chrome-extension:// files included) and service workers, the extension's
   * background worker among them (`request.serviceWorker()`), including workers started after this call.
   */
  async recordRequests() {
    const urls: string[] = [];
    const listener = (request: PwRequest) => void urls.push(request.url());
    this.context.on('request', listener);
    return async () => {
      this.context.off('request', listener);
      return [...urls];
    };
  }
  async close() {
    await this.context.close();
  }
}

async function launchChromium(options: LaunchOptions): Promise<GlossBrowser> {
  const executablePath = requireBinary('CHROMIUM_PATH', '/usr/bin/chromium', 'Chromium');
  const { dir } = requireBuild('GLOSS_CHROME_BUILD', 'chrome-mv3');
  const started = Date.now();
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    viewport: VIEWPORT,
    args: [...withExtension(dir), ...chromiumOfflineFlags(options.outsideProxyPort)],
  });
  const browser = new ChromiumBrowser(context);
  try {
    await browser.setUp(dir);
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
  browser.launchMs = Date.now() - started;
  debug('chromium launched in', browser.launchMs, 'ms');
  return browser;
}

// ---------------------------------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi

class FirefoxPage extends BasePage {
  /** Set after a script navigation to a moz-extension:// page, which puppeteer's `page.url()` does not see. */
  private scripted: { url: string; puppeteerUrl: string } | null = null;

  constructor(
    owner: BaseBrowser,
    readonly page: PpPage,
  ) {
    super(owner);
  }
  url() {
    const current = this.page.url();
    return this.scripted && this.scripted.puppeteerUrl === current ? this.scripted.url : current;
  }
  raw<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }
  protected async mouseMove(x: number, y: number, steps: number) {
    await this.page.mouse.move(x, y, { steps });
  }
  protected async mouseClick(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  /** puppeteer has no "Shift+Tab" syntax: hold the modifiers around the key. */
  protected async keyPress(key: string) {
    const parts = key === '+' ? ['+'] : key.split('+');
    const main = parts.pop() as KeyInput;
    const modifiers = parts as KeyInput[];
    for (const modifier of modifiers) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(main);
    for (const modifier of modifiers.reverse()) await this.page.keyboard.up(modifier);
  }
  protected bringToFront() {
    return this.page.bringToFront();
  }
  protected async navigate(url: string) {
    if (url.startsWith('moz-extension:')) {
      await this.scriptNavigate(url, false);
    } else {
      await this.page.goto(url, { waitUntil: 'load' });
      this.scripted = null;
    }
  }
  protected async doReload() {
    const url = this.url();
    if (url.startsWith('moz-extension:')) await this.scriptNavigate(url, true);
    else await this.page.reload({ waitUntil: 'load' });
  }
  /**
   * WebDriver BiDi refuses `browsingContext.navigate` to moz-extension:// URLs (and `reload` there never reports
   * completion). The page navigates itself instead: `location.href = url`, allowed because the test build lists
   * popup.html in `web_accessible_resources` (the release build does not, and the navigation is then blocked).
   * Completion = a new document (the token we left on the old window is gone) at `url`, readyState "complete".
   */
  private async scriptNavigate(url: string, reload: boolean, timeoutMs = 30_000) {
    const token = `nav-${Date.now()}-${Math.random()}`;
    const go = reload ? 'location.reload()' : `location.href = ${JSON.stringify(url)}`;
    await this.raw(`(() => { window.__glossHarnessNav = ${JSON.stringify(token)}; setTimeout(() => { ${go}; }, 0); return true; })()`);
    const deadline = Date.now() + timeoutMs;
    let state: unknown = null;
    for (;;) {
      try {
        state = await this.raw<[string, string, string | null]>(`[location.href, document.readyState, window.__glossHarnessNav ?? null]`);
        const [href, readyState, left] = state as [string, string, string | null];
        if (left !== token && readyState === 'complete' && sameUrl(href, url)) break;
      } catch (error) {
        state = (error as Error).message; // between documents
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Firefox did not load ${url} (last state ${JSON.stringify(state)}). Is the build the test build, with ${POPUP} in ` +
            `web_accessible_resources? Run: ${BUILD}`,
        );
      }
      await sleep(POLL_MS);
    }
    this.scripted = { url, puppeteerUrl: this.page.url() };
  }
  protected async doScreenshot(path: string) {
    await this.page.screenshot({ path: path as `${string}.png` });
  }
  protected async doClose() {
    if (!this.page.isClosed()) await this.page.close();
  }
  onLog(listener: (entry: LogEntry) => void) {
    const onConsole = (message: PpConsoleMessage) =>
      listener({ kind: 'console', level: message.type(), text: message.text(), source: message.location().url ?? '' });
    const onException = (error: unknown) =>
      listener({
        kind: 'exception',
        level: 'error',
        text: error instanceof Error ? error.message : String(error),
        source: error instanceof Error ? (error.stack ?? '') : '',
      });
    this.page.on('console', onConsole);
    this.page.on('pageerror', onException);
    return () => {
      this.page.off('console', onConsole);
      this.page.off('pageerror', onException);
    };
  }
}

class FirefoxBrowser extends BaseBrowser {
  name = 'firefox' as const;
  constructor(private readonly browser: PpBrowser) {
    super();
  }
  protected async newTab(ownWindow = false) {
    return new FirefoxPage(this, await this.browser.newPage(ownWindow ? { type: 'window' } : undefined));
  }
  async setUp(extensionDir: string) {
    try {
      await this.browser.installExtension(extensionDir);
    } catch (error) {
      const vanished = !existsSync(resolve(extensionDir, 'manifest.json'));
      throw new Error(
        `Firefox refused to install ${extensionDir} as a temporary add-on` +
          (vanished ? ' (its manifest.json disappeared during the launch: was a build running?)' : '') +
          `: ${(error as Error).message}`,
      );
    }
    this.extensionOrigin = `moz-extension://${FIREFOX_ADDON_UUID}`;
    const page = (await this.browser.pages())[0] ?? (await this.browser.newPage());
    this.helperPage = new FirefoxPage(this, page);
    await this.helperPage.goto(`${this.extensionOrigin}/${POPUP}?gloss-harness=helper`);
  }
  /**
   * Two sources, because WebDriver BiDi does not see the background page:
   *
   * 1. BiDi `network.beforeRequestSent`, which puppeteer's session already subscribes to for every browsing
   *    context (all tabs and windows, present and future): pages, their content scripts, and extension pages
   *    opened in tabs (the popup). It reports http(s) requests only (not moz-extension:// files); requests to
   *    ports Firefox bans (1, 9, …) are refused before they exist and are not reported.
   * 2. The background page (`_generated_background_page.html`, not a BiDi context): its Resource Timing
   *    entries since the start, read through `runtime.getBackgroundPage()` from the helper page. These list only
   *    requests that got a response — a failed request from the background (unreachable host) leaves no entry —
   *    and are lost if the event page is unloaded and restarted between start and stop.
   */
  async recordRequests() {
    type BeforeRequestSent = { request: { url: string } };
    const connection = (
      this.browser as unknown as {
        connection: {
          on(type: string, fn: (event: BeforeRequestSent) => void): void;
          off(type: string, fn: (event: BeforeRequestSent) => void): void;
        };
      }
    ).connection;
    const urls: string[] = [];
    const listener = (event: BeforeRequestSent) => void urls.push(event.request.url);
    connection.on('network.beforeRequestSent', listener);
    const since = await this.helperPage.raw<number>(
      `(async () => {
        const background = await browser.runtime.getBackgroundPage();
        background.performance.setResourceTimingBufferSize(100000);
        return background.performance.timeOrigin + background.performance.now();
      })()`,
    );
    return async () => {
      connection.off('network.beforeRequestSent', listener);
      const fromBackground = await this.helperPage.raw<string[]>(
        `(async () => {
          const { performance } = await browser.runtime.getBackgroundPage();
          return performance.getEntriesByType('resource')
            .filter((entry) => performance.timeOrigin + entry.startTime >= ${since})
            .map((entry) => entry.name);
        })()`,
      );
      return [...urls, ...fromBackground];
    };
  }
  async close() {
    await this.browser.close();
  }
}

async function launchFirefox(options: LaunchOptions): Promise<GlossBrowser> {
  const executablePath = requireBinary('FIREFOX_PATH', '/usr/bin/firefox-esr', 'Firefox');
  const { dir, manifest } = requireBuild('GLOSS_FIREFOX_BUILD', 'firefox-mv3-test');
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id; rebuild with: ${BUILD}`);
  const exposed = (manifest.web_accessible_resources ?? []).some((entry: { resources?: string[] }) => entry.resources?.includes(POPUP));
  if (!exposed) {
    throw new Error(`${dir} is not the Firefox test build (${POPUP} is not web-accessible, so the popup cannot be opened). Run: ${BUILD}`);
  }
  const started = Date.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_ADDON_UUID }),
      ...firefoxOfflinePrefs(options.outsideProxyPort),
    },
  });
  const glossBrowser = new FirefoxBrowser(browser);
  try {
    await glossBrowser.setUp(dir);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  glossBrowser.launchMs = Date.now() - started;
  debug('firefox launched in', glossBrowser.launchMs, 'ms');
  return glossBrowser;
}

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<GlossBrowser> {
  switch (name) {
    case 'chromium':
      return launchChromium(options);
    case 'firefox':
      return launchFirefox(options);
    default:
      return Promise.reject(new Error(`unknown browser ${String(name)}; use one of ${BROWSERS.join(', ')}`));
  }
}
