// Issue 20, items 1, 8 and 9: which cookie is the session. Each attack as it was found — a proxy that
// rewrites Host to 127.0.0.1 (nginx's default) with no X-Forwarded-Proto, a plain cookie planted by a
// sibling subdomain, a name with U+00A0 in front, a garbage cookie of the session's name sent first —
// now refused.
import express from 'express';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandler, type SessionOptions } from '../../src/server/index.js';
import { requireSession, toNodeListener } from '../../src/server/node.js';
import { startProvider } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
const APP = 'https://app.example';
const DEV = 'http://localhost:5173';

let provider: Awaited<ReturnType<typeof startProvider>>;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  for (const close of closers) await close();
  await provider.close();
});

/** The handler as the site has it: behind a proxy, an https site and a Vite dev origin allowed. */
async function behindProxy(session: Partial<SessionOptions> = {}) {
  const handler = createLoginHandler({ allowedOrigins: [APP, DEV], providers: { corp: provider.config }, session: { secret: SECRET, ...session } });
  const app = express();
  app.use(toNodeListener(handler));
  app.get('/api/me', requireSession(handler), (_req, res) => void res.json((res.locals.session as { user: unknown }).user));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { handler, port: (server.address() as AddressInfo).port };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request as the proxy forwards it: `Host: 127.0.0.1`, no X-Forwarded-Proto. */
function proxied(port: number, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers: { host: '127.0.0.1', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const loginFrom = (port: number, origin: string) =>
  proxied(port, '/auth/corp', { origin, 'content-type': 'application/json' }, JSON.stringify({ code: 'any-code', redirectUri: `${origin}/callback.html` }));

const pairOf = (answer: Answer) => answer.headers['set-cookie']![0]!.split(';')[0]!;
const valueOf = (pair: string) => pair.slice(pair.indexOf('=') + 1);

async function signIn(port: number, sub: string, origin = APP): Promise<{ pair: string; setCookie: string }> {
  provider.state.user = { sub, name: sub };
  const answer = await loginFrom(port, origin);
  expect(answer.status).toBe(200);
  return { pair: pairOf(answer), setCookie: answer.headers['set-cookie']![0]! };
}

describe.each([
  ['sealed cookie', {}],
  ['memoryStore', { store: memoryStore() }],
])('behind a proxy that rewrites Host to 127.0.0.1 (%s)', (_name, session) => {
  it('a login from the https page gets Secure and __Host-, whatever the Host', async () => {
    const { port } = await behindProxy(session);
    const { setCookie } = await signIn(port, 'victim');
    expect(setCookie).toMatch(/^__Host-login-session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('a plain cookie planted by a sibling subdomain (Path=/auth, sent first) never wins: not over the real session, not alone', async () => {
    const { port } = await behindProxy(session);
    const victim = await signIn(port, 'victim');
    const attacker = await signIn(port, 'attacker');
    const planted = `login-session=${valueOf(attacker.pair)}`;
    for (const path of ['/auth/session', '/api/me']) {
      const both = await proxied(port, path, { cookie: `${planted}; ${victim.pair}` });
      expect(both.status, path).toBe(200);
      expect(JSON.parse(both.body), path).toMatchObject(path == '/api/me' ? { id: 'victim' } : { user: { id: 'victim' } });
      // Signed out, the planted cookie alone is not read either (and nothing of the victim's is cleared).
      const alone = await proxied(port, path, { cookie: planted });
      expect(alone.status, path).toBe(path == '/api/me' ? 401 : 200);
      expect(JSON.parse(alone.body), path).toEqual(path == '/api/me' ? { error: 'signed_out', error_description: expect.any(String) } : null);
      expect(alone.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('the loopback http dev page still gets (and reads) the plain cookie; its own requests carry its Origin', async () => {
    const { port, handler } = await behindProxy(session);
    const dev = await signIn(port, 'developer', DEV);
    expect(dev.setCookie).toMatch(/^login-session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    const read = await handler.getSession(new Request('http://127.0.0.1/api', { method: 'POST', headers: { origin: DEV, cookie: dev.pair } }));
    expect(read).toMatchObject({ user: { id: 'developer' } });
    // Addressed to 127.0.0.1 (an origin the site does not list) without an Origin: only the secure name.
    expect(await handler.getSession(new Request('http://127.0.0.1/api', { headers: { cookie: dev.pair } }))).toBeNull();
  });
});

describe('cookie names: trimmed of spaces and tabs only (item 8)', () => {
  it('a cookie named "\\xA0__Host-login-session" is not the session; " \\t__Host-login-session" is', async () => {
    const { port } = await behindProxy();
    const { pair } = await signIn(port, 'victim');
    const padded = await proxied(port, '/auth/session', { cookie: `a=1; \t${pair}` });
    expect(JSON.parse(padded.body)).toMatchObject({ user: { id: 'victim' } });
    const nbsp = await proxied(port, '/auth/session', { cookie: Buffer.from(`a=1;\xA0${pair}`, 'latin1').toString('latin1') });
    expect(JSON.parse(nbsp.body)).toBeNull();
    // The same through a Fetch Request (Hono, Workers, Deno, Bun).
    const handler = createLoginHandler({ allowedOrigins: [APP], providers: { corp: provider.config }, session: { secret: SECRET } });
    expect(await handler.getSession(new Request(`${APP}/api`, { headers: { cookie: `\xA0${pair}` } }))).toBeNull();
    expect(await handler.getSession(new Request(`${APP}/api`, { headers: { cookie: `x=1;\t${pair}` } }))).toMatchObject({ user: { id: 'victim' } });
  });
});

describe('two cookies of the session’s name (item 9)', () => {
  const garbageFor = (pair: string) => `${pair.slice(0, pair.indexOf('='))}=${valueOf(pair).replace(/^./, (c) => (c == 'A' ? 'B' : 'A'))}`;

  it.each([
    ['sealed cookie', {}],
    ['memoryStore', { store: memoryStore() }],
  ])('%s: the one that opens wins in either order, and nothing is cleared', async (_name, session) => {
    const { port } = await behindProxy(session);
    const { pair } = await signIn(port, 'victim');
    const garbage = garbageFor(pair);
    for (const cookie of [`${garbage}; ${pair}`, `${pair}; ${garbage}`]) {
      const answer = await proxied(port, '/auth/session', { cookie });
      expect(JSON.parse(answer.body), cookie.slice(0, 40)).toMatchObject({ user: { id: 'victim' } });
      expect(answer.headers['set-cookie'], cookie.slice(0, 40)).toBeUndefined();
    }
    // Only when none opens is the cookie cleared.
    const none = await proxied(port, '/auth/session', { cookie: `${garbage}; ${garbage}` });
    expect(JSON.parse(none.body)).toBeNull();
    expect(none.headers['set-cookie']![0]).toMatch(/^__Host-login-session=; Max-Age=0;/);
  });

  it('a header with many cookies of the name buys at most 4 store reads', async () => {
    const store = memoryStore();
    let reads = 0;
    const counting = { ...store, get: (key: string) => (reads++, store.get(key)) };
    const handler: LoginHandler = createLoginHandler({ allowedOrigins: [APP], providers: { corp: provider.config }, session: { secret: SECRET, store: counting } });
    // 50 well-formed ids (43 base64url characters), none of a live session.
    const ids = Array.from({ length: 50 }, (_, i) => `__Host-login-session=${'A'.repeat(41)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[i]}A`);
    const answer = await handler(new Request(`${APP}/auth/session`, { headers: { cookie: ids.join('; ') } }));
    expect(await answer.json()).toBeNull();
    expect(reads).toBeLessThanOrEqual(4);
  });
});
