/**
 * Sessions under concurrency and store trouble: what ends stays ended, the refresh lock holds for
 * its holder's whole turn, and a refresh the store failed to record does not spend the session.
 * Real HTTP, a real redis-server, two endpoint instances sharing one store.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandler, type SessionStore } from '../../src/server/index.js';
import { redisStore } from '../../src/server/redis.js';
import { startRedis } from '../support/redis.js';
import { Jar, listen, login, logout, startProvider, type Listening } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: ReturnType<typeof createClient>[] = [];
const open: Listening[] = [];
const providers: Awaited<ReturnType<typeof startProvider>>[] = [];
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await Promise.all(open.map((server) => server.close()));
  for (const client of clients) client.destroy();
  await Promise.all(providers.map((provider) => provider.close()));
  await redis?.stop();
});

async function newProvider() {
  const provider = await startProvider();
  providers.push(provider);
  return provider;
}

/** One store as each of two instances sees it: the same memory store, or two connections to one Redis. */
const stores: Record<string, () => Promise<[SessionStore, SessionStore]>> = {
  memoryStore: async () => {
    const store = memoryStore();
    return [store, store];
  },
  redisStore: async () => {
    const pair: SessionStore[] = [];
    const prefix = `races-${crypto.randomUUID()}:`;
    for (let i = 0; i < 2; i++) {
      const client = createClient({ url: redis.url });
      clients.push(client);
      await client.connect();
      pair.push(redisStore(client, { prefix }));
    }
    return pair as [SessionStore, SessionStore];
  },
};

/**
 * A store whose next write of a session record waits until `release()`: the write a slide (or an
 * update) makes after it read the record, held until a logout has deleted that record.
 */
function holding(inner: SessionStore) {
  let held: { reached: () => void; go: Promise<void> } | undefined;
  let release = () => {};
  let reached = Promise.resolve();
  const hold = async (key: string) => {
    if (!held || !key.startsWith('s:')) return;
    const { reached: signal, go } = held;
    held = undefined;
    signal();
    await go;
  };
  const store: SessionStore = {
    ...inner,
    set: async (key, value, ttl) => (await hold(key), inner.set(key, value, ttl)),
    replace: async (key, value, ttl) => (await hold(key), inner.replace(key, value, ttl)),
  };
  return {
    store,
    /** Holds the next session-record write; resolves `reached` when a write arrives. */
    holdNextWrite() {
      let signal = () => {};
      reached = new Promise<void>((resolve) => (signal = resolve));
      const go = new Promise<void>((resolve) => (release = resolve));
      held = { reached: signal, go };
    },
    get reached() {
      return reached;
    },
    release: () => release(),
  };
}

async function instance(store: SessionStore, provider: Awaited<ReturnType<typeof startProvider>>, extra: { idleTimeout?: number; keepTokens?: boolean; timeoutMs?: number; discovery?: boolean } = {}) {
  const { idleTimeout, keepTokens, timeoutMs, discovery } = extra;
  const handler = createLoginHandler({
    trustHost: true,
    ...(timeoutMs ? { timeoutMs } : {}),
    providers: { corp: discovery ? provider.discoveryConfig : provider.config },
    session: { secret: SECRET, store, ...(idleTimeout ? { idleTimeout } : {}), ...(keepTokens ? { keepTokens } : {}) },
  });
  const server = await listen(handler);
  open.push(server);
  return { handler, url: server.url };
}

/** `getSession` as a site's own route calls it, with a cookie the caller keeps whatever Set-Cookie says. */
const sessionOf = (handler: LoginHandler, url: string, cookie: string) => handler.getSession(new Request(`${url}/api`, { headers: { cookie } }));

