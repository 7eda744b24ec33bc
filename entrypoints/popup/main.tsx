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

/** Longest the first render waits for the answers: a page busy with a long pass should not leave the popup blank. */
const MAX_WAIT_MS = 150;

// Asked at once, the settings alongside the tab. The first render waits for both answers, so that the popup opens
// whole in one render and one paint, and the browser does not see it grow; past the wait it renders and asks again.
const settings = browserApi.loadSettings();
void targetTab().then(async (tabId) => {
  const summary = tabId === null ? Promise.resolve(null) : browserApi.summary(tabId);
  const answers = Promise.all([settings, summary]).then(([settings, summary]) => ({ settings, summary }));
  const first = await Promise.race([answers, new Promise<undefined>((done) => setTimeout(done, MAX_WAIT_MS))]);
  render(<App knowledge={knowledge} api={browserApi} tabId={tabId} first={first} />, document.getElementById('app')!);
});
