/**
 * `getSession` per request, in this process: the library's `handler.getSession(request)` side by side
 * with hand-written `jose` code doing the same (read the cookie, the same HKDF key derived once,
 * `compactDecrypt` dir/A256GCM, parse, check the shape and expiry; with Redis: hash the id, GET the
 * record, open it). Short slices of each alternate; CPU time from `process.cpuUsage()`. Target: ≤ 1.10×
 * CPU.
 */
import { compactDecrypt } from 'jose';
import { createClient } from 'redis';
import { startRedis } from '../../test/support/redis.js';

const load = (path: string) => import(new URL(path, import.meta.url).href);
const { createLoginHandler } = (await load('../../dist/server/index.js')) as typeof import('../../src/server/index.js');
const { redisStore } = (await load('../../dist/server/redis.js')) as typeof import('../../src/server/redis.js');
const { createSealer } = (await load('../../dist/server/session/seal.js')) as typeof import('../../src/server/session/seal.js');
const { hash, randomId } = (await load('../../dist/server/session/hash.js')) as typeof import('../../src/server/session/hash.js');

const SECRET = 'bench-session-secret-of-at-least-32-chars';
const APP = 'https://app.example';
const ROUNDS = Number(process.env.ROUNDS) || 6;
const READS = 4000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The key a careful user derives once: HKDF-SHA-256 over the secret, as the library does. */
async function handKey(purpose: 'cookie' | 'record'): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(SECRET), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('login-elements session v1'), info: encoder.encode(`A256GCM key for ${purpose}`) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
}

interface Payload {
  p: string;
  u: { id: string } | null;
  c: number;
  e: number;
  s: number;
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
}

async function handOpen(key: CryptoKey, value: string) {
  try {
    const { plaintext } = await compactDecrypt(value, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    const data = JSON.parse(decoder.decode(plaintext)) as Payload;
    if (typeof data.p != 'string' || Date.now() >= data.e) return null;
    return { provider: data.p, user: data.u, createdAt: data.c, expiresAt: data.e };
  } catch {
    return null;
  }
}

/** CPU µs spent in `reads` calls of `read`. */
async function cpuOf(read: () => Promise<unknown>, reads: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < reads; i++) if (!(await read())) throw new Error('a read came back signed out');
  const { user, system } = process.cpuUsage(before);
  return user + system;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Each round interleaves short slices of both (the other helpers' load on a shared machine changes
 * by the second, not by the slice), then compares their CPU per read; the median round is reported.
 */
async function compare(name: string, library: () => Promise<unknown>, hand: () => Promise<unknown>) {
  const SLICE = 200;
  await cpuOf(library, SLICE * 5);
  await cpuOf(hand, SLICE * 5);
  const lib: number[] = [];
  const own: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let libCpu = 0;
    let ownCpu = 0;
    for (let slice = 0; slice < READS / SLICE; slice++) {
      if (slice % 2) {
        ownCpu += await cpuOf(hand, SLICE);
        libCpu += await cpuOf(library, SLICE);
      } else {
        libCpu += await cpuOf(library, SLICE);
        ownCpu += await cpuOf(hand, SLICE);
      }
    }
    lib.push(libCpu / READS);
    own.push(ownCpu / READS);
    ratios.push(libCpu / ownCpu);
  }
  const ratio = median(ratios);
  console.log(`| ${name} | ${median(lib).toFixed(1)} | ${median(own).toFixed(1)} | ${ratio.toFixed(3)} ${ratio <= 1.1 ? 'met' : 'NOT met'} |`);
  return ratio <= 1.1;
}

export async function benchSessions(): Promise<boolean> {
  const key = await handKey('cookie');
  const recordPurposeKey = await handKey('record');
  const providers = { corp: { type: 'oauth' as const, clientId: 'bench-client', clientSecret: 'bench-secret', tokenEndpoint: 'https://idp.example/token' } };
  const now = Date.now();
  const payload = { p: 'corp', u: { id: 'user-1', name: 'Alice', email: 'alice@example.org' }, c: now, e: now + 3600_000, s: now };
  console.log('\n| getSession per request | library CPU µs | hand-written jose CPU µs | ratio (target ≤ 1.10) |');
  console.log('| --- | ---: | ---: | ---: |');

  const sealed = createLoginHandler({ allowedOrigins: [APP], providers, session: { secret: SECRET } });
  const cookie = `__Host-login-session=${await createSealer([SECRET], 'cookie').seal(payload)}`;
  const request = new Request(`${APP}/api`, { headers: { cookie } });
  const okSealed = await compare(
    'sealed cookie',
    () => sealed.getSession(request),
    () => handOpen(key, cookieValue(request.headers.get('cookie'), '__Host-login-session')!),
  );

  const redis = await startRedis();
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    const store = redisStore(client);
    const stored = createLoginHandler({ allowedOrigins: [APP], providers, session: { secret: SECRET, store } });
    const id = randomId();
    const recordKey = `s:${await hash(id)}`;
    await store.set(recordKey, await createSealer([SECRET], 'record').seal(payload), 3600_000);
    const withId = new Request(`${APP}/api`, { headers: { cookie: `__Host-login-session=${id}` } });
    const okRedis = await compare(
      'Redis store',
      () => stored.getSession(withId),
      async () => {
        const value = cookieValue(withId.headers.get('cookie'), '__Host-login-session')!;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
        const record = await client.get(`login-elements:s:${Buffer.from(digest).toString('base64url')}`);
        return record && handOpen(recordPurposeKey, record);
      },
    );
    return okSealed && okRedis;
  } finally {
    client.destroy();
    await redis.stop();
  }
}
