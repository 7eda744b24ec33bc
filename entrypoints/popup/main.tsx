import { render } from 'preact';
import knowledge from 'virtual:gloss-knowledge';
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

void targetTab().then((tabId) => render(<App knowledge={knowledge} api={browserApi} tabId={tabId} />, document.getElementById('app')!));
