import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, memoryStore, type SessionStore } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { Jar, listen, login, logout, readSession, startProvider, type Listening } from '../support/session.js';
import { counted, sessionKeys, userIndexKey } from '../support/store.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';

let provider: Awaited<ReturnType<typeof startProvider>>;
const open: Listening[] = [];
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  await provider.close();
  await Promise.all(open.map((server) => server.close()));
});

/** A store that can be taken down (calls reject) or made to hang (calls never answer), and records its keys. */
function controllable(inner: SessionStore = memoryStore()) {
  const control = { mode: 'up' as 'up' | 'down' | 'hang', failAddToSet: false, keys: new Set<string>(), values: [] as string[] };
  const wrap = <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    if (control.mode == 'down') throw new Error('connection refused');
    if (control.mode == 'hang') return new Promise<R>(() => {});
    if (name == 'addToSet' && control.failAddToSet) throw new Error('connection reset');
    control.keys.add(String(args[0]));
    if (name == 'set' || name == 'replace') control.values.push(String(args[1]));
    return call(...args);
  };
  const store: SessionStore = {
    get: wrap('get', inner.get),
    set: wrap('set', inner.set),
    replace: wrap('replace', inner.replace),
    delete: wrap('delete', inner.delete),
    addToSet: wrap('addToSet', inner.addToSet),
    members: wrap('members', inner.members),
    removeFromSet: wrap('removeFromSet', inner.removeFromSet),
    setIfAbsent: wrap('setIfAbsent', inner.setIfAbsent),
    deleteIf: wrap('deleteIf', inner.deleteIf),
  };
  return { store, control };
}

async function serveWith(store: SessionStore, extra: { keepTokens?: boolean; timeoutMs?: number } = {}) {
  const handler = createLoginHandler({
    trustHost: true,
    timeoutMs: extra.timeoutMs ?? 10_000,
    providers: { corp: provider.config },
    session: { secret: SECRET, store, keepTokens: extra.keepTokens ?? false },
  });
  const server = await listen(handler);
  open.push(server);
  return { handler, url: server.url };
}

