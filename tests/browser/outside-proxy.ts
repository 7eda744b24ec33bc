/**
 * An HTTP proxy on 127.0.0.1 that refuses everything and records which host was asked for: plain requests get a
 * 403, CONNECT tunnels are closed with one. `launch(name, { outsideProxyPort })` sends every request for a host
 * other than the loopback here, so a page from the real web (or the browser's own services) can't reach the network.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OutsideProxy {
  port: number;
  /** The hosts asked for since the last call, in order (`host` for plain HTTP, `host:port` for a tunnel). */
  take(): string[];
  close(): Promise<void>;
}

export async function startOutsideProxy(): Promise<OutsideProxy> {
  let asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(URL.canParse(req.url ?? '') ? new URL(req.url!).host : `${req.headers.host ?? '?'} (not proxied)`);
    res.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' }).end('no network here');
  });
  server.on('connect', (req, socket) => {
    asked.push(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    take: () => {
      const out = asked;
      asked = [];
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
