/**
 * What tests do through an extension page (the harness's helper tab or a popup): write and read the stored
 * settings, send a tab's content script the messages the popup and the background send, and wait for its first pass.
 * `gloss-suite.ts` binds them to a test file's extension page.
 */
import type { GlossBrowser, GlossPage } from './driver';
import type { TestServer } from './server';

/** Stores `settings` as the reader's settings; `undefined` clears them. */
export function setSettings(extension: GlossPage, settings: unknown): Promise<void> {
  return extension.evaluate((value) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set({ settings: value }), settings);
}

export function readSettings(extension: GlossPage): Promise<any> {
  return extension.evaluate(async () => (await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get('settings')).settings);
}

export async function sendToPage(extension: GlossPage, page: GlossPage, message: unknown): Promise<any> {
  const id = await page.tabId();
  return extension.evaluate((tab, msg) => ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(tab, msg), id, message);
}

/** The content script's own record of its work on the page: its slices, their budget, when its first pass was done. */
export function diagnostics(extension: GlossPage, page: GlossPage): Promise<any> {
  return sendToPage(extension, page, { type: 'gloss:diagnostics' });
}

/** Waits for the page's first pass to be done, whether or not it found anything. */
export async function waitForFirstPass(extension: GlossPage, page: GlossPage): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if ((await diagnostics(extension, page).catch(() => null))?.firstPassDone != null) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the first pass never finished');
}

/** The test article with the default settings, once it is marked. */
export async function openMarkedArticle(browser: GlossBrowser, server: TestServer, extension: GlossPage): Promise<GlossPage> {
  await setSettings(extension, undefined);
  const page = await browser.open(server.url('article.html'));
  await page.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'the article to be marked');
  return page;
}

/** The test article, marked, and the popup opened for its tab: where the popup's tests start. */
export async function openArticleAndPopup(browser: GlossBrowser, server: TestServer): Promise<{ article: GlossPage; popup: GlossPage }> {
  const article = await browser.open(server.url('article.html'));
  await article.waitFor(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0, 'the article to be marked');
  return { article, popup: await browser.openPopup(article) };
}
