/**
 * The content script: wiring only. Knowledge (compiled at build time, held by
 * the background and asked for as the script starts) → extract → match →
 * paint, then hover and keyboard → card (`gloss-page.ts`); settings and
 * messages from the popup and the keyboard command apply live.
 */
// Taken at the entry module's first statement (after its imports are evaluated), for the benchmark.
const scriptStart = performance.now();
import './highlights.css';
import { browser, defineContentScript } from '#imports';
import { packedMatcher } from '@/core/match';
import { openPage } from '@/knowledge/bundle';
import { askKnowledge, isToPage, type PageCall, type PageHandlers, type ToPage } from '@/utils/messaging';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { GlossPage } from './gloss-page';

/** The top frame's hostname; null in a frame of another origin, which can't read it. */
function topSite(): string | null {
  try {
    return window.top!.location.hostname;
  } catch {
    return null;
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  cssInjectionMode: 'manifest',
  // Pages never receive a window message from Gloss (WXT's old way of telling a reloaded script to stand down).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (!('highlights' in CSS)) {
      console.info('Gloss: this browser has no CSS Custom Highlight API, so Gloss marks nothing here.');
      return;
    }
    const top = window === window.top;
    const [knowledge, settings] = await Promise.all([askKnowledge(), loadSettings()]);
    if (ctx.signal.aborted) return;
    if (!knowledge) {
      // The extension was updated or removed since this page loaded, or its background could not read the knowledge.
      console.info('Gloss: the extension gave this page no knowledge, so Gloss marks nothing here until it is reloaded.');
      return;
    }
    const known = openPage(knowledge);
    const page = new GlossPage({
      entities: known.entities,
      matcher: packedMatcher(known.index),
      settings,
      // Corrections belong to the site the reader sees in the address bar, which the popup lists them under: a
      // frame's own host would hide them from the popup. A cross-origin frame can't read it, so it offers no "Not …".
      site: topSite(),
      top,
      scriptStart,
      signal: ctx.signal,
    });
    watchSettings((settings) => void page.apply(settings), ctx.signal);
    const answer = <K extends PageCall>(message: ToPage<K>) => (page.handlers[message.type] as PageHandlers[K])(message);
    const listener = (message: unknown) => (isToPage(message) && top ? Promise.resolve(answer(message)) : undefined);
    browser.runtime.onMessage.addListener(listener);
    ctx.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
    await page.apply();
  },
});
