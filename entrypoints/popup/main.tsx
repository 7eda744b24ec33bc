import { render } from 'preact';
import knowledge from 'virtual:gloss-knowledge/popup';
import { browser } from '#imports';
import { App } from './App';
import { firstAnswers } from './first-answers';
import { browserApi } from './popup-api';
import '@/components/card.css';
import './popup.css';

/** `popup.html?tab=<id>` speaks for that tab (tests, "open in a tab"); otherwise for the active tab. */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// For the benchmark: the bundle is loaded and evaluated; the time before this is the browser's and the bundle's size.
performance.mark('gloss-popup-start');

/** Longest the first render waits for the settings and the summary; see `firstAnswers`. */
const MAX_WAIT_MS = 150;

// The settings are asked for alongside the tab, the summary as soon as the tab is known, both before the first render.
const settings = browserApi.loadSettings();
void targetTab().then(async (tabId) => {
  const summary = tabId === null ? Promise.resolve(null) : browserApi.summary(tabId);
  const first = await firstAnswers(settings, summary, MAX_WAIT_MS);
  render(<App knowledge={knowledge} api={browserApi} tabId={tabId} first={first} />, document.getElementById('app')!);
});
