/**
 * `getSession` per request, measured as the exchange is (decision 17): three long-lived pairs of
 * processes per kind of session (bench/server/session-reader.ts), the library's `handler.getSession`
 * in one and hand-written `jose` code doing the same in the other (bench/server/hand-session.ts),
 * pinned to one CPU (Redis and this process on the others), alternating in slices; CPU time read
 * from /proc; the ratio is of totals over all rounds, shown with the range of the pairs' own ratios.
 * Target: ≤ 1.10× CPU for the sealed cookie and for the Redis store.
 */
import { createClient } from 'redis';
import { startRedis } from '../../test/support/redis.js';
import { add, cpu, emptyPair, perRequest, pin, range, rate, start, stop, type Child, type Totals } from './processes.js';

export interface SessionBenchConfig {
  app: string;
  secret: string;
  /** A sealed-cookie session (the cookie's value in `sealed` mode). */
  sealed: string;
  /** The session id whose record is in Redis. */
  id: string;
  redisUrl: string;
}

const load = (path: string) => import(new URL(path, import.meta.url).href);
const PROCESSES = 3;
const WARM_UP = 5000;
/** Per round: at concurrency 1, slices of 200 reads alternate; at 50, slices of 1,000. */
const SLICES = { 1: { count: 6, size: 200 }, 50: { count: 2, size: 1000 } } as const;

type Reader = Child<unknown>;
/** `reads` reads, `concurrency` at a time, in `reader`: CPU µs and milliseconds used, failed reads. */
async function slice(reader: Reader, reads: number, concurrency: number) {
  const before = await cpu(reader.child);
  const started = performance.now();
  const answer = new Promise<{ errors: number }>((resolve) => reader.child.once('message', (message) => resolve(message as { errors: number })));
  reader.child.send({ reads, concurrency });
  const { errors } = await answer;
  const ms = performance.now() - started;
  return { cpu: (await cpu(reader.child)) - before, ms, errors };
}

async function measure(mode: 'sealed' | 'redis', config: SessionBenchConfig, rounds: number, aa: boolean) {
  const kinds = ['library', aa ? 'library' : 'hand-written'];
  const pairs: [Reader, Reader][] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const pair = await Promise.all(kinds.map((kind) => start('server/session-reader.ts', [kind, mode, JSON.stringify(config)], true)));
    pairs.push(pair as [Reader, Reader]);
  }
  let errors = 0;
  for (const pair of pairs) for (const reader of pair) errors += (await slice(reader, WARM_UP, 50)).errors;
  const totals = { 1: Array.from({ length: PROCESSES }, emptyPair), 50: Array.from({ length: PROCESSES }, emptyPair) };
  for (let round = 0; round < rounds; round++) {
    const p = round % PROCESSES;
    for (const concurrency of [1, 50] as const) {
      const { count, size } = SLICES[concurrency];
      for (let n = 0; n < count; n++)
        for (const i of (n + round) % 2 ? [1, 0] : [0, 1]) {
          const result = await slice(pairs[p]![i]!, size, concurrency);
          const sum = totals[concurrency][p]![i]!;
          sum.cpu += result.cpu;
          sum.ms += result.ms;
          sum.requests += size;
          errors += result.errors;
        }
    }
  }
  for (const pair of pairs) for (const reader of pair) await stop(reader);
  let met = errors === 0;
  for (const concurrency of [1, 50] as const) {
    const byPair = totals[concurrency];
    const [library, other]: Totals[] = [add(byPair.map(([lib]) => lib)), add(byPair.map(([, o]) => o))];
    const cpuRatio = perRequest(library) / perRequest(other);
    const rpsRatio = rate(library) / rate(other);
    met &&= cpuRatio <= 1.1;
    const cpuRange = range(byPair.map(([lib, o]) => perRequest(lib) / perRequest(o)));
    const name = mode == 'sealed' ? 'sealed cookie' : 'Redis store';
    console.log(
      `| ${name} | ${concurrency} | ${perRequest(library).toFixed(1)} / ${perRequest(other).toFixed(1)} | ${cpuRatio.toFixed(3)} ${cpuRatio <= 1.1 ? 'met' : 'NOT met'} (${cpuRange}) | ${rpsRatio.toFixed(3)} |`,
    );
  }
  if (errors) console.log(`| ${mode}: ${errors} reads came back signed out | | | | |`);
  return met;
}

export async function benchSessions(rounds: number, aa: boolean): Promise<boolean> {
  const { createSealer } = (await load('../../dist/server/session/seal.js')) as typeof import('../../src/server/session/seal.js');
  const { hash, randomId } = (await load('../../dist/server/session/hash.js')) as typeof import('../../src/server/session/hash.js');
  const secret = 'bench-session-secret-of-at-least-32-chars';
  const now = Date.now();
  const payload = { p: 'corp', u: { id: 'user-1', name: 'Alice', email: 'alice@example.org' }, c: now, e: now + 24 * 3600_000, s: now };
  const sealed = await createSealer([secret], 'cookie').seal(payload);
  const redis = await startRedis();
  pin(redis.pid(), false);
  const client = await createClient({ url: redis.url }).connect();
  const id = randomId();
  await client.set(`login-elements:s:{${await hash(id)}}`, await createSealer([secret], 'record').seal(payload), { expiration: { type: 'PX', value: 24 * 3600_000 } });
  const config: SessionBenchConfig = { app: 'https://app.example', secret, sealed, id, redisUrl: redis.url };
  const against = aa ? 'a second library process' : 'hand-written jose';
  console.log(`\ngetSession, the library against ${against}: ${rounds} rounds over ${PROCESSES} pairs of processes.\n`);
  console.log(`| getSession | concurrency | CPU µs per read (library / ${against}) | CPU ratio (range over the pairs) — target ≤ 1.10 | reads/s ratio |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  try {
    const sealedMet = await measure('sealed', config, rounds, aa);
    const redisMet = await measure('redis', config, rounds, aa);
    return sealedMet && redisMet;
  } finally {
    client.destroy();
    await redis.stop();
  }
}
