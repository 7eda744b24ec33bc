/**
 * How the project starts the system Chromium (tests, demo, benchmark): where
 * it is, and the flags that keep it quiet on a machine without network.
 */
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
 * Keeps the browser off the network: requests for hosts other than the loopback go to an HTTP proxy on 127.0.0.1
 * (by default a port nothing listens on, so they fail at once), and no host name but `localhost` is resolved, so neither a saved page
 * nor the browser's own services reach out. Chromium never proxies the loopback itself.
 */
export const offlineFlags = (proxyPort = 9) => [
  `--proxy-server=http://127.0.0.1:${proxyPort}`,
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