describe('sessions in a store (memoryStore)', () => {
  it('the cookie holds a 256-bit random id; the store keys the record by its hash and holds no plain user', async () => {
    const { store, control } = controllable();
    const { url } = await serveWith(store);
    const jar = new Jar();
    await login(jar, url);
    const id = jar.cookies.get('login-session')!;
    expect(id).toMatch(/^[\w-]{43}$/);
    expect([...control.keys].some((key) => key.includes(id))).toBe(false);
    expect(control.values.join()).not.toContain('Alice');
    expect((await readSession(jar, url)).body).toMatchObject({ provider: 'corp', user: { id: 'user-1', name: 'Alice' } });
    const other = new Jar();
    await login(other, url);
    expect(other.cookies.get('login-session')).not.toBe(id);
  });

  it('a new login replaces the session the browser had: the old id no longer reads', async () => {
    const { url } = await serveWith(memoryStore());
    const jar = new Jar();
    await login(jar, url);
    const first = jar.cookies.get('login-session')!;
    await login(jar, url);
    expect(jar.cookies.get('login-session')).not.toBe(first);
    const replay = new Jar();
    replay.cookies.set('login-session', first);
    expect((await readSession(replay, url)).body).toBeNull();
    expect((await readSession(jar, url)).body).toMatchObject({ user: { id: 'user-1' } });
  });

  it('a changed id reads as signed out and is cleared', async () => {
    const { url } = await serveWith(memoryStore());
    const jar = new Jar();
    await login(jar, url);
    const id = jar.cookies.get('login-session')!;
    jar.cookies.set('login-session', (id[0] == 'A' ? 'B' : 'A') + id.slice(1));
    expect((await readSession(jar, url)).body).toBeNull();
    expect(jar.cookies.has('login-session')).toBe(false);
  });

  it('logout deletes the record: the old cookie, replayed, is signed out', async () => {
    const { url } = await serveWith(memoryStore());
    const jar = new Jar();
    await login(jar, url);
    const id = jar.cookies.get('login-session')!;
    expect((await logout(jar, url)).status).toBe(200);
    const replay = new Jar();
    replay.cookies.set('login-session', id);
    expect((await readSession(replay, url)).body).toBeNull();
  });

  it('everywhere ends every session of the user, and only theirs', async () => {
    const { url } = await serveWith(memoryStore());
    const [laptop, phone, someoneElse] = [new Jar(), new Jar(), new Jar()];
    await login(laptop, url);
    await login(phone, url);
    provider.state.user = { sub: 'user-2', name: 'Bob' };
    await login(someoneElse, url);
    provider.state.user = { sub: 'user-1', name: 'Alice', email: 'alice@example.org' };
    expect((await logout(phone, url, { everywhere: true })).status).toBe(200);
    expect((await readSession(laptop, url)).body).toBeNull();
    expect((await readSession(phone, url)).body).toBeNull();
    expect((await readSession(someoneElse, url)).body).toMatchObject({ user: { id: 'user-2' } });
  });

  it('a store that is down: 503 session_store_unavailable for GET /session, login and logout; getSession rejects; all work again after', async () => {
    const { store, control } = controllable();
    const { handler, url } = await serveWith(store);
    const jar = new Jar();
    await login(jar, url);
    control.mode = 'down';
    const answers = [
      ['GET', '/auth/session', await jar.fetch(`${url}/auth/session`)],
      ['POST', '/auth/{provider}', await login(new Jar(), url)],
      ['POST', '/auth/logout', await logout(jar, url)],
    ] as const;
    for (const [method, path, response] of answers) {
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ error: 'session_store_unavailable' });
      assertMatchesSpec(method, 503, body, path);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    await expect(handler.getSession(new Request(url, { headers: { cookie: jar.header()! } }))).rejects.toMatchObject({ code: 'session_store_unavailable' });
    control.mode = 'up';
    expect((await readSession(jar, url)).body).toMatchObject({ user: { id: 'user-1' } });
  });

  it('a store that hangs: 503 within timeoutMs', async () => {
    const { store, control } = controllable();
    const { url } = await serveWith(store, { timeoutMs: 300 });
    const jar = new Jar();
    await login(jar, url);
    control.mode = 'hang';
    const started = Date.now();
    expect((await jar.fetch(`${url}/auth/session`)).status).toBe(503);
    const fresh = new Jar();
    expect((await login(fresh, url)).status).toBe(503);
    expect(fresh.cookies.size).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    control.mode = 'up';
    expect((await readSession(jar, url)).body).not.toBeNull();
  });

  it('a login whose store write half fails: 503 and no cookie, never a half-made session', async () => {
    const { store, control } = controllable();
    const { url } = await serveWith(store);
    control.failAddToSet = true;
    const jar = new Jar();
    const res = await login(jar, url);
    expect(res.status).toBe(503);
    expect(jar.cookies.size).toBe(0);
    control.failAddToSet = false;
    expect((await login(jar, url)).status).toBe(200);
  });
});

