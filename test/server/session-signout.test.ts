// Issue 20, items 2 and 3 (and issue 23's postLogoutRedirectUri): what a sign-out ends, said honestly,
// and the provider's sign-out through the handler's own short-lived, single-use URL.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandlerOptions, type SessionOptions } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { followEndSession, Jar, listen, login, logout, readSession, startProvider, type Listening } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const END_SESSION = 'https://idp.example/logout';

let provider: Awaited<ReturnType<typeof startProvider>>;
const open: Listening[] = [];
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  await Promise.all(open.map((server) => server.close()));
  await provider.close();
});
afterEach(() => void vi.useRealTimers());

async function serveWith(session: Partial<SessionOptions> = {}, extra: Partial<LoginHandlerOptions> = {}) {
  const handler = createLoginHandler({
    trustHost: true,
    providers: { corp: { ...provider.config, endSessionEndpoint: END_SESSION } },
    session: { secret: SECRET, ...session },
    ...extra,
  });
  const server = await listen(handler);
  open.push(server);
  return { handler, url: server.url };
}

describe('what a sign-out ends (item 2)', () => {
  it('sealed cookie: the browser’s cookie is cleared, but a copy taken before still reads until it expires (documented)', async () => {
    const { url } = await serveWith();
    const jar = new Jar();
    await login(jar, url);
    const copy = new Jar();
    for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
    expect((await logout(jar, url)).status).toBe(200);
    expect((await readSession(jar, url)).body).toBeNull();
    // There is no server state to revoke it in: the copy is still a session.
    expect((await readSession(copy, url)).body).toMatchObject({ user: { id: 'user-1' } });
  });

  it('with a store: the copy is signed out too', async () => {
    const { url } = await serveWith({ store: memoryStore() });
    const jar = new Jar();
    await login(jar, url);
    const copy = new Jar();
    for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
    expect((await logout(jar, url)).status).toBe(200);
    expect((await readSession(copy, url)).body).toBeNull();
  });
});

describe('the provider’s sign-out URL (item 3)', () => {
  it.each([
    ['sealed cookie', {}],
    ['memoryStore', { store: memoryStore() }],
  ])('%s: the logout answers the handler’s own URL; it answers 303 to the provider once, then 400', async (_name, session) => {
    const { url } = await serveWith(session);
    const jar = new Jar();
    await login(jar, url);
    const answer = (await (await logout(jar, url, { returnTo: `${url}/bye` })).json()) as { endSessionUrl: string };
    assertMatchesSpec('POST', 200, answer, '/auth/logout');
    expect(answer.endSessionUrl.startsWith(`${url}/auth/logout/provider/`)).toBe(true);
    const first = await followEndSession(answer.endSessionUrl);
    expect(first.status).toBe(303);
    expect(first.location!.href).toBe(`${END_SESSION}?client_id=session-client&post_logout_redirect_uri=${encodeURIComponent(`${url}/bye`)}`);
    const second = await followEndSession(answer.endSessionUrl);
    expect(second).toEqual({ status: 400, body: { error: 'invalid_request', error_description: expect.stringContaining('expired or was used') } });
    assertMatchesSpec('GET', 400, second.body, '/auth/logout/provider/{ticket}');
  });

  it('short-lived: after two minutes it answers 400 (fake clock)', async () => {
    const { handler } = await serveWith();
    const app = 'http://127.0.0.1:3000';
    const signIn = await handler(new Request(`${app}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app }, body: JSON.stringify({ code: 'c', redirectUri: `${app}/cb` }) }));
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    vi.useFakeTimers({ toFake: ['Date'] });
    const out = await handler(new Request(`${app}/auth/logout`, { method: 'POST', headers: { origin: app, cookie } }));
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    vi.setSystemTime(Date.now() + 120_001);
    const late = await handler(new Request(endSessionUrl));
    expect([late.status, late.headers.get('location')]).toEqual([400, null]);
  });

  it('refusals: another method is 405; a ticket that is not one, or a changed one, is 400', async () => {
    const { url } = await serveWith();
    const jar = new Jar();
    await login(jar, url);
    const { endSessionUrl } = (await (await logout(jar, url)).json()) as { endSessionUrl: string };
    const post = await fetch(endSessionUrl, { method: 'POST', headers: { origin: url } });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
    const changed = endSessionUrl.slice(0, -2) + (endSessionUrl.endsWith('AA') ? 'BA' : 'AA');
    for (const target of [changed, `${url}/auth/logout/provider/x`, `${url}/auth/logout/provider/`]) expect((await followEndSession(target)).status, target).toBe(400);
    // The unchanged one still works: the refusals did not spend it.
    expect((await followEndSession(endSessionUrl)).status).toBe(303);
  });

  it('postLogoutRedirectUri: the default post_logout_redirect_uri when the logout names none (or one not allowed)', async () => {
    const app = 'https://app.example';
    const handler = createLoginHandler({
      allowedOrigins: [app],
      providers: { corp: { ...provider.config, endSessionEndpoint: END_SESSION, postLogoutRedirectUri: `${app}/signed-out` } },
      session: { secret: SECRET },
    });
    const signIn = await handler(new Request(`${app}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app }, body: JSON.stringify({ code: 'c', redirectUri: `${app}/cb` }) }));
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const target = async (body?: object) => {
      const out = await handler(new Request(`${app}/auth/logout`, { method: 'POST', headers: { origin: app, cookie, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }));
      const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
      expect(endSessionUrl.startsWith(`${app}/auth/logout/provider/`)).toBe(true);
      return new URL((await handler(new Request(endSessionUrl))).headers.get('location')!).searchParams.get('post_logout_redirect_uri');
    };
    expect(await target()).toBe(`${app}/signed-out`);
    expect(await target({ returnTo: 'https://evil.example/' })).toBe(`${app}/signed-out`);
    expect(await target({ returnTo: `${app}/account` })).toBe(`${app}/account`);
  });

  it('postLogoutRedirectUri off the allowed origins is a TypeError naming it', () => {
    const make = (postLogoutRedirectUri: string) => () =>
      createLoginHandler({ allowedOrigins: ['https://app.example'], providers: { corp: { ...provider.config, postLogoutRedirectUri } }, session: { secret: SECRET } });
    expect(make('https://evil.example/bye')).toThrow(/providers\.corp\.postLogoutRedirectUri.*https:\/\/evil\.example\/bye/);
    expect(make('/signed-out')).toThrow(TypeError);
    expect(make('https://app.example/signed-out')).not.toThrow();
  });
});
