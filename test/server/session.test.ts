import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandlerOptions, type SessionOptions, type SessionStore } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { followEndSession, Jar, listen, login, logout, readSession, startProvider, type Listening } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const OTHER = 'another-secret-that-is-32-chars-long!!';

let provider: Awaited<ReturnType<typeof startProvider>>;
const open: Listening[] = [];
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  await provider.close();
  await Promise.all(open.map((server) => server.close()));
});
afterEach(() => {
  vi.useRealTimers();
  provider.state.user = { sub: 'user-1', name: 'Alice', email: 'alice@example.org' };
});

const options = (session: Partial<SessionOptions> = {}, extra: Partial<LoginHandlerOptions> = {}): LoginHandlerOptions => ({
  trustHost: true,
  providers: { corp: provider.config },
  session: { secret: SECRET, ...session },
  ...extra,
});

async function serveWith(session: Partial<SessionOptions> = {}, extra: Partial<LoginHandlerOptions> = {}) {
  const handler = createLoginHandler(options(session, extra));
  const server = await listen(handler);
  open.push(server);
  return { handler, url: server.url };
}

const cookieValue = (jar: Jar) => jar.cookies.get('login-session')!;

/** A login straight through the Fetch handler (no listener): the page's request, on plain http loopback. */
const APP_ORIGIN = 'http://127.0.0.1:3000';
const loginInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
  body: JSON.stringify({ code: 'any-code', redirectUri: `${APP_ORIGIN}/callback.html` }),
};

