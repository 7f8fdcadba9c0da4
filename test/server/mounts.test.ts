// docs/deploy.md's mounts, each with a full exchange over real HTTP on 127.0.0.1: Fastify (through
// @fastify/middie, and a hijacked route handing over its parsed body), Hono on @hono/node-server, and a
// Next.js route handler module.
import middie from '@fastify/middie';
import { serve } from '@hono/node-server';
import Fastify from 'fastify';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { goodTokens, startUpstream } from '../support/upstream.js';

const APP = 'http://app.test';
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let handler: LoginHandler;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  upstream = await startUpstream();
  upstream.answer(() => goodTokens());
  handler = createLoginHandler({
    allowedOrigins: [APP],
    providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: 'mount-secret', tokenEndpoint: upstream.tokenEndpoint } },
  });
});
afterAll(async () => {
  for (const close of closers) await close();
  await upstream.close();
});

const exchange = (base: string) =>
  fetch(`${base}/auth/corp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP },
    body: JSON.stringify({ code: 'c1', redirectUri: `${APP}/callback.html` }),
    signal: AbortSignal.timeout(5000),
  });

describe('Fastify 5', () => {
  it('through @fastify/middie: app.use(toNodeListener(handler)) — a full exchange', async () => {
    const app = Fastify();
    await app.register(middie);
    app.use(toNodeListener(handler));
    app.get('/health', async () => 'ok');
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    const res = await exchange(base);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ provider: 'corp', user: null });
    // The app's own routes still work.
    expect(await (await fetch(`${base}/health`)).text()).toBe('ok');
  });

  it('a hijacked route that hands over Fastify’s parsed body — a full exchange; without it, a fast 500', async () => {
    const app = Fastify();
    const listener = toNodeListener(handler);
    app.post('/auth/:provider', (request, reply) => {
      reply.hijack();
      listener(Object.assign(request.raw, { body: request.body }), reply.raw);
    });
    app.post('/bare/auth/:provider', (request, reply) => {
      reply.hijack();
      request.raw.url = request.raw.url!.replace('/bare', '');
      listener(request.raw, reply.raw);
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    expect((await exchange(base)).status).toBe(200);
    const bare = await exchange(`${base}/bare`);
    expect(bare.status).toBe(500);
    expect((await bare.json()).error_description).toContain('already read');
  });
});

describe('Hono 4', () => {
  it('app.all("/auth/*", (c) => handler(c.req.raw)) on @hono/node-server — the providers list, and a full exchange', async () => {
    const app = new Hono();
    app.all('/auth/*', (c) => handler(c.req.raw));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${site}/auth/providers`)).status).toBe(200);
    const res = await exchange(site);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ provider: 'corp', user: null });
  });
});

describe('Next.js route handler (app/auth/[...path]/route.ts)', () => {
  it('export const GET and POST — the providers list, and a full exchange through the module, env read once', async () => {
    Object.assign(process.env, { APP_ORIGIN: APP, CORP_CLIENT_ID: 'c', CORP_CLIENT_SECRET: 'next-secret', CORP_TOKEN_ENDPOINT: upstream.tokenEndpoint });
    const { GET, POST } = await import('../deploy/next-route.js');
    expect((await GET(new Request(`${APP}/auth/providers`))).status).toBe(200);
    const request = new Request(`${APP}/auth/corp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ code: 'c1', redirectUri: `${APP}/callback.html` }),
    });
    const res = await POST(request);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ provider: 'corp', user: null });
  });
});
