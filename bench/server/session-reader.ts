/**
 * One getSession benchmark process: `library` (handler.getSession) or `hand-written`
 * (bench/server/hand-session.ts), reading a sealed cookie or a Redis record. Told over IPC to read
 * `reads` times `concurrency` at a time; answers when done. Its CPU time is read from outside.
 */
import { createClient } from 'redis';
import type { SessionBenchConfig } from './sessions.js';

// What ships (dist/) and the hand-written code compiled the same way (see serve.ts).
const load = (path: string) => import(new URL(path, import.meta.url).href);
const [kind, mode, json] = process.argv.slice(2) as ['library' | 'hand-written', 'sealed' | 'redis', string];
const config = JSON.parse(json) as SessionBenchConfig;
const COOKIE = '__Host-login-session';
const request = new Request(`${config.app}/api`, { headers: { cookie: `${COOKIE}=${mode == 'sealed' ? config.sealed : config.id}` } });
const client = mode == 'redis' ? await createClient({ url: config.redisUrl }).connect() : undefined;

let read: () => Promise<unknown>;
if (kind == 'library') {
  const { createLoginHandler } = (await load('../../dist/server/index.js')) as typeof import('../../src/server/index.js');
  const { redisStore } = (await load('../../dist/server/redis.js')) as typeof import('../../src/server/redis.js');
  const providers = { corp: { type: 'oauth' as const, clientId: 'bench-client', clientSecret: 'bench-secret', tokenEndpoint: 'https://idp.example/token' } };
  const handler = createLoginHandler({ allowedOrigins: [config.app], providers, session: { secret: config.secret, ...(client ? { store: redisStore(client) } : {}) } });
  read = () => handler.getSession(request);
} else {
  const hand = (await load('./build/hand-session.js')) as typeof import('./hand-session.js');
  const key = await hand.handKey(config.secret, mode == 'sealed' ? 'cookie' : 'record');
  read =
    mode == 'sealed'
      ? () => hand.handOpen(key, hand.cookieValue(request.headers.get('cookie'), COOKIE)!)
      : async () => {
          const id = hand.cookieValue(request.headers.get('cookie'), COOKIE)!;
          const record = await client!.get(`login-elements:s:{${hand.handHash(id)}}`);
          return record && hand.handOpen(key, record);
        };
}

async function run(reads: number, concurrency: number): Promise<number> {
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next++ < reads) if (!(await read())) errors++;
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return errors;
}

process.on('message', (message: 'stop' | 'cpu' | { reads: number; concurrency: number }) => {
  if (message === 'stop') return process.exit(0);
  if (message === 'cpu') return process.send!({ cpu: process.cpuUsage() });
  void run(message.reads, message.concurrency).then((errors) => process.send!({ errors }));
});
process.send!({ ready: true });
