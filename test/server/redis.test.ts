/**
 * redisStore on real Redis: the same session cases on one `redis-server` and on a Redis Cluster of
 * three masters (each started once for this file), two instances of the endpoint on each.
 */
import { createClient, createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';
import { redisStore } from '../../src/server/redis.js';
import { startCluster, startRedis } from '../support/redis.js';
import { Jar, listen, login, logout, readSession, startProvider, type Listening } from '../support/session.js';
import { counted, sessionKeys, userIndexKey } from '../support/store.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const PREFIX = 'login-elements:';
const TIMEOUT_MS = 1000;

/** What the cases need of a Redis: clients for the instances, its keys, and one shard to take down. */
interface Backend {
  connect(): Promise<Parameters<typeof redisStore>[0] & { destroy(): void }>;
  /** Every key matching `pattern`, on every live shard. */
  keys(pattern: string): Promise<string[]>;
  /** Which shard serves `key` (one Redis: always the same). */
  shardOf(key: string): Promise<number>;
  /** Kills (SIGKILL) the shard serving `key`; `restart` brings it back. */
  kill(key: string): Promise<{ shard: number; restart(): Promise<void> }>;
  /** Whether a restarted shard still has what it held (the cluster's nodes write an append-only file). */
  durable: boolean;
  stop(): Promise<void>;
}

async function oneRedis(): Promise<Backend> {
  const redis = await startRedis();
  const admin = createClient({ url: redis.url }).on('error', () => {});
  await admin.connect();
  return {
    connect: () => createClient({ url: redis.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } }).connect(),
    keys: async (pattern) => (admin.isReady ? admin.keys(pattern) : []),
    shardOf: async () => 0,
    async kill() {
      await redis.stop();
      return { shard: 0, restart: redis.start };
    },
    durable: false,
    async stop() {
      admin.destroy();
      await redis.stop();
    },
  };
}

async function threeMasters(): Promise<Backend> {
  const cluster = await startCluster();
  return {
    connect: () => createCluster({ rootNodes: cluster.rootNodes, defaults: { disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } } }).connect(),
    keys: cluster.keys,
    shardOf: cluster.nodeOf,
    async kill(key) {
      const shard = await cluster.nodeOf(key);
      const node = cluster.nodes.find((n) => n.port == shard)!;
      await node.stop();
      return { shard, restart: async () => (await node.start(), await cluster.healthy()) };
    },
    durable: true,
    stop: cluster.stop,
  };
}

let provider: Awaited<ReturnType<typeof startProvider>>;
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(() => provider?.close());

/**
 * The session cases, against `start()`'s Redis. `relogins`: how many times one browser logs in again
 * in the index case: more than a login's prune pass checks (64 members), few enough to keep the file
 * within seconds on a loaded machine (the set's size does not depend on it).
 */
