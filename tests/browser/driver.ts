/**
 * One small driver for the built extension in two real browsers, so each browser test is written once.
 *
 *   Chromium — playwright-core, `launchPersistentContext` with `--load-extension=.output/chrome-mv3`.
 *   Firefox  — puppeteer-core over WebDriver BiDi, `.output/firefox-mv3-test` installed as a temporary add-on,
 *              with a fixed internal UUID (pref `extensions.webextensions.uuids`) so its origin is known.
 *
 * This file is the interface the tests use; the parts behind it are listed in tests/browser/README.md, with the
 * details, the environment variables and the Firefox popup trick.
 *
 * Everything that runs in the page is sent as source text (`fn.toString()`), so functions given to
 * `evaluate` / `waitFor` must be self-contained (no closures over test variables: pass arguments instead,
 * and they must be JSON-serialisable). Evaluation goes through the automation protocol, so page CSP
 * (including the extension pages' CSP) does not block it.
 */
import { launchChromium } from './driver-chromium';
import { launchFirefox } from './driver-firefox';

export { chromiumExtensionId, FIREFOX_ADDON_UUID } from './driver-setup';

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
  /**
   * Chromium only: stops the extension's service worker, as Chromium does once it has been idle for 30 s; the next
   * message to the background starts it again. Firefox gives automation no way to suspend an extension's event page.
   */
  stopBackground?(): Promise<void>;
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
