/**
 * How the project starts the system Chromium (tests, demo, benchmark): where
 * it is, and the flags that keep it quiet on a machine without network.
 */
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps trying to reach Google's services, which this machine refuses. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Flags that load one unpacked extension, and only that one. */
export const withExtension = (dir: string) => [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_FLAGS];

/**
 * Stops the extension's service worker, as Chromium does once it has been idle for 30 s: the next message to the
 * background starts it again. Asked through the DevTools protocol of any page of `context`.
 */
export async function stopServiceWorkers(context: BrowserContext): Promise<void> {
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
