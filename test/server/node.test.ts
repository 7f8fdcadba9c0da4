import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { goodTokens, startUpstream } from '../support/upstream.js';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
const servers: Server[] = [];
beforeAll(async () => {
  upstream = await startUpstream();
  upstream.answer(() => goodTokens());
});
afterAll(async () => {
  await upstream.close();
  for (const server of servers) server.close();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const handlerFor = (origin: string) =>
  createLoginHandler({
    basePath: '/auth/',
    // The server's own Host is the page's origin here (same-origin app): what the adapter works out.
    trustHost: true,
    redirectUris: [`${origin}/callback.html`],
    providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: 'node-secret', tokenEndpoint: upstream.tokenEndpoint } },
    onLogin: ({ user }) =>
      new Response(JSON.stringify({ user }), { headers: [['content-type', 'application/json'], ['set-cookie', 'a=1; HttpOnly'], ['set-cookie', 'b=2; HttpOnly']] }),
  });

const exchange = (base: string, path = '/auth/corp') =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ code: 'c', redirectUri: `${base}/callback.html` }),
  });

describe('toNodeListener', () => {
  it('serves node:http, with the request origin as the default allowed origin and every Set-Cookie kept', async () => {
    const server = createServer();
    const base = await listen(server);
    server.on('request', toNodeListener(handlerFor(base)));
    const res = await exchange(base);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly']);
    expect(await res.json()).toEqual({ user: null });
    const foreign = await fetch(base + '/auth/corp', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
  });

  it('is Express middleware: its paths are served, others go to next(), and a body parser before it is fine', async () => {
    const app = express();
    const server = createServer(app);
    const base = await listen(server);
    app.use(express.json());
    app.use(toNodeListener(handlerFor(base)));
    app.get('/hello', (_req, res) => {
      res.send('hello from the app');
    });
    expect((await exchange(base)).status).toBe(200);
    expect(await (await fetch(base + '/hello')).text()).toBe('hello from the app');
    expect((await exchange(base, '/auth/unknown')).status).toBe(404);
    const get = await fetch(base + '/auth/corp');
    expect(get.status).toBe(405);
  });

  it('behind a TLS-terminating proxy, X-Forwarded-Proto makes the https page origin the allowed one', async () => {
    const server = createServer();
    const base = await listen(server);
    const site = base.replace('http:', 'https:');
    server.on('request', toNodeListener(handlerFor(site)));
    const send = (headers: Record<string, string>) =>
      fetch(base + '/auth/corp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: site, ...headers },
        body: JSON.stringify({ code: 'c', redirectUri: `${site}/callback.html` }),
      });
    expect((await send({ 'x-forwarded-proto': 'https' })).status).toBe(200);
    expect((await send({})).status).toBe(403);
  });
});
