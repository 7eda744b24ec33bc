/**
 * npm run demo [-- --screenshot FILE] [--popup-screenshot FILE]
 * Builds the Chrome extension, serves the demo news page on 127.0.0.1 and
 * opens it in Chromium with Gloss loaded. With --screenshot, it runs headless,
 * rests the pointer on a bare "Sharif" until its card opens (with its source
 * markers, "as of" line and reasoning line), writes a PNG and exits;
 * --popup-screenshot also writes the popup as it shows the demo page.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, withExtension } from './chromium';
import { chromiumOfflineFlags } from './offline';

const { values } = parseArgs({
  options: { screenshot: { type: 'string' }, 'popup-screenshot': { type: 'string' }, 'no-build': { type: 'boolean', default: false } },
});
const root = new URL('..', import.meta.url).pathname;
if (!values['no-build']) execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

const page = readFileSync(new URL('demo/page.html', import.meta.url));
const server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(page);
}).listen(0, '127.0.0.1');
await new Promise((done) => server.once('listening', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const extension = resolve(root, '.output/chrome-mv3');
const headless = Boolean(values.screenshot || values['popup-screenshot']);
const context = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM_PATH,
  headless,
  viewport: { width: 1200, height: 860 },
  args: [...withExtension(extension), ...chromiumOfflineFlags()],
});
const tab = context.pages()[0] ?? (await context.newPage());
await tab.goto(url);
await tab.waitForFunction(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0);

if (values['popup-screenshot']) {
  // The popup for the demo tab, opened as a page: the only other tab is the demo page.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 1000 });
  const origin =
    context.serviceWorkers()[0]?.url().split('/background.js')[0] ?? (await context.waitForEvent('serviceworker')).url().split('/background.js')[0];
  await popup.goto(`${origin}/popup.html`);
  const tabId = await popup.evaluate(async () => {
    const tabsApi = (
      globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id: number }>; query(q: object): Promise<{ id: number }[]> } } }
    ).chrome.tabs;
    const self = await tabsApi.getCurrent();
    const tabs = await tabsApi.query({});
    return tabs.find((tab) => tab.id !== self.id)!.id;
  });
  await popup.goto(`${origin}/popup.html?tab=${tabId}`);
  await popup.locator('.found').waitFor();
  const height = await popup.evaluate(() => document.body.scrollHeight);
  await popup.setViewportSize({ width: 360, height });
  await popup.screenshot({ path: values['popup-screenshot'] });
  console.log(`wrote ${values['popup-screenshot']}`);
  await popup.close();
}

if (values.screenshot) {
  const target = await tab.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A bare surname after the full name: its card says why it was taken for him.
      const at = (node as Text).data.search(/(?<!Shehbaz )\bSharif\b/);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 6);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    throw new Error('demo page lost its text');
  });
  await tab.mouse.move(target.x - 40, target.y);
  await tab.mouse.move(target.x, target.y, { steps: 5 });
  await tab.getByRole('dialog', { name: 'Shehbaz Sharif' }).waitFor();
  await tab.screenshot({ path: values.screenshot });
  console.log(`wrote ${values.screenshot}`);
}
if (headless) {
  await context.close();
  server.close();
} else {
  console.log(`Demo page at ${url} — close the browser window to stop.`);
  context.on('close', () => server.close());
}
