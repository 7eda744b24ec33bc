/**
 * The setup most browser test files share: a test server, the browser launched once for the whole describe block
 * (a launch costs seconds on two cores), and an extension page (a popup) to write settings and send messages from.
 * `useGlossSuite` registers its own `beforeAll` and `afterAll`; what it returns is there inside tests and hooks.
 */
import { afterAll, beforeAll } from 'vitest';
import { type BrowserName, type GlossBrowser, type GlossPage, launch } from './driver';
import * as calls from './extension-calls';
import { startServer, type TestServer } from './server';

export interface GlossSuiteOptions {
  /**
   * The server's in-memory routes (path → HTML), made in `beforeAll`: generated pages of megabytes are then built
   * only for a browser whose tests run, not whenever the file is collected.
   */
  routes?: () => Record<string, string>;
  /** The page opened first, whose tab the extension page is the popup of. */
  startPage: string;
}

export interface GlossSuite {
  readonly browser: GlossBrowser;
  readonly server: TestServer;
  /** The popup opened for the start page: where settings are written and the background's messages sent from. */
  readonly extension: GlossPage;
  /** A new tab on `path` of the test server. */
  open(path: string): Promise<GlossPage>;
  /** Stores `settings` as the reader's settings; `undefined` clears them. */
  setSettings(settings: unknown): Promise<void>;
  /** The reader's stored settings; `undefined` when none are stored. */
  readSettings(): Promise<any>;
  sendToPage(page: GlossPage, message: unknown): Promise<any>;
  diagnostics(page: GlossPage): Promise<any>;
  waitForFirstPass(page: GlossPage): Promise<void>;
  /** The test article with the default settings, once it is marked. */
  openMarkedArticle(): Promise<GlossPage>;
}

/**
 * What a suite's `beforeAll` made. Read at collection time (a destructured `browser`, say), it would be undefined in
 * every test: fail there instead.
 */
export function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the suite's ${what} exists only inside tests and hooks, once its beforeAll has run`);
  return value;
}

export function useGlossSuite(browserName: BrowserName, options: GlossSuiteOptions): GlossSuite {
  let browser: GlossBrowser | undefined;
  let server: TestServer | undefined;
  let extension: GlossPage | undefined;

  beforeAll(async () => {
    server = await startServer(options.routes?.());
    browser = await launch(browserName);
    extension = await browser.openPopup(await browser.open(server.url(options.startPage)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const suite: GlossSuite = {
    get browser() {
      return ready(browser, 'browser');
    },
    get server() {
      return ready(server, 'server');
    },
    get extension() {
      return ready(extension, 'extension page');
    },
    open: (path) => suite.browser.open(suite.server.url(path)),
    setSettings: (settings) => calls.setSettings(suite.extension, settings),
    readSettings: () => calls.readSettings(suite.extension),
    sendToPage: (page, message) => calls.sendToPage(suite.extension, page, message),
    diagnostics: (page) => calls.diagnostics(suite.extension, page),
    waitForFirstPass: (page) => calls.waitForFirstPass(suite.extension, page),
    openMarkedArticle: () => calls.openMarkedArticle(suite.browser, suite.server, suite.extension),
  };
  return suite;
}
