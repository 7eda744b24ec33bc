/**
 * The setup of the harness's own tests (`driver-*.browser.test.ts`): one test server for the file, and per describe
 * block a browser with no extension page opened for it (those tests open the popup themselves, or test that they
 * can), whose tabs are closed after each test so that one test's tabs never answer another's `tabs.query`.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type BrowserName, type GlossBrowser, type GlossPage, launch } from './driver';
import { ready } from './gloss-suite';
import { startServer, type TestServer } from './server';

/** The file's test server on `routes`, there inside tests and hooks. */
export function useHarnessServer(routes: Record<string, string>): { readonly server: TestServer } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(routes);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      return ready(server, 'server');
    },
  };
}

export interface HarnessTabs {
  readonly browser: GlossBrowser;
  /** A new tab on `path` of the test server, closed after the test. */
  open(path: string): Promise<GlossPage>;
  /** The popup for `tab` as a page of its own, closed after the test. */
  popupFor(tab: GlossPage): Promise<GlossPage>;
}

export function useHarnessTabs(name: BrowserName, pages: { readonly server: TestServer }): HarnessTabs {
  let browser: GlossBrowser | undefined;
  const opened: GlossPage[] = [];
  const track = (page: GlossPage) => {
    opened.push(page);
    return page;
  };
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterEach(async () => {
    for (const tab of opened.splice(0)) await tab.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const tabs: HarnessTabs = {
    get browser() {
      return ready(browser, 'browser');
    },
    open: async (path) => track(await tabs.browser.open(pages.server.url(path))),
    popupFor: async (tab) => track(await tabs.browser.openPopup(tab)),
  };
  return tabs;
}
