// Issue 20, items 5, 6, 7 and 10: seals bound to their purpose, one spelling per sealed value, the
// refresh margin for short-lived tokens, and `raw` kept from the browser whatever onLogin returns.
import { compactDecrypt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandlerOptions, type SessionStore } from '../../src/server/index.js';
import { createSealer, type SealPurpose } from '../../src/server/session/seal.js';
import { startProvider } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const APP = 'https://app.example';
const PURPOSES: SealPurpose[] = ['cookie', 'record', 'tokens', 'logout'];

let provider: Awaited<ReturnType<typeof startProvider>>;
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(() => provider.close());
afterEach(() => {
  vi.useRealTimers();
  provider.state.expiresIn = 3600;
  provider.state.metadata = {};
  provider.state.idToken = undefined;
});

const handlerWith = (extra: Partial<LoginHandlerOptions> = {}, session: Partial<NonNullable<LoginHandlerOptions['session']>> = {}) =>
  createLoginHandler({ allowedOrigins: [APP], providers: { corp: provider.config }, session: { secret: SECRET, ...session }, ...extra });

async function signIn(handler: ReturnType<typeof handlerWith>) {
  const response = await handler(
    new Request(`${APP}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin: APP }, body: JSON.stringify({ code: 'c', redirectUri: `${APP}/callback.html` }) }),
  );
  expect(response.status).toBe(200);
  return { response, pair: response.headers.get('set-cookie')!.split(';')[0]! };
}

const read = (handler: ReturnType<typeof handlerWith>, value: string) => handler.getSession(new Request(`${APP}/api`, { headers: { cookie: `__Host-login-session=${value}` } }));

/** A memoryStore that remembers every value written, by key prefix. */
function recordingStore(): SessionStore & { written: Map<string, string> } {
  const store = memoryStore();
  const written = new Map<string, string>();
  return { ...store, written, set: (key, value, ttl) => (written.set(key.slice(0, 2), value), store.set(key, value, ttl)) };
}

describe('purpose binding (item 6)', () => {
  it('a value sealed for one purpose never opens as another, with the same secret', async () => {
    for (const sealedFor of PURPOSES) {
      const value = await createSealer([SECRET], sealedFor).seal({ p: 'corp', u: { id: 'x' }, c: 0, e: Date.now() + 1e6, s: 0 });
      for (const openedAs of PURPOSES) {
        const opened = await createSealer([SECRET], openedAs).open(value);
        if (openedAs == sealedFor) expect(opened, `${sealedFor} as itself`).not.toBeNull();
        else expect(opened, `${sealedFor} as ${openedAs}`).toBeNull();
      }
    }
  });

  it('a store record and kept tokens, taken from the store, do not open as a cookie on a sealed-cookie handler with the same secret', async () => {
    const store = recordingStore();
    await signIn(handlerWith({}, { store, keepTokens: true }));
    const sealed = handlerWith();
    const record = store.written.get('s:')!;
    const tokens = store.written.get('t:')!;
    expect(record).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await read(sealed, record)).toBeNull();
    expect(await read(sealed, tokens)).toBeNull();
    // And a sealed cookie put in a store as a record does not open there either.
    const { pair } = await signIn(sealed);
    const { written: _written, ...plain } = store;
    const handler = handlerWith({}, { store: plain });
    const id = 'A'.repeat(43);
    const { hash } = await import('../../src/server/session/hash.js');
    await store.set(`s:{${await hash(id)}}`, pair.slice(pair.indexOf('=') + 1), 60_000);
    expect(await read(handler, id)).toBeNull();
  });
});

describe('one spelling per sealed value (item 7)', () => {
  /** The cookie's value with `insert` put into its ciphertext (segment 4), or `=` padding on a segment. */
  const respell = (value: string, kind: 'padding' | ' ' | '\t' | '\f') => {
    const segments = value.split('.');
    if (kind == 'padding') {
      const i = segments.findIndex((segment, k) => k >= 2 && segment.length % 4 >= 2);
      segments[i] += '='.repeat(4 - (segments[i]!.length % 4));
    } else segments[3] = segments[3]!.slice(0, 4) + kind + segments[3]!.slice(4);
    return segments.join('.');
  };

  it.each(['padding', ' ', '\t', '\f'] as const)('%j: jose alone would open it; the sealer and the handler refuse it', async (kind) => {
    const sealer = createSealer([SECRET], 'cookie');
    const value = await sealer.seal({ p: 'corp', u: { id: 'user-1' }, c: Date.now(), e: Date.now() + 1e6, s: Date.now() });
    const other = respell(value, kind);
    expect(other).not.toBe(value);
    // The attack: jose's decoder (atob) takes this spelling of the same bytes.
    const encoder = new TextEncoder();
    const material = await crypto.subtle.importKey('raw', encoder.encode(SECRET), 'HKDF', false, ['deriveKey']);
    const hkdf = { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('login-elements session v1'), info: encoder.encode('A256GCM key for cookie') };
    const key = await crypto.subtle.deriveKey(hkdf, material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    await expect(compactDecrypt(other, key)).resolves.toBeTruthy();
    expect(await sealer.open(value)).not.toBeNull();
    expect(await sealer.open(other)).toBeNull();
    if (kind != '\f') {
      const { pair } = await signIn(handlerWith());
      expect(await read(handlerWith(), pair.slice(pair.indexOf('=') + 1))).not.toBeNull();
      expect(await read(handlerWith(), respell(pair.slice(pair.indexOf('=') + 1), kind))).toBeNull();
    }
  });
});

describe('refresh margin (item 5)', () => {
  it('access tokens living 4 s: ten accessToken() calls past half their life refresh once', async () => {
    provider.state.expiresIn = 4;
    // Time is the subject: the clock is moved, not waited for.
    vi.useFakeTimers({ toFake: ['Date'] });
    const handler = handlerWith({}, { store: memoryStore(), keepTokens: true });
    const { pair } = await signIn(handler);
    const session = (await handler.getSession(new Request(`${APP}/api`, { headers: { cookie: pair } })))!;
    const signedInAt = Date.now();
    const calls = provider.state.tokenCalls;
    // Fresh for half its life (2 s): no refresh at all.
    expect(await session.accessToken!()).toMatch(/^AT-/);
    expect(provider.state.tokenCalls).toBe(calls);
    // Past half its life the margin (min(10 s, 2 s)) is reached: the first call refreshes, the next nine use the new token.
    vi.setSystemTime(signedInAt + 2100);
    const tokens = [];
    for (let i = 0; i < 10; i++) tokens.push(await session.accessToken!());
    expect(provider.state.tokenCalls - calls).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });
});

describe('raw never reaches the browser with sessions on (item 10)', () => {
  const RAW = { sub: 'user-1', name: 'Alice', email: 'alice@example.org', phone_number: '+1 555 0100' };

  it.each([
    ['the contract’s sample ({user}) => ({user})', ({ user }: { user: unknown }) => ({ user })],
    ['({user}) => ({profile: user.raw, ok: true})', ({ user }: { user: { raw: unknown } }) => ({ profile: user.raw, ok: true })],
    ['a JSON Response: Response.json({user})', ({ user }: { user: unknown }) => Response.json({ user }, { headers: { 'x-site': '1' } })],
    ['a JSON Response, pretty-printed, with a copy of raw', ({ user }: { user: { raw: object } }) => new Response(JSON.stringify({ me: { ...user.raw } }, null, 2), { headers: { 'content-type': 'application/json' } })],
  ])('%s: no raw in the answer, the rest kept', async (_name, onLogin) => {
    provider.state.user = RAW;
    let seen: unknown;
    const handler = handlerWith({ onLogin: (context) => ((seen = context.user?.raw), onLogin(context as never)) });
    const { response } = await signIn(handler);
    const text = await response.text();
    expect(seen).toEqual(RAW);
    expect(text).not.toContain('+1 555 0100');
    expect(text).not.toContain('"raw"');
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-login-session=/);
    const body = JSON.parse(text) as Record<string, unknown>;
    if ('user' in body) expect(body.user).toMatchObject({ id: 'user-1', name: 'Alice' });
    if ('ok' in body) expect(body.ok).toBe(true);
    provider.state.user = { sub: 'user-1', name: 'Alice', email: 'alice@example.org' };
  });

  it('without sessions, onLogin’s answer is left as it is (raw is the site’s to send)', async () => {
    const handler = createLoginHandler({ allowedOrigins: [APP], providers: { corp: provider.config }, onLogin: ({ user }) => ({ user }) });
    const response = await handler(
      new Request(`${APP}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin: APP }, body: JSON.stringify({ code: 'c', redirectUri: `${APP}/callback.html` }) }),
    );
    expect(((await response.json()) as { user: Record<string, unknown> }).user).toHaveProperty('raw');
  });
});
