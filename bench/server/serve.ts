/**
 * One benchmark server in its own process: `library` (toNodeListener(createLoginHandler(…))) or
 * `hand-written`. Reports its port, and on request its CPU time, over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchConfig } from './config.js';

// What ships (tsc's output in dist/), not the sources through tsx's dev transform; and the hand-written
// handler compiled the same way by the benchmark before it starts. (Paths built at run time: neither
// exists when the project is type-checked.)
const load = (path: string) => import(new URL(path, import.meta.url).href);
const { createLoginHandler } = (await load('../../dist/server/index.js')) as typeof import('../../src/server/index.js');
const { toNodeListener } = (await load('../../dist/server/node.js')) as typeof import('../../src/server/node.js');
const { handWritten } = (await load('./build/hand-written.js')) as typeof import('./hand-written.js');

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
