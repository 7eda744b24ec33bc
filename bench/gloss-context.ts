/**
 * A headless Chromium with one Gloss build loaded, and an extension page of it that asks the content script of the
 * one other tab for its diagnostics (tab ids need no permission): how the benchmark's in-extension measures see
 * Gloss's progress.
 */
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Diagnostics } from '../utils/messaging';
import { CHROMIUM_PATH, stopServiceWorkers, withExtension } from '../scripts/chromium';
import { chromiumOfflineFlags } from '../scripts/offline';

export interface GlossContext {
  context: BrowserContext;
  /** The extension page; every other tab is closed, so "the other tab" is the page under test. */
  helper: Page;
  origin: string;
  diagnostics(): Promise<Diagnostics | null>;
  /** Stops the extension's service worker, as the browser does after it has been idle: the next question wakes it. */
  stopBackground(): Promise<void>;
}

export async function launchGlossContext(extension: string): Promise<GlossContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...withExtension(extension), ...chromiumOfflineFlags()],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = worker.url().split('/').slice(0, 3).join('/');
  const helper = await context.newPage();
  await helper.goto(`${origin}/popup.html?tab=0`);
  for (const page of context.pages()) if (page !== helper) await page.close();
  const diagnostics = () =>
    helper.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: { tabs: any } }).chrome.tabs;
      const self = await tabs.getCurrent();
      const [other] = (await tabs.query({})).filter((tab: { id: number }) => tab.id !== self.id);
      return tabs.sendMessage(other.id, { type: 'gloss:diagnostics' }).catch(() => null);
    }) as Promise<Diagnostics | null>;
  return { context, helper, origin, diagnostics, stopBackground: () => stopServiceWorkers(context) };
}
