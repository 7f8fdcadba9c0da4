import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BITBADGES_ADDRESS, startBitbadges } from '../../demo/stand-ins/bitbadges.js';
import { createLoginHandler, memoryStore, type LoginHandler, type SessionStore } from '../../src/server/index.js';
import { redisStore } from '../../src/server/redis.js';
import { authorize } from '../support/authorize.js';
import { APP, REDIRECT_URI } from '../support/exchange.js';
import { startRedis } from '../support/redis.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const client = { clientId: 'bb-client', clientSecret: 'bb-secret', redirectUris: [REDIRECT_URI], apiKey: 'bb-api-key' };
const DAY = 86_400_000;

let bb: Awaited<ReturnType<typeof startBitbadges>>;
let redis: Awaited<ReturnType<typeof startRedis>>;
const redisClients: ReturnType<typeof createClient>[] = [];
beforeAll(async () => {
  bb = await startBitbadges(client);
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  for (const c of redisClients) c.destroy();
  await bb.close();
  await redis.stop();
});
afterEach(() => void vi.useRealTimers());

const handlerWith = (store: SessionStore, idleTimeout?: number) =>
  createLoginHandler({
    allowedOrigins: [APP],
    redirectUris: [REDIRECT_URI],
    providers: { bitbadges: { ...client, ...bb.endpoints } },
    session: { secret: SECRET, store, keepTokens: true, ...(idleTimeout ? { idleTimeout } : {}) },
  });

async function redisHandler() {
  const c = createClient({ url: redis.url });
  redisClients.push(c);
  await c.connect();
  return handlerWith(redisStore(c));
}

/** A real login at the BitBadges stand-in; returns the session cookie. */
async function signIn(handler: LoginHandler): Promise<string> {
  const url = new URL(bb.endpoints.authorizeEndpoint);
  url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'Complete Claims', state: 's' }).toString();
  const code = (await authorize(url.href, REDIRECT_URI)).get('code')!;
  const response = await handler(
    new Request(`${APP}/auth/bitbadges`, { method: 'POST', headers: { 'content-type': 'application/json', origin: APP }, body: JSON.stringify({ code, redirectUri: REDIRECT_URI }) }),
  );
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const sessionOf = async (handler: LoginHandler, cookie: string) => (await handler.getSession(new Request(`${APP}/api`, { headers: { cookie } })))!;

describe('accessToken() with kept tokens (BitBadges: rotating refresh tokens)', () => {
  it('an expired token is refreshed once under 20 concurrent callers; the rotated refresh token is stored back, the old one never sent again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const handler = handlerWith(memoryStore());
    const cookie = await signIn(handler);
    const first = await sessionOf(handler, cookie);
    expect(first.user).toEqual({ id: BITBADGES_ADDRESS });
    const original = await first.accessToken!();
    expect(bb.isAccessTokenLive(original)).toBe(true);
    const sentBefore = bb.refreshesSent.length;

    vi.setSystemTime(Date.now() + 2 * DAY);
    const sessions = await Promise.all(Array.from({ length: 20 }, () => sessionOf(handler, cookie)));
    const tokens = await Promise.all(sessions.map((session) => session.accessToken!()));
    expect(bb.refreshesSent.length - sentBefore).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(original);
    expect(bb.isAccessTokenLive(tokens[0]!)).toBe(true);

    vi.setSystemTime(Date.now() + 2 * DAY);
    const again = await (await sessionOf(handler, cookie)).accessToken!();
    expect(again).not.toBe(tokens[0]);
    const sent = bb.refreshesSent.slice(sentBefore);
    expect(sent).toHaveLength(2);
    // The second refresh used the token the first one got back: never the spent one.
    expect(sent[1]).not.toBe(sent[0]);
    expect(new Set(bb.refreshesSent).size).toBe(bb.refreshesSent.length);
    expect((await sessionOf(handler, cookie)).user).toEqual({ id: BITBADGES_ADDRESS });
  });

  it('two instances sharing Redis: 20 callers across both refresh once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const [a, b] = [await redisHandler(), await redisHandler()];
    const cookie = await signIn(a);
    vi.setSystemTime(Date.now() + 2 * DAY);
    const sentBefore = bb.refreshesSent.length;
    const sessions = await Promise.all(Array.from({ length: 20 }, (_, i) => sessionOf(i % 2 ? b : a, cookie)));
    const tokens = await Promise.all(sessions.map((session) => session.accessToken!()));
    expect(bb.refreshesSent.length - sentBefore).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(bb.isAccessTokenLive(tokens[0]!)).toBe(true);
  }, 30_000);

  it('a read that moves the idle window while a refresh runs never writes the spent refresh token back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const inner = memoryStore();
    let delayNextSessionWrite = false;
    // The idle slide's write of the session record lands late: held until the refresh has stored its tokens.
    let tokensStored = () => {};
    const refreshStored = new Promise<void>((resolve) => (tokensStored = resolve));
    const late = async (key: string) => {
      if (delayNextSessionWrite && key.startsWith('s:')) {
        delayNextSessionWrite = false;
        await refreshStored;
      }
    };
    // Only the refresh's write: the sign-in's comes before the slide is armed.
    let armed = false;
    const written = (key: string) => void (armed && key.startsWith('t:') && tokensStored());
    const store: SessionStore = {
      ...inner,
      set: async (key, value, ttl) => (await late(key), await inner.set(key, value, ttl), written(key)),
      replace: async (key, value, ttl) => {
        await late(key);
        const replaced = await inner.replace(key, value, ttl);
        written(key);
        return replaced;
      },
    };
    const handler = handlerWith(store, 3 * 24 * 3600);
    const cookie = await signIn(handler);
    const session = await sessionOf(handler, cookie);
    const sentBefore = bb.refreshesSent.length;
    vi.setSystemTime(Date.now() + 2 * DAY);
    delayNextSessionWrite = armed = true;
    const [read, token] = await Promise.all([handler(new Request(`${APP}/auth/session`, { headers: { cookie } })), session.accessToken!()]);
    expect(await read.json()).toMatchObject({ user: { id: BITBADGES_ADDRESS } });
    expect(bb.isAccessTokenLive(token)).toBe(true);
    vi.setSystemTime(Date.now() + 2 * DAY);
    expect(bb.isAccessTokenLive(await (await sessionOf(handler, cookie)).accessToken!())).toBe(true);
    const sent = bb.refreshesSent.slice(sentBefore);
    expect(sent).toHaveLength(2);
    expect(new Set(bb.refreshesSent).size).toBe(bb.refreshesSent.length);
  });

  it('a refresh the provider refuses rejects and ends the session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const handler = handlerWith(memoryStore());
    const cookie = await signIn(handler);
    vi.setSystemTime(Date.now() + 2 * DAY);
    bb.revokeAllRefreshTokens();
    const session = await sessionOf(handler, cookie);
    await expect(session.accessToken!()).rejects.toMatchObject({ code: 'session_ended' });
    expect(await handler.getSession(new Request(`${APP}/api`, { headers: { cookie } }))).toBeNull();
  });
});
