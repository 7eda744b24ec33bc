/**
 * What the popup needs from the browser, behind one object so the component
 * tests can hand the popup a fake one.
 */
import type { Settings } from '@/core/settings';
import { sendToTab, type PageSummary } from '@/utils/messaging';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings-store';

export interface PopupApi {
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Calls `listener` with each change of the settings until `signal` aborts. */
  watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void;
  /** The page's summary, or null when no content script answers (a page Gloss can't run on). */
  summary(tabId: number): Promise<PageSummary | null>;
  reveal(tabId: number, entity: string): Promise<void>;
}

export const browserApi: PopupApi = {
  loadSettings,
  saveSettings,
  watchSettings,
  summary: (tabId) =>
    sendToTab(tabId, { type: 'gloss:summary' }).then(
      (summary) => summary ?? null,
      () => null,
    ),
  reveal: (tabId, entity) => sendToTab(tabId, { type: 'gloss:reveal', entity }).then(() => undefined),
};
