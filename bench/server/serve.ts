/**
 * One benchmark server in its own process: `library` (toNodeListener(createLoginHandler(…))) or
 * `hand-written`. Reports its port, and on request its CPU time, over IPC.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
// What ships (tsc's output in dist/), not the sources through tsx's dev transform.
import { createLoginHandler } from '../../dist/server/index.js';
import { toNodeListener } from '../../dist/server/node.js';
import type { BenchConfig } from './config.js';
// Compiled like the library (plain JS, no dev-transform helpers) by the benchmark before it starts.
import { handWritten } from './build/hand-written.js';

const [kind, json] = process.argv.slice(2);
const config = JSON.parse(json!) as BenchConfig;
const server =
  kind === 'library'
    ? createServer(
        toNodeListener(
          createLoginHandler({
            allowedOrigins: [config.app],
            redirectUris: [`${config.app}/callback.html`],
            providers: { corp: { type: 'oauth', clientId: 'bench-client', clientSecret: config.clientSecret, tokenEndpoint: config.tokenEndpoint } },
          }),
        ),
      )
    : handWritten(config);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('message', (message) => {
  if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  if (message === 'stop') process.exit(0);
});