describe.each(Object.keys(stores))('a session ended by logout stays ended (%s, two instances)', (kind) => {
  it('logout everywhere on one instance while the other slides the idle window: the slide does not bring it back', async () => {
    const provider = await newProvider();
    const [first, second] = await stores[kind]!();
    const held = holding(second);
    const a = await instance(first, provider, { idleTimeout: 3600 });
    const b = await instance(held.store, provider, { idleTimeout: 3600 });
    const phone = new Jar();
    const laptop = new Jar();
    expect((await login(phone, a.url)).status).toBe(200);
    expect((await login(laptop, b.url)).status).toBe(200);
    const laptopCookie = laptop.header()!;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Two minutes on: the laptop's next read moves the idle window (a write of its record).
      vi.setSystemTime(Date.now() + 120_000);
      held.holdNextWrite();
      const sliding = sessionOf(b.handler, b.url, laptopCookie);
      await held.reached;
      // The record was read and is about to be written back when the phone signs out everywhere.
      expect((await logout(phone, a.url, { everywhere: true })).status).toBe(200);
      held.release();
      expect(await sliding).toBeNull();
      expect(await sessionOf(b.handler, b.url, laptopCookie)).toBeNull();
      expect(await sessionOf(a.handler, a.url, laptopCookie)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('logout everywhere while the other instance refreshes the access token: the refresh ends with the session, its new tokens revoked', async () => {
    const provider = await newProvider();
    provider.state.expiresIn = 0; // expired when issued: the first accessToken() refreshes
    const [first, second] = await stores[kind]!();
    const a = await instance(first, provider, { keepTokens: true });
    const b = await instance(second, provider, { keepTokens: true });
    const phone = new Jar();
    const laptop = new Jar();
    await login(phone, a.url);
    await login(laptop, b.url);
    const laptopCookie = laptop.header()!;
    provider.state.delays.refresh = 500;
    const refreshing = (await sessionOf(b.handler, b.url, laptopCookie))!.accessToken!();
    await vi.waitFor(() => expect(provider.state.refreshesSent).toHaveLength(1));
    expect((await logout(phone, a.url, { everywhere: true })).status).toBe(200);
    await expect(refreshing).rejects.toMatchObject({ code: 'session_ended' });
    expect(await sessionOf(b.handler, b.url, laptopCookie)).toBeNull();
    // What the provider issued during the refresh is nobody's now: revoked, not left usable.
    const issued = `RT-${provider.state.tokenCalls}`;
    await vi.waitFor(() => expect(provider.isRefreshTokenLive(issued)).toBe(false));
    expect(provider.state.revoked).toContain(issued);
  });
});

describe('the refresh lock', () => {
  it('lasts its holder’s whole turn (slow store, slow discovery and token call, each within timeoutMs): the other instance waits, the refresh token is sent once', async () => {
    const provider = await newProvider();
    provider.state.expiresIn = 0; // expired when issued: the first accessToken() refreshes
    const shared = memoryStore();
    let slow = false;
    // Instance A's link to the store is slow (0.7 s a call, inside the 1 s timeoutMs). The delays are the
    // subject: the holder's turn (about 3 s) is three times timeoutMs, so a lock that lasted one step would lapse.
    const lag = () => (slow ? sleep(700) : Promise.resolve());
    let locked = () => {};
    const aLocked = new Promise<void>((resolve) => (locked = resolve));
    const slowLink: SessionStore = {
      ...shared,
      setIfAbsent: async (key, value, ttl) => {
        const taken = await shared.setIfAbsent(key, value, ttl);
        if (taken) locked();
        return taken;
      },
      get: async (key) => (await lag(), shared.get(key)),
      set: async (key, value, ttl) => (await lag(), shared.set(key, value, ttl)),
      replace: async (key, value, ttl) => (await lag(), shared.replace(key, value, ttl)),
    };
    const a = await instance(slowLink, provider, { keepTokens: true, timeoutMs: 1000, discovery: true });
    const b = await instance(shared, provider, { keepTokens: true, timeoutMs: 1000, discovery: true });
    const jar = new Jar();
    // Signed in through B: A has not read the discovery document yet and fetches it in its refresh.
    expect((await login(jar, b.url)).status).toBe(200);
    const cookie = jar.header()!;
    const [onA, onB] = [(await sessionOf(a.handler, a.url, cookie))!, (await sessionOf(b.handler, b.url, cookie))!];
    slow = true;
    provider.state.expiresIn = 3600; // what the refresh gets is fresh for both instances
    provider.state.delays = { discovery: 800, refresh: 800 };
    const sentBefore = provider.state.refreshesSent.length;
    // B asks once A holds the lock, and must wait for A's turn to end however long it takes.
    const tokens = await Promise.all([onA.accessToken!(), aLocked.then(() => onB.accessToken!())]);
    slow = false;
    expect(provider.state.refreshesSent.slice(sentBefore)).toHaveLength(1);
    expect(tokens[1]).toBe(tokens[0]);
    expect((await sessionOf(b.handler, b.url, cookie))?.user).toMatchObject({ id: 'user-1' });
  }, 40_000);

  it('is freed only by its holder: a lock another instance holds survives the end of this one’s turn', async () => {
    const inner = memoryStore();
    await inner.setIfAbsent('l:x', 'mine', 60_000);
    await inner.deleteIf('l:x', 'theirs');
    expect(await inner.setIfAbsent('l:x', 'theirs', 60_000)).toBe(false);
    await inner.deleteIf('l:x', 'mine');
    expect(await inner.setIfAbsent('l:x', 'theirs', 60_000)).toBe(true);
    const [viaRedis] = await stores.redisStore!();
    await viaRedis.setIfAbsent('l:x', 'mine', 60_000);
    await viaRedis.deleteIf('l:x', 'theirs');
    expect(await viaRedis.setIfAbsent('l:x', 'theirs', 60_000)).toBe(false);
    await viaRedis.deleteIf('l:x', 'mine');
    expect(await viaRedis.setIfAbsent('l:x', 'theirs', 60_000)).toBe(true);
  });
});

describe('a store failure right after a refresh', () => {
  it('keeps the rotated tokens: the next call stores them instead of sending the spent refresh token', async () => {
    const provider = await newProvider();
    provider.state.expiresIn = 0; // expired when issued: the first accessToken() refreshes
    const inner = memoryStore();
    let failTokenWrite = false;
    const fail = (key: string) => {
      if (!failTokenWrite || !key.startsWith('t:')) return;
      failTokenWrite = false;
      throw new Error('connection reset');
    };
    const store: SessionStore = {
      ...inner,
      set: async (key, value, ttl) => (fail(key), inner.set(key, value, ttl)),
      replace: async (key, value, ttl) => (fail(key), inner.replace(key, value, ttl)),
    };
    const { handler, url } = await instance(store, provider, { keepTokens: true });
    const jar = new Jar();
    await login(jar, url);
    const cookie = jar.header()!;
    failTokenWrite = true;
    await expect((await sessionOf(handler, url, cookie))!.accessToken!()).rejects.toMatchObject({ code: 'session_store_unavailable' });
    const token = await (await sessionOf(handler, url, cookie))!.accessToken!();
    expect(token).toBe(`AT-${provider.state.tokenCalls}`);
    expect(provider.state.refreshesSent).toEqual(['RT-1']);
    expect((await sessionOf(handler, url, cookie))?.user).toMatchObject({ id: 'user-1' });
  });
});
