import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';
import { redisStore } from '../../src/server/redis.js';
import { startRedis } from '../support/redis.js';
import { Jar, listen, login, logout, readSession, startProvider, type Listening } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';

let redis: Awaited<ReturnType<typeof startRedis>>;
let provider: Awaited<ReturnType<typeof startProvider>>;
const clients: ReturnType<typeof createClient>[] = [];
const open: Listening[] = [];
/** Two instances of the endpoint, each with its own listener and Redis connection, one Redis. */
let instances: { handler: LoginHandler; url: string }[];

beforeAll(async () => {
  redis = await startRedis();
  provider = await startProvider();
  instances = [];
  for (let i = 0; i < 2; i++) {
    const client = createClient({ url: redis.url, socket: { reconnectStrategy: () => 100 } });
    client.on('error', () => {});
    clients.push(client);
    await client.connect();
    const handler = createLoginHandler({
      trustHost: true,
      timeoutMs: 1000,
      providers: { corp: provider.config },
      session: { secret: SECRET, store: redisStore(client) },
    });
    const server = await listen(handler);
    open.push(server);
    instances.push({ handler, url: server.url });
  }
}, 30_000);
afterAll(async () => {
  await Promise.all(open.map((server) => server.close()));
  for (const client of clients) client.destroy();
  await provider?.close();
  await redis?.stop();
});

/** A browser talking to one site behind a load balancer: each request goes to the next instance. */
class Balanced extends Jar {
  private turn = 0;
  next(): string {
    return instances[this.turn++ % instances.length]!.url;
  }
}

describe('redisStore with two instances on one Redis', () => {
  it('a login through one instance is read through the other, alternating', async () => {
    const browser = new Balanced();
    expect((await login(browser, browser.next())).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await readSession(browser, browser.next())).body).toMatchObject({ provider: 'corp', user: { id: 'user-1', name: 'Alice' } });
    const cookie = browser.header()!;
    for (const { handler, url } of instances) expect(await handler.getSession(new Request(url, { headers: { cookie } }))).toMatchObject({ user: { id: 'user-1' } });
  });

  it('everywhere through one instance ends the sessions made through the other', async () => {
    const [laptop, phone] = [new Jar(), new Jar()];
    await login(laptop, instances[0]!.url);
    await login(phone, instances[0]!.url);
    expect((await logout(phone, instances[1]!.url, { everywhere: true })).status).toBe(200);
    for (const { url } of instances) expect((await readSession(laptop, url)).body).toBeNull();
  });

  it('Redis stopped mid-test: 503s on both instances; sessions work again once it is back', async () => {
    const browser = new Balanced();
    await login(browser, browser.next());
    await redis.stop();
    try {
      for (const { url } of instances) {
        const jar = new Jar();
        jar.cookies.set('login-session', browser.cookies.get('login-session')!);
        const started = Date.now();
        const session = await jar.fetch(`${url}/auth/session`);
        expect([session.status, ((await session.json()) as { error: string }).error]).toEqual([503, 'session_store_unavailable']);
        const fresh = new Jar();
        expect((await login(fresh, url)).status).toBe(503);
        expect(fresh.cookies.size).toBe(0);
        expect((await logout(jar, url)).status).toBe(503);
        expect(Date.now() - started).toBeLessThan(5000);
        await expect(instances[0]!.handler.getSession(new Request(url, { headers: { cookie: jar.header()! } }))).rejects.toMatchObject({ code: 'session_store_unavailable' });
      }
    } finally {
      await redis.start();
    }
    // Redis lost its data (no persistence): the old session is gone, but the endpoint works again.
    await expect.poll(async () => (await browser.fetch(`${browser.next()}/auth/session`)).status, { timeout: 10_000, interval: 200 }).toBe(200);
    const again = new Balanced();
    expect((await login(again, again.next())).status).toBe(200);
    expect((await readSession(again, again.next())).body).toMatchObject({ user: { id: 'user-1' } });
  }, 30_000);
});
