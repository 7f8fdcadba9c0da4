/**
 * The soak test's endpoint, in a process of its own so its memory and file descriptors are its own:
 * toNodeListener on 127.0.0.1, short timeouts. It tells the parent its port, then answers `stats`
 * messages (after a full GC) with its RSS, heap and open file descriptors.
 */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';

const tokenEndpoint = process.argv[2]!;
const handler = createLoginHandler({
  allowedOrigins: ['http://app.test'],
  redirectUris: ['http://app.test/callback.html'],
  // Short enough for quick rounds, long enough that a loaded machine's good answers are not 504s.
  timeoutMs: 2000,
  bodyTimeoutMs: 1000,
  // Hundreds of deliberate faults: not one console.warn line each (the default outside production).
  log: () => {},
  providers: { corp: { type: 'oauth', clientId: 'soak-client', clientSecret: 'soak-secret-never-echoed', tokenEndpoint } },
});
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: string) => {
  if (message !== 'stats') return;
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send!({ rss, heapUsed, fds: readdirSync('/proc/self/fd').length });
});