function sessionCases(name: string, start: () => Promise<Backend>, relogins: number) {
  describe(`redisStore on ${name}, two instances`, () => {
    let backend: Backend;
    const clients: { destroy(): void }[] = [];
    const open: Listening[] = [];
    let instances: { handler: LoginHandler; url: string; store: ReturnType<typeof counted> }[];

    beforeAll(async () => {
      backend = await start();
      instances = [];
      for (let i = 0; i < 2; i++) {
        const client = await backend.connect();
        clients.push(client);
        const store = counted(redisStore(client));
        const handler = createLoginHandler({
          trustHost: true,
          timeoutMs: TIMEOUT_MS,
          providers: { corp: provider.config },
          session: { secret: SECRET, store: store.store, keepTokens: true },
        });
        const server = await listen(handler);
        open.push(server);
        instances.push({ handler, url: server.url, store });
      }
    }, 30_000);
    afterAll(async () => {
      await Promise.all(open.map((server) => server.close()));
      for (const client of clients) client.destroy();
      await backend?.stop();
    });

    /** A browser behind a load balancer: each request goes to the next instance. */
    class Balanced extends Jar {
      private turn = 0;
      next(): string {
        return instances[this.turn++ % instances.length]!.url;
      }
    }
    const idOf = (jar: Jar) => jar.cookies.get('login-session')!;

    it('a login through one instance is read through the other, alternating', async () => {
      const browser = new Balanced();
      expect((await login(browser, browser.next())).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await readSession(browser, browser.next())).body).toMatchObject({ provider: 'corp', user: { id: 'user-1', name: 'Alice' } });
      const cookie = browser.header()!;
      for (const { handler, url } of instances) expect(await handler.getSession(new Request(url, { headers: { cookie } }))).toMatchObject({ user: { id: 'user-1' } });
    });

    it("a session's record and tokens are under one hash tag, on one shard", async () => {
      const browser = new Jar();
      await login(browser, instances[0]!.url);
      const { record, tokens } = sessionKeys(idOf(browser));
      expect(await backend.keys(`${PREFIX}?:{${record.slice(3, -1)}}`)).toEqual(expect.arrayContaining([PREFIX + record, PREFIX + tokens]));
      expect(await backend.shardOf(PREFIX + tokens)).toBe(await backend.shardOf(PREFIX + record));
    });

    it('everywhere through one instance ends the sessions made through the other', async () => {
      const [laptop, phone] = [new Jar(), new Jar()];
      await login(laptop, instances[0]!.url);
      await login(phone, instances[0]!.url);
      const ids = [idOf(laptop), idOf(phone)];
      expect((await logout(phone, instances[1]!.url, { everywhere: true })).status).toBe(200);
      for (const { url } of instances) expect((await readSession(laptop, url)).body).toBeNull();
      for (const id of ids) expect(await backend.keys(`${PREFIX}?:{${sessionKeys(id).record.slice(3, -1)}}`)).toEqual([]);
    });

    it(`${relogins} re-logins of one browser leave one member in the user's set; everywhere then takes a few store calls`, async () => {
      const user = provider.state.user;
      provider.state.user = { sub: 'user-relogins', name: 'Carol' };
      try {
        const tokensBefore = (await backend.keys(`${PREFIX}t:*`)).length;
        const browser = new Balanced();
        const other = new Jar();
        await login(other, instances[0]!.url);
        for (let i = 0; i < relogins; i++) expect((await login(browser, browser.next())).status).toBe(200);
        const index = userIndexKey('corp', 'user-relogins');
        const live = [sessionKeys(idOf(browser)).record, sessionKeys(idOf(other)).record];
        expect((await instances[0]!.store.store.members(index)).sort()).toEqual(live.sort());
        // Of all those sessions only the live one's tokens remain (and the other browser's).
        expect((await backend.keys(`${PREFIX}t:*`)).length).toBe(tokensBefore + 2);
        for (const { store } of instances) store.reset();
        expect((await logout(browser, instances[0]!.url, { everywhere: true })).status).toBe(200);
        // Read the session and its tokens, list the set, per session two deletes (and a read of its tokens), delete the set.
        expect(instances[0]!.store.calls.total).toBeLessThanOrEqual(10);
        expect((await readSession(other, instances[1]!.url)).body).toBeNull();
        expect(await backend.keys(`${PREFIX}t:*`)).toHaveLength(tokensBefore);
        expect(await backend.keys(PREFIX + index)).toEqual([]);
      } finally {
        provider.state.user = user;
      }
    }, 60_000);

    it("a login whose index write fails answers 503 and leaves no record, no tokens and no set member", async () => {
      const before = (await backend.keys(`${PREFIX}[st]:*`)).sort();
      const fresh = new Jar();
      instances[0]!.store.fail('addToSet');
      try {
        expect((await login(fresh, instances[0]!.url)).status).toBe(503);
      } finally {
        instances[0]!.store.fail('addToSet', false);
      }
      expect(fresh.cookies.size).toBe(0);
      expect((await backend.keys(`${PREFIX}[st]:*`)).sort()).toEqual(before);
    });

    it("a shard killed mid-run: 503 for the sessions it held, 200 for the rest, logins 503 with nothing left behind; all back once it restarts", async () => {
      // The shard of user-1's index: every login writes to it last (the half-way failure of a login).
      const indexKey = PREFIX + userIndexKey('corp', 'user-1');
      const dead = await backend.shardOf(indexKey);
      const keyOf = (jar: Jar) => PREFIX + sessionKeys(idOf(jar)).record;
      const browsers: Balanced[] = [];
      const shards: number[] = [];
      // Sessions on the shard to be killed and (with more than one shard) on others.
      while (browsers.length < 40 && (!shards.includes(dead) || (backend.durable && shards.every((shard) => shard == dead)) || browsers.length < 6)) {
        const browser = new Balanced();
        expect((await login(browser, browser.next())).status).toBe(200);
        browsers.push(browser);
        shards.push(await backend.shardOf(keyOf(browser)));
      }
      const { restart } = await backend.kill(indexKey);
      let restarted = false;
      try {
        const started = Date.now();
        for (const [i, browser] of browsers.entries()) {
          const response = await browser.fetch(`${browser.next()}/auth/session`);
          const body = (await response.json()) as { error?: string; user?: { id: string } };
          if (shards[i] == dead) expect([response.status, body.error]).toEqual([503, 'session_store_unavailable']);
          else expect([response.status, body.user?.id]).toEqual([200, 'user-1']);
        }
        // disableOfflineQueue: a dead shard's calls fail at once, not after timeoutMs.
        expect((Date.now() - started) / browsers.length).toBeLessThan(TIMEOUT_MS / 2);
        // Logins write tokens and record (maybe on a live shard), then fail at the index: 503, no
        // cookie, and nothing of theirs left on the live shards.
        const before = (await backend.keys(`${PREFIX}[st]:*`)).sort();
        for (let i = 0; i < 6; i++) {
          const fresh = new Jar();
          expect((await login(fresh, instances[i % 2]!.url)).status).toBe(503);
          expect(fresh.cookies.size).toBe(0);
        }
        expect((await backend.keys(`${PREFIX}[st]:*`)).sort()).toEqual(before);
        await restart();
        restarted = true;
        for (const [i, browser] of browsers.entries()) {
          await expect.poll(async () => (await browser.fetch(`${browser.next()}/auth/session`)).status, { timeout: 10_000, interval: 100 }).toBe(200);
          const { body } = await readSession(browser, browser.next());
          // One redis-server without persistence lost what it held; the cluster's nodes kept it.
          if (shards[i] != dead || backend.durable) expect(body).toMatchObject({ user: { id: 'user-1' } });
          else expect(body).toBeNull();
        }
        const again = new Balanced();
        expect((await login(again, again.next())).status).toBe(200);
        expect((await readSession(again, again.next())).body).toMatchObject({ user: { id: 'user-1' } });
      } finally {
        if (!restarted) await restart();
      }
    }, 40_000);
  });
}

sessionCases('one redis-server', oneRedis, 300);
sessionCases('a Redis Cluster of three masters', threeMasters, 300);
