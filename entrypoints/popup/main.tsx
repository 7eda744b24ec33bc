import { render } from 'preact';
import knowledge from 'virtual:gloss-knowledge/popup';
import { browser } from '#imports';
import { App } from './App';
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

// Asked before the first render, which runs while the answers cross to the page and back.
const settings = browserApi.loadSettings();
void targetTab().then((tabId) => {
  const summary = tabId === null ? Promise.resolve(null) : browserApi.summary(tabId);
  render(<App knowledge={knowledge} api={browserApi} tabId={tabId} first={{ settings, summary }} />, document.getElementById('app')!);
});