describe('kept tokens', () => {
  it('logout revokes the refresh and access tokens at the provider', async () => {
    const { url } = await serveWith(memoryStore(), { keepTokens: true });
    const jar = new Jar();
    await login(jar, url);
    const calls = provider.state.tokenCalls;
    provider.state.revoked.length = 0;
    expect((await logout(jar, url)).status).toBe(200);
    expect(provider.state.revoked).toEqual([`RT-${calls}`, `AT-${calls}`]);
  });

  it('everywhere revokes the tokens every ended session kept', async () => {
    const { url } = await serveWith(memoryStore(), { keepTokens: true });
    const [laptop, phone] = [new Jar(), new Jar()];
    await login(laptop, url);
    const first = provider.state.tokenCalls;
    await login(phone, url);
    const second = provider.state.tokenCalls;
    provider.state.revoked.length = 0;
    expect((await logout(phone, url, { everywhere: true })).status).toBe(200);
    expect(provider.state.revoked.sort()).toEqual([`AT-${first}`, `AT-${second}`, `RT-${first}`, `RT-${second}`].sort());
    expect((await readSession(laptop, url)).body).toBeNull();
  });

  it('a provider that refuses revocation still ends the local session', async () => {
    const { handler, url } = await serveWith(memoryStore(), { keepTokens: true });
    const jar = new Jar();
    await login(jar, url);
    const session = await handler.getSession(new Request(url, { headers: { cookie: jar.header()! } }));
    expect(await session!.accessToken!()).toMatch(/^AT-/);
    provider.state.refuseRevocation = true;
    try {
      const res = await logout(jar, url);
      expect([res.status, await res.json()]).toEqual([200, {}]);
      expect(jar.cookies.has('login-session')).toBe(false);
      expect((await readSession(jar, url)).body).toBeNull();
    } finally {
      provider.state.refuseRevocation = false;
    }
  });
});

describe("the user's session index stays small (memoryStore)", () => {
  const index = userIndexKey('corp', 'user-1');

  // More re-logins than a login's prune pass checks (64 members); the set's size does not depend on how many more.
  it("300 re-logins of one browser leave one member in the user's set; everywhere then takes a few store calls", async () => {
    const store = counted(memoryStore());
    const { url } = await serveWith(store.store);
    const jar = new Jar();
    for (let i = 0; i < 300; i++) expect((await login(jar, url)).status).toBe(200);
    expect(await store.store.members(index)).toEqual([sessionKeys(jar.cookies.get('login-session')!).record]);
    store.reset();
    expect((await logout(jar, url, { everywhere: true })).status).toBe(200);
    // Read the session, list the set, two deletes, delete the set.
    expect(store.calls.total).toBeLessThanOrEqual(6);
    expect(await store.store.members(index)).toEqual([]);
  }, 60_000);

  it('a logout takes the session out of the set; a login drops members whose record is gone', async () => {
    const inner = memoryStore();
    const { url } = await serveWith(inner);
    const [laptop, phone, tablet] = [new Jar(), new Jar(), new Jar()];
    for (const jar of [laptop, phone, tablet]) await login(jar, url);
    const key = (jar: Jar) => sessionKeys(jar.cookies.get('login-session')!).record;
    const [phoneKey, tabletKey] = [key(phone), key(tablet)];
    expect((await inner.members(index)).sort()).toEqual([key(laptop), phoneKey, tabletKey].sort());
    await logout(phone, url);
    expect((await inner.members(index)).sort()).toEqual([key(laptop), tabletKey].sort());
    // The tablet's record ends where its user is not known (as a TTL does): its member is dead.
    await inner.delete(tabletKey);
    const desktop = new Jar();
    await login(desktop, url);
    expect((await inner.members(index)).sort()).toEqual([key(laptop), key(desktop)].sort());
  });

  it('a refused refresh ends the session and takes it out of the set', async () => {
    const inner = memoryStore();
    const { handler, url } = await serveWith(inner, { keepTokens: true });
    const jar = new Jar();
    await login(jar, url);
    expect(await inner.members(index)).toEqual([sessionKeys(jar.cookies.get('login-session')!).record]);
    // The user revokes the app's access at the provider; two hours later the access token has expired.
    await fetch(provider.config.revocationEndpoint, { method: 'POST', body: new URLSearchParams({ token: `RT-${provider.state.tokenCalls}` }) });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 2 * 3600_000);
      const session = await handler.getSession(new Request(url, { headers: { cookie: jar.header()! } }));
      await expect(session!.accessToken!()).rejects.toMatchObject({ code: 'session_ended' });
    } finally {
      vi.useRealTimers();
    }
    expect(await inner.members(index)).toEqual([]);
  });
});
