/**
 * How every browser the project starts (tests, demo, benchmark, evaluation) stays off the network: requests for
 * hosts other than the loopback go to an HTTP proxy on 127.0.0.1, by default a port nothing listens on so they fail
 * at once, and no host name but `localhost` is resolved, so neither a saved page nor the browser's own services
 * reach out. Both browsers leave the loopback unproxied.
 */

/** A loopback port nothing listens on. */
export const REFUSED_PORT = 9;

export const chromiumOfflineFlags = (proxyPort = REFUSED_PORT) => [
  `--proxy-server=http://127.0.0.1:${proxyPort}`,
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Firefox never proxies the loopback (`allow_hijacking_localhost` off) and resolves no host behind an HTTP proxy. */
export const firefoxOfflinePrefs = (proxyPort = REFUSED_PORT): Record<string, unknown> => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': proxyPort,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': proxyPort,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.allow_hijacking_localhost': false,
  'network.proxy.failover_direct': false,
  'network.dns.disablePrefetch': true,
  'network.dns.disablePrefetchFromHTTPS': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'network.trr.mode': 5,
});
