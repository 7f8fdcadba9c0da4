// The README's session guards, each over real HTTP on 127.0.0.1: a route only a signed-in user may
// call answers 401, then 200 after a login through the same app, then 401 after the logout.
import { serve } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { Jar, login, logout, startProvider } from '../support/session.js';

let provider: Awaited<ReturnType<typeof startProvider>>;
let handler: LoginHandler;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  provider = await startProvider();
  handler = createLoginHandler({
    trustHost: true,
    providers: { corp: provider.config },
    session: { secret: 'a-session-secret-of-at-least-32-chars!', idleTimeout: 3600 },
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
  it('Express: app.use(toNodeListener(login)); getSession(req, res) in a route', async () => {
    const app = express();
    app.use(toNodeListener(handler));
    app.get('/api/me', async (req, res) => {
      const session = await handler.getSession(req, res);
      if (!session) return void res.status(401).json({ error: 'signed_out' });
      res.json(session.user);
    });
    await guarded(await listening(createServer(app)));
  });

  it('node:http: the listener for /auth/*, getSession for the rest', async () => {
    const listener = toNodeListener(handler);
    const server = createServer(async (req, res) => {
      if (req.url!.startsWith('/auth/')) return listener(req, res);
      const session = await handler.getSession(req, res);
      res.writeHead(session ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(session?.user ?? null));
    });
    await guarded(await listening(server));
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

  it('Next.js route handlers: GET/POST = login(request); an API route with getSession(request)', async () => {
    const GET = (request: Request) => (new URL(request.url).pathname == '/api/me' ? me(request) : handler(request));
    const POST = (request: Request) => handler(request);
    async function me(request: Request) {
      const session = await handler.getSession(request);
      if (!session) return Response.json({ error: 'signed_out' }, { status: 401 });
      return Response.json(session.user);
    }
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