describe('sealed-cookie sessions', () => {
  it('a login sets the sealed cookie; GET /session reads it back, without raw; the body has expiresAt (and no raw either)', async () => {
    let rawSeen: unknown;
    const { url } = await serveWith({}, { onLogin: ({ user }) => void (rawSeen = user?.raw) });
    const jar = new Jar();
    const before = Date.now();
    const res = await login(jar, url);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ provider: 'corp', user: { id: 'user-1', name: 'Alice' } });
    // raw reaches only onLogin (contract §6): not the page's login answer.
    expect(body.user).not.toHaveProperty('raw');
    expect(rawSeen).toMatchObject({ sub: 'user-1' });
    expect(body.expiresAt).toBeGreaterThanOrEqual(before + 7 * 24 * 3600 * 1000);
    const [cookie] = jar.setCookies;
    expect(cookie).toMatch(/^login-session=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toContain('Alice');
    const session = await readSession(jar, url);
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect([...session.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(session.body).toEqual({ provider: 'corp', user: { id: 'user-1', name: 'Alice', email: 'alice@example.org' }, expiresAt: body.expiresAt });
    assertMatchesSpec('POST', 200, body);
    assertMatchesSpec('GET', 200, session.body, '/auth/session');
    expect(() => assertMatchesSpec('GET', 200, { ...session.body, user: { id: 'x', raw: {} } }, '/auth/session')).toThrow();
  });

  it('signed out: 200 null, and no cookie is set', async () => {
    const { url } = await serveWith();
    const jar = new Jar();
    const signedOut = await readSession(jar, url);
    expect(signedOut.body).toBeNull();
    assertMatchesSpec('GET', 200, signedOut.body, '/auth/session');
    expect(jar.setCookies).toEqual([]);
  });

  it('every character of the cookie changed in turn reads as signed out, and the cookie is cleared', async () => {
    const { handler } = await serveWith();
    const jar = new Jar();
    const res = await handler(new Request('http://127.0.0.1/auth/corp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'c', redirectUri: 'http://127.0.0.1/callback.html' }),
    }));
    jar.take(res);
    const value = cookieValue(jar);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    const read = (cookie: string) => handler(new Request('http://127.0.0.1/auth/session', { headers: { cookie: `login-session=${cookie}` } }));
    const good = await read(value);
    expect(await good.json()).toMatchObject({ user: { id: 'user-1' } });
    for (let i = 0; i < value.length; i++) {
      // The next character of the alphabet: always a different, valid character (also in the last
      // character's unused bits, which base64url decoders ignore).
      const next = alphabet[(alphabet.indexOf(value[i]!) + 1) % alphabet.length]!;
      const response = await read(value.slice(0, i) + next + value.slice(i + 1));
      expect(await response.json(), `character ${i}`).toBeNull();
      expect(response.headers.get('set-cookie'), `character ${i}`).toMatch(/^login-session=; Max-Age=0;/);
    }
    for (const broken of [value.slice(0, -1), value.slice(1), value + 'A', '', 'x'.repeat(5000)]) expect(await (await read(broken)).json()).toBeNull();
  });

  it('rotation: [new, old] opens cookies of both and seals with the new one; a foreign secret reads as signed out', async () => {
    const oldServer = await serveWith({ secret: OTHER });
    const jar = new Jar();
    await login(jar, oldServer.url);
    const rotated = await serveWith({ secret: [SECRET, OTHER] });
    expect((await readSession(jar, rotated.url)).body).toMatchObject({ user: { id: 'user-1' } });
    const fresh = new Jar();
    await login(fresh, rotated.url);
    const onlyNew = await serveWith({ secret: SECRET });
    expect((await readSession(fresh, onlyNew.url)).body).toMatchObject({ user: { id: 'user-1' } });
    expect((await readSession(new Jar(), onlyNew.url)).body).toBeNull();
    const stale = new Jar();
    await login(stale, oldServer.url);
    expect((await readSession(stale, onlyNew.url)).body).toBeNull();
    expect(stale.cookies.has('login-session')).toBe(false);
  });

  it('absolute expiry (fake clock): maxAge ends the session whatever happens', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { url } = await serveWith({ maxAge: 3600, idleTimeout: 1800 });
    const jar = new Jar();
    await login(jar, url);
    for (let minute = 20; minute < 60; minute += 20) {
      vi.setSystemTime(Date.now() + 20 * 60_000);
      expect((await readSession(jar, url)).body, `minute ${minute}`).toMatchObject({ user: { id: 'user-1' } });
    }
    vi.setSystemTime(Date.now() + 20 * 60_000 + 1000);
    expect((await readSession(jar, url)).body).toBeNull();
  });

  it('idle expiry slides: reads within 60 s set no cookie, later ones re-seal; no read for idleTimeout ends it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { url } = await serveWith({ idleTimeout: 600 });
    const jar = new Jar();
    const loggedIn = (await (await login(jar, url)).json()) as { expiresAt: number };
    expect(loggedIn.expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(jar.setCookies.at(-1)).toContain('Max-Age=600;');
    vi.setSystemTime(Date.now() + 30_000);
    let count = jar.setCookies.length;
    expect((await readSession(jar, url)).body).not.toBeNull();
    expect(jar.setCookies.length).toBe(count);
    vi.setSystemTime(Date.now() + 500_000);
    const slid = await readSession(jar, url);
    expect(jar.setCookies.length).toBe(count + 1);
    expect(slid.body!.expiresAt).toBe(Date.now() + 600_000);
    vi.setSystemTime(Date.now() + 590_000);
    expect((await readSession(jar, url)).body).not.toBeNull();
    count = jar.setCookies.length;
    vi.setSystemTime(Date.now() + 601_000);
    expect((await readSession(jar, url)).body).toBeNull();
  });

  it('an idleTimeout under 60 s slides too (at half of it): an active user stays signed in, an idle one is signed out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const store of [undefined, memoryStore()]) {
      const { url } = await serveWith({ idleTimeout: 30, ...(store ? { store } : {}) });
      const jar = new Jar();
      await login(jar, url);
      for (let second = 10; second <= 90; second += 10) {
        vi.setSystemTime(Date.now() + 10_000);
        expect((await readSession(jar, url)).body, `${second} s, read every 10 s`).toMatchObject({ user: { id: 'user-1' } });
      }
      vi.setSystemTime(Date.now() + 31_000);
      expect((await readSession(jar, url)).body).toBeNull();
    }
  });

  it('a maxAge (or idleTimeout) lowered since the login shortens the sessions issued before it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const store of [undefined, memoryStore()]) {
      const extra = store ? { store } : {};
      const before = createLoginHandler(options({ maxAge: 30 * 86_400, ...extra }));
      const loggedIn = await before(new Request(`${APP_ORIGIN}/auth/corp`, loginInit));
      const cookie = loggedIn.headers.get('set-cookie')!.split(';')[0]!;
      const read = (handler: typeof before) => handler.getSession(new Request(`${APP_ORIGIN}/api`, { headers: { cookie } }));
      vi.setSystemTime(Date.now() + 2 * 86_400_000);
      expect(await read(before)).toMatchObject({ user: { id: 'user-1' } });
      const shortened = await read(createLoginHandler(options({ maxAge: 3 * 86_400, ...extra })));
      expect(shortened?.expiresAt).toBe(shortened!.createdAt + 3 * 86_400_000);
      // An idleTimeout added since: counted from the last read that moved the window (the login here).
      expect(await read(createLoginHandler(options({ maxAge: 30 * 86_400, idleTimeout: 86_400, ...extra })))).toBeNull();
      // The site now says one day: a two-day-old session is over, whatever its cookie or record says.
      expect(await read(createLoginHandler(options({ maxAge: 86_400, ...extra })))).toBeNull();
      // In a store, a session found over has ended (record deleted, out of its user's set) for good.
      if (store) expect(await read(before)).toBeNull();
    }
  });

  it('fixation: a cookie planted before the login is never promoted; every login gets a fresh seal', async () => {
    const { url } = await serveWith();
    const attacker = new Jar();
    await login(attacker, url);
    const planted = cookieValue(attacker);
    const victim = new Jar();
    victim.cookies.set('login-session', planted);
    await login(victim, url);
    expect(cookieValue(victim)).not.toBe(planted);
    await login(victim, url);
    const values = new Set(victim.setCookies);
    expect(values.size).toBe(2);
  });

  it('a user too large for the cookie is trimmed to fit, its id kept', async () => {
    provider.state.user = { sub: 'user-big', name: 'Bob', email: 'bob@example.org', picture: `data:image/png;base64,${'A'.repeat(6000)}` };
    const { url } = await serveWith();
    const jar = new Jar();
    const res = await login(jar, url);
    expect(res.status).toBe(200);
    const line = jar.setCookies[0]!;
    expect(line.split(';')[0]!.length).toBeLessThanOrEqual(4096);
    expect((await readSession(jar, url)).body).toMatchObject({ user: { id: 'user-big', name: 'Bob', email: 'bob@example.org' } });
    expect(((await readSession(jar, url)).body!.user as Record<string, unknown>).picture).toBeUndefined();
  });

  it('https: __Host- and Secure; plain http only on loopback', async () => {
    const handler = createLoginHandler(options({}, { trustHost: false, allowedOrigins: ['https://app.example', 'http://localhost:3000'] }));
    const loginAt = (origin: string) =>
      handler(new Request(`${origin}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ code: 'c', redirectUri: `${origin}/cb` }) }));
    const https = (await loginAt('https://app.example')).headers.get('set-cookie')!;
    expect(https).toMatch(/^__Host-login-session=.+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    const local = (await loginAt('http://localhost:3000')).headers.get('set-cookie')!;
    expect(local).toMatch(/^login-session=.+; HttpOnly; SameSite=Lax$/);
    // On https only the __Host- cookie counts: a plain one (settable over http by a network attacker) does not.
    const value = https.split(';')[0]!.split('=')[1]!;
    const read = (cookie: string) => handler(new Request('https://app.example/auth/session', { headers: { cookie } })).then((r) => r.json());
    expect(await read(`__Host-login-session=${value}`)).toMatchObject({ user: { id: 'user-1' } });
    expect(await read(`login-session=${value}`)).toBeNull();
  });

  it('behind a TLS proxy: a Node request with X-Forwarded-Proto https reads only the __Host- cookie', async () => {
    const handler = createLoginHandler(options({}, { trustHost: false, allowedOrigins: ['https://app.example'] }));
    const res = await handler(
      new Request('https://app.example/auth/corp', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://app.example' }, body: JSON.stringify({ code: 'c', redirectUri: 'https://app.example/cb' }) }),
    );
    const value = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const node = (cookie: string, proto?: string) => ({ headers: { host: 'app.example', cookie, ...(proto ? { 'x-forwarded-proto': proto } : {}) } });
    expect(await handler.getSession(node(`__Host-login-session=${value}`, 'https'))).toMatchObject({ user: { id: 'user-1' } });
    expect(await handler.getSession(node(`login-session=${value}`, 'https'))).toBeNull();
    // Plain http on a public name is not development: still the secure cookie.
    expect(await handler.getSession(node(`__Host-login-session=${value}`))).toMatchObject({ user: { id: 'user-1' } });
    // No loopback page is allowed: a proxy that rewrites Host to 127.0.0.1 does not make it development.
    expect(await handler.getSession({ headers: { host: '127.0.0.1:3000', cookie: `login-session=${value}` } })).toBeNull();
    expect(await handler.getSession({ headers: { host: '127.0.0.1:3000', cookie: `__Host-login-session=${value}` } })).toMatchObject({ user: { id: 'user-1' } });
    const dev = createLoginHandler(options({}, { trustHost: false, allowedOrigins: ['https://app.example', 'http://localhost:3000'] }));
    expect(await dev.getSession({ headers: { host: 'localhost:3000', cookie: `login-session=${value}` } })).toMatchObject({ user: { id: 'user-1' } });
  });

  it('behind a proxy forwarding Host: localhost (no X-Forwarded-Proto), an https-only site still sets the __Host- Secure cookie', async () => {
    const handler = createLoginHandler(options({}, { trustHost: false, allowedOrigins: ['https://app.example'], redirectUris: ['https://app.example/cb'] }));
    const server = await listen(handler);
    open.push(server);
    const { port } = new URL(server.url);
    const body = JSON.stringify({ code: 'c', redirectUri: 'https://app.example/cb' });
    const setCookie = await new Promise<string[]>((resolve, reject) => {
      const headers = { host: `localhost:${port}`, origin: 'https://app.example', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const req = httpRequest({ host: '127.0.0.1', port, path: '/auth/corp', method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers['set-cookie'] ?? []));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^__Host-login-session=.+; Secure$/);
  });

  it('onLogin returning a Response gets the cookie too (its own cookies kept), through the Node adapter', async () => {
    const { url } = await serveWith({}, { onLogin: () => new Response('{"ok":true}', { headers: [['content-type', 'application/json'], ['set-cookie', 'theme=dark; Path=/']] }) });
    const jar = new Jar();
    const res = await login(jar, url);
    expect(await res.json()).toEqual({ ok: true });
    expect(jar.cookies.get('theme')).toBe('dark');
    expect((await readSession(jar, url)).body).toMatchObject({ user: { id: 'user-1' } });
  });

  it.each([
    ['a 403 Response', () => new Response('{"error":"banned"}', { status: 403, headers: { 'content-type': 'application/json' } }), 403],
    ['throwing', () => {
      throw new Error('refused');
    }, 500],
  ])('onLogin refusing the login (%s) signs nobody in, sealed or with a store', async (_, onLogin, status) => {
    const inner = memoryStore();
    const written: string[] = [];
    const store: SessionStore = { ...inner, set: (key, value, ttl) => (written.push(key), inner.set(key, value, ttl)) };
    for (const session of [{}, { store }]) {
      const { url } = await serveWith(session, { onLogin });
      const jar = new Jar();
      const res = await login(jar, url);
      expect(res.status).toBe(status);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect((await readSession(jar, url)).body).toBeNull();
    }
    // The record made before onLogin ran is gone from the store too.
    expect(written.filter((key) => key.startsWith('s:'))).toHaveLength(1);
    for (const key of written) expect(await inner.get(key)).toBeNull();
  });

  it('onLogin answering a redirect (3xx) still signs in', async () => {
    const { url } = await serveWith({}, { onLogin: () => new Response(null, { status: 303, headers: { location: '/welcome' } }) });
    const jar = new Jar();
    const res = await jar.fetch(`${url}/auth/corp`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ code: 'any-code', redirectUri: `${url}/callback.html` }),
    });
    expect(res.status).toBe(303);
    expect((await readSession(jar, url)).body).toMatchObject({ user: { id: 'user-1' } });
  });

  it('onLogin returning an object: expiresAt is added', async () => {
    const { url } = await serveWith({}, { onLogin: ({ user }) => ({ name: user?.name }) });
    const body = (await (await login(new Jar(), url)).json()) as Record<string, unknown>;
    expect(body).toEqual({ name: 'Alice', expiresAt: expect.any(Number) });
  });
});

describe('logout', () => {
  it('Origin checked: a foreign page gets 403 and the session lives on; the own page ends it', async () => {
    const { url } = await serveWith();
    const jar = new Jar();
    await login(jar, url);
    const foreign = await logout(jar, url, undefined, 'https://evil.example');
    expect([foreign.status, ((await foreign.json()) as { error: string }).error]).toEqual([403, 'forbidden_origin']);
    expect((await readSession(jar, url)).body).not.toBeNull();
    const own = await logout(jar, url);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({});
    expect(jar.setCookies.at(-1)).toMatch(/^login-session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await readSession(jar, url)).body).toBeNull();
    const again = await logout(jar, url, {});
    expect([again.status, await again.json()]).toEqual([200, {}]);
  });

  it('everywhere without a store is 400 invalid_request; a wrong body is 400/415; GET is 405', async () => {
    const { url } = await serveWith();
    const jar = new Jar();
    await login(jar, url);
    const everywhere = await logout(jar, url, { everywhere: true });
    expect([everywhere.status, ((await everywhere.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
    expect((await logout(jar, url, { everywhere: 'yes' })).status).toBe(400);
    expect((await jar.fetch(`${url}/auth/logout`, { method: 'POST', headers: { origin: url, 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    const get = await jar.fetch(`${url}/auth/logout`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const post = await jar.fetch(`${url}/auth/session`, { method: 'POST', headers: { origin: url } });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
    expect((await readSession(jar, url)).body).not.toBeNull();
  });

  it('RP-initiated logout: end_session_endpoint with client_id, and returnTo only on an allowed origin', async () => {
    const endSessionEndpoint = 'https://idp.example/logout';
    const { url } = await serveWith({}, { providers: { corp: { ...provider.config, endSessionEndpoint } } });
    const jar = new Jar();
    await login(jar, url);
    const res = await logout(jar, url, { returnTo: `${url}/signed-out` });
    const answer = await res.json();
    assertMatchesSpec('POST', 200, answer, '/auth/logout');
    const { endSessionUrl } = answer as { endSessionUrl: string };
    // The handler's own URL, which sends the browser on to the provider (contract §6 "Session hardening").
    expect(endSessionUrl.startsWith(`${url}/auth/logout/provider/`)).toBe(true);
    const { status, location: parsed } = await followEndSession(endSessionUrl);
    expect(status).toBe(303);
    expect(parsed!.origin + parsed!.pathname).toBe(endSessionEndpoint);
    expect(Object.fromEntries(parsed!.searchParams)).toEqual({ client_id: 'session-client', post_logout_redirect_uri: `${url}/signed-out` });
    await login(jar, url);
    // A returnTo off the allowed origins is not passed on: the site's root is (contract §7).
    const foreign = (await (await logout(jar, url, { returnTo: 'https://evil.example/' })).json()) as { endSessionUrl: string };
    expect((await followEndSession(foreign.endSessionUrl)).location!.searchParams.get('post_logout_redirect_uri')).toBe(`${url}/`);
    await login(jar, url);
    const none = (await (await logout(jar, url)).json()) as { endSessionUrl: string };
    expect((await followEndSession(none.endSessionUrl)).location!.searchParams.get('post_logout_redirect_uri')).toBe(`${url}/`);
  });
});

describe('logout with a provider whose end_session_endpoint is unsafe or broken', () => {
  afterEach(() => void (provider.state.metadata = {}));

  it.each([
    ['javascript:alert(document.domain)//', 'a script URL'],
    ['data:text/html,<script>alert(1)</script>', 'a data URL'],
    ['http://idp.example/logout', 'plain http off loopback'],
    ['not a url', 'no URL at all'],
  ])('%s (%s): no endSessionUrl, and the logout still ends the session with a 200', async (endpoint) => {
    provider.state.metadata = { end_session_endpoint: endpoint };
    const { url } = await serveWith({}, { providers: { corp: provider.discoveryConfig } });
    const jar = new Jar();
    expect((await login(jar, url)).status).toBe(200);
    const res = await logout(jar, url);
    expect([res.status, await res.json()]).toEqual([200, {}]);
    expect(res.headers.getSetCookie()[0]).toMatch(/^login-session=; Max-Age=0/);
    expect((await readSession(jar, url)).body).toBeNull();
  });

  it('https, and plain http on loopback (development), are passed on', async () => {
    for (const endpoint of ['https://idp.example/logout', 'http://127.0.0.1:9/logout']) {
      provider.state.metadata = { end_session_endpoint: endpoint };
      const { url } = await serveWith({}, { providers: { corp: provider.discoveryConfig } });
      const jar = new Jar();
      await login(jar, url);
      const { endSessionUrl } = (await (await logout(jar, url)).json()) as { endSessionUrl: string };
      expect((await followEndSession(endSessionUrl)).location!.href).toBe(`${endpoint}?client_id=session-client&post_logout_redirect_uri=${encodeURIComponent(`${url}/`)}`);
    }
  });
});

describe('getSession', () => {
  it('reads a Fetch Request and a Node IncomingMessage alike; TypeError without session', async () => {
    const { handler, url } = await serveWith();
    const jar = new Jar();
    await login(jar, url);
    const cookie = jar.header()!;
    const fromFetch = await handler.getSession(new Request(`${url}/api/me`, { headers: { cookie } }));
    expect(fromFetch).toMatchObject({ provider: 'corp', user: { id: 'user-1', name: 'Alice' }, createdAt: expect.any(Number), expiresAt: expect.any(Number) });
    expect(fromFetch!.user).not.toHaveProperty('raw');
    expect(fromFetch!.accessToken).toBeUndefined();
    expect(await handler.getSession(new Request(`${url}/api/me`))).toBeNull();

    const seen: unknown[] = [];
    const api = createServer((req: IncomingMessage, res) => {
      handler.getSession(req).then((session) => {
        seen.push(session);
        res.writeHead(session ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    expect((await fetch(apiUrl, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(apiUrl)).status).toBe(401);
    api.close();
    expect(seen[0]).toEqual(fromFetch);
    const bare = createLoginHandler({ trustHost: true, providers: { corp: provider.config } });
    await expect(bare.getSession(new Request(url))).rejects.toThrow(TypeError);
  });
});

describe('getSession slides the idle window onto the response it is given', () => {
  it('Fetch Headers and a Node response each get the re-sealed cookie; reads within 60 s get none', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { handler, url } = await serveWith({ idleTimeout: 600 });
    const jar = new Jar();
    await login(jar, url);
    const request = () => new Request(`${url}/api`, { headers: { cookie: jar.header()! } });
    const early = new Headers();
    vi.setSystemTime(Date.now() + 30_000);
    expect(await handler.getSession(request(), early)).not.toBeNull();
    expect(early.get('set-cookie')).toBeNull();
    vi.setSystemTime(Date.now() + 300_000);
    const later = new Headers();
    const session = await handler.getSession(request(), later);
    expect(session!.expiresAt).toBe(Date.now() + 600_000);
    expect(later.get('set-cookie')).toMatch(/^login-session=.+; Max-Age=600;/);
    // The browser keeps the re-sealed cookie; the one it replaced would have run out by the next read.
    jar.take(new Response(null, { headers: later }));
    const appended: [string, string][] = [];
    vi.setSystemTime(Date.now() + 300_000);
    await handler.getSession({ headers: { cookie: jar.header()!, host: new URL(url).host } }, { appendHeader: (name, value) => appended.push([name, value]) });
    expect(appended).toEqual([['set-cookie', expect.stringMatching(/^login-session=.+; Max-Age=600;/)]]);
  });
});

describe('settings', () => {
  const make = (session: unknown, providers: LoginHandlerOptions['providers'] = { corp: provider.config }) => () =>
    createLoginHandler({ trustHost: true, providers, session: session as SessionOptions });
  it.each([
    [{ secret: 'short' }, /session\.secret/],
    [{}, /session\.secret/],
    [{ secret: [] }, /session\.secret/],
    [{ secret: [SECRET, 'short'] }, /session\.secret/],
    [{ secret: SECRET, maxAge: 0 }, /session\.maxAge/],
    [{ secret: SECRET, maxAge: 1.5 }, /session\.maxAge/],
    [{ secret: SECRET, maxAge: '3600' }, /session\.maxAge/],
    [{ secret: SECRET, maxAge: 401 * 24 * 3600 }, /session\.maxAge/],
    [{ secret: SECRET, idleTimeout: -1 }, /session\.idleTimeout/],
    [{ secret: SECRET, keepTokens: true }, /session\.keepTokens/],
  ])('%j is a TypeError naming the option', (session, message) => {
    expect(make(session)).toThrow(TypeError);
    expect(make(session)).toThrow(message);
  });
  it.each(['session', 'logout'])('the provider key "%s" is reserved with session', (key) => {
    expect(make({ secret: SECRET }, { [key]: provider.config })).toThrow(new RegExp(`"${key}" is a reserved provider key`));
    expect(() => createLoginHandler({ trustHost: true, providers: { [key]: provider.config } })).not.toThrow();
  });
});
