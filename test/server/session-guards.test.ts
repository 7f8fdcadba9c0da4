// docs/sessions.md's session guards, each over real HTTP on 127.0.0.1: a route only a signed-in user may
// call answers 401, then 200 after a login through the same app, then 401 after the logout. With a
// real redis-server stopped, the guards answer 503 JSON (never the framework's HTML page).
import { serve } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { createLoginHandler, type LoginHandler, type Session } from '../../src/server/index.js';
import { requireSession, toNodeListener } from '../../src/server/node.js';
import { redisStore } from '../../src/server/redis.js';
import { startRedis } from '../support/redis.js';
import { Jar, login, logout, startProvider } from '../support/session.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';
let provider: Awaited<ReturnType<typeof startProvider>>;
let handler: LoginHandler;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  provider = await startProvider();
  handler = createLoginHandler({
    trustHost: true,
    providers: { corp: provider.config },
    session: { secret: SECRET, idleTimeout: 3600 },
  });
});
afterAll(async () => {
  for (const close of closers) await close();
  await provider.close();
});

async function listening(server: import('node:http').Server): Promise<string> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** 401 → sign in → 200 with the user → sign out → 401. */
async function guarded(base: string) {
  const jar = new Jar();
  expect((await jar.fetch(`${base}/api/me`)).status).toBe(401);
  expect((await login(jar, base)).status).toBe(200);
  const me = await jar.fetch(`${base}/api/me`);
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ id: 'user-1', name: 'Alice' });
  expect((await logout(jar, base)).status).toBe(200);
  expect((await jar.fetch(`${base}/api/me`)).status).toBe(401);
}

describe('guards', () => {
  it('Express 5: app.use(toNodeListener(login)); requireSession(login) before a route, the session in res.locals', async () => {
    await guarded(await listening(createServer(expressApp(handler))));
  });

  it('node:http: the listener for /auth/*, requireSession(login) for the rest', async () => {
    await guarded(await listening(nodeServer(handler)));
  });

  it('a Fetch handler: login.requireSession((request, session) => Response)', async () => {
    const server = serve({ fetch: fetchApp(handler), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    await guarded(await listening(server as import('node:http').Server));
  });

  it('Hono on @hono/node-server: getSession(c.req.raw)', async () => {
    const app = new Hono();
    app.on(['GET', 'POST'], '/auth/*', (c) => handler(c.req.raw));
    app.get('/api/me', async (c) => {
      const session = await handler.getSession(c.req.raw);
      return session ? c.json(session.user) : c.json({ error: 'signed_out' }, 401);
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    await guarded(await listening(server as import('node:http').Server));
  });

  it('Next.js route handlers: GET/POST = login(request); an API route with login.requireSession', async () => {
    const me = handler.requireSession((_request, session) => Response.json(session.user));
    const GET = (request: Request) => (new URL(request.url).pathname == '/api/me' ? me(request) : handler(request));
    const POST = (request: Request) => handler(request);
    // The app's routes as Next.js calls them: a Request in, a Response out.
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v == 'string' ? [[k, v] as [string, string]] : [])));
      const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, ...(req.method == 'POST' ? { body: Buffer.concat(chunks) } : {}) });
      const response = await (req.method == 'POST' ? POST : GET)(request);
      res.writeHead(response.status, [...response.headers].flat()).end(Buffer.from(await response.arrayBuffer()));
    });
    await guarded(await listening(server));
  });
});

/** docs/sessions.md's Express 5 site: the endpoint, then a guarded route. */
function expressApp(login: LoginHandler) {
  const app = express();
  app.use(toNodeListener(login));
  app.get('/api/me', requireSession(login), (_req, res) => void res.json((res.locals.session as Session).user));
  return app;
}

/** docs/sessions.md's node:http site. */
function nodeServer(login: LoginHandler) {
  const listener = toNodeListener(login);
  const guard = requireSession(login);
  return createServer((req, res) => {
    if (req.url!.startsWith('/auth/')) return listener(req, res);
    guard(req, res, () => {
      const { session } = (res as typeof res & { locals: { session: Session } }).locals;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(session.user));
    });
  });
}

/** docs/sessions.md's Fetch site (Hono, Bun, Deno, Workers): the endpoint, and a guarded route. */
function fetchApp(login: LoginHandler) {
  const me = login.requireSession((_request, session) => Response.json(session.user));
  return (request: Request) => (new URL(request.url).pathname.startsWith('/auth/') ? login(request) : me(request));
}

describe('guards with the Redis store stopped: 503 JSON on every framework, and back after', () => {
  it.each([
    ['Express 5', (site: LoginHandler) => listening(createServer(expressApp(site)))],
    ['node:http', (site: LoginHandler) => listening(nodeServer(site))],
    [
      'a Fetch handler',
      async (site: LoginHandler) => {
        const server = serve({ fetch: fetchApp(site), port: 0, hostname: '127.0.0.1' });
        await new Promise((resolve) => server.once('listening', resolve));
        return listening(server as import('node:http').Server);
      },
    ],
  ])('%s', async (_name, start) => {
    const redis = await startRedis();
    const client = createClient({ url: redis.url, socket: { reconnectStrategy: () => 100 } });
    client.on('error', () => {});
    await client.connect();
    closers.push(async () => (client.destroy(), await redis.stop()));
    const site = createLoginHandler({ trustHost: true, timeoutMs: 500, providers: { corp: provider.config }, session: { secret: SECRET, store: redisStore(client) } });
    const base = await start(site);
    const jar = new Jar();
    expect((await login(jar, base)).status).toBe(200);
    expect((await jar.fetch(`${base}/api/me`)).status).toBe(200);
    await redis.stop();
    const down = await jar.fetch(`${base}/api/me`);
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await down.json()).toEqual({ error: 'session_store_unavailable', error_description: expect.any(String) });
    // Signed out stays 401 JSON while Redis is down (no cookie: no store call).
    const signedOut = await fetch(`${base}/api/me`);
    expect([signedOut.status, await signedOut.json()]).toEqual([401, { error: 'signed_out', error_description: expect.any(String) }]);
    // Back (an empty Redis: this test runs it without persistence): the guard answers again, and a new login reads.
    await redis.start();
    await expect.poll(async () => (await jar.fetch(`${base}/api/me`)).status, { timeout: 10_000, interval: 100 }).toBe(401);
    expect((await login(jar, base)).status).toBe(200);
    expect((await jar.fetch(`${base}/api/me`)).status).toBe(200);
  });
});

describe('guards without a session configured', () => {
  it('are a TypeError when made, not a 500 per request', () => {
    const plain = createLoginHandler({ trustHost: true, providers: { corp: provider.config } });
    expect(() => plain.requireSession(() => new Response())).toThrow(TypeError);
    expect(() => requireSession(plain)).toThrow(TypeError);
  });
});
