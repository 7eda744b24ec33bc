/** What both browsers share: tabs, the popup, and telling which `browser.tabs` id a page has. */
import type { BrowserName, GlossBrowser, GlossPage } from './driver';
import type { BasePage } from './driver-page';
import { debug, POLL_MS, POPUP, sameUrl, sleep } from './driver-setup';

type TabInfo = { id: number; url: string | null; active: boolean; windowId: number };

export abstract class BaseBrowser implements GlossBrowser {
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
