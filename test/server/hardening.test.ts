// What a second red team found (issue 12): settings that broke the endpoint silently, and an onLogin
// answer that could take the whole Node process down. Real HTTP on 127.0.0.1 throughout.
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLoginHandler, createProviderClient, type LoginHandlerOptions } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { suiteUpstream } from '../support/upstream.js';

const suite = suiteUpstream();
const { servers } = suite;

const ORIGIN = 'http://app.test';
const options = (extra: Partial<LoginHandlerOptions> = {}): LoginHandlerOptions => ({
  allowedOrigins: [ORIGIN],
  providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: 's', tokenEndpoint: suite.upstream.tokenEndpoint } },
  ...extra,
});
const init = (): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN },
  body: JSON.stringify({ code: 'c1', redirectUri: `${ORIGIN}/callback.html` }),
});

async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The handler on each transport: Fetch as is, node:http, Express. */
const transports = {
  fetch: (handler: ReturnType<typeof createLoginHandler>) => async (path: string) => handler(new Request(`${ORIGIN}${path}`, init())),
  'node:http': async (handler: ReturnType<typeof createLoginHandler>) => {
    const base = await listen(toNodeListener(handler));
    return (path: string) => fetch(base + path, init());
  },
  express: async (handler: ReturnType<typeof createLoginHandler>) => {
    const app = express();
    app.use(toNodeListener(handler));
    const base = await listen(app);
    return (path: string) => fetch(base + path, init());
  },
};

describe('settings are checked at start-up (contract §4)', () => {
  const bad: unknown[] = ['500', NaN, -1, 0, 0.5, Infinity, 2 ** 31, null, true, {}];
  for (const option of ['timeoutMs', 'bodyTimeoutMs', 'maxUpstreamBytes'] as const)
    it.each(bad.map((value) => [value]))(`${option}: %s is a TypeError naming ${option}`, (value) => {
      expect(() => createLoginHandler(options({ [option]: value }))).toThrow(TypeError);
      expect(() => createLoginHandler(options({ [option]: value }))).toThrow(new RegExp(`\\b${option} must be a positive integer`));
    });

  it('the provider client (also behind refresh() and revoke()) checks its limits the same way', () => {
    const config = { type: 'oauth' as const, clientId: 'c', clientSecret: 's', tokenEndpoint: suite.upstream.tokenEndpoint };
    expect(() => createProviderClient('corp', config, { timeoutMs: NaN })).toThrow(/timeoutMs must be a positive integer/);
    expect(() => createProviderClient('corp', config, { maxUpstreamBytes: -1 })).toThrow(/maxUpstreamBytes must be a positive integer/);
  });

  for (const [name, on] of Object.entries(transports))
    it(`${name}: the edges of the range serve a login (1 byte would not; 2^31-1 ms does)`, async () => {
      const send = await on(createLoginHandler(options({ timeoutMs: 2 ** 31 - 1, bodyTimeoutMs: 2 ** 31 - 1, maxUpstreamBytes: 2 ** 31 - 1 })));
      expect((await send('/auth/corp')).status).toBe(200);
      const tiny = await on(createLoginHandler(options({ maxUpstreamBytes: 1 })));
      const refused = await tiny('/auth/corp');
      expect(refused.status).toBe(502);
      expect(((await refused.json()) as { error: string }).error).toBe('invalid_provider_response');
    });
});

describe('an onLogin answer that fails costs only that answer', () => {
  /** A Response whose body sends a first chunk, then errors. */
  const failing = () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"user":'));
          setTimeout(() => controller.error(new Error('the database went away')), 20);
        },
      }),
      { headers: { 'content-type': 'application/json' } },
    );

  for (const name of ['node:http', 'express'] as const)
    it(`${name}: a body stream that errors ends that response; the server goes on serving`, async () => {
      const lines: string[] = [];
      let calls = 0;
      const handler = createLoginHandler(options({ log: (line) => lines.push(line), onLogin: ({ user }) => (++calls == 1 ? failing() : { user }) }));
      const send = await transports[name](handler);
      const first = await send('/auth/corp');
      expect(first.status).toBe(200);
      // The client sees the answer cut off, not a well-formed one.
      await expect(first.text()).rejects.toThrow();
      const second = await send('/auth/corp');
      expect(second.status).toBe(200);
      expect(await second.json()).toEqual({ user: null });
      expect(lines.some((line) => /response cut off/.test(line))).toBe(true);
    });

  for (const name of ['node:http', 'express'] as const)
    it(`${name}: a header value Node refuses → the documented 500 JSON, logged, no stack page`, async () => {
      const lines: string[] = [];
      const handler = createLoginHandler(
        options({ log: (line) => lines.push(line), onLogin: () => new Response('{}', { headers: { 'x-session': 'a\u0001b', 'set-cookie': 'sid=1' } }) }),
      );
      const send = await transports[name](handler);
      const res = await send('/auth/corp');
      expect(res.status).toBe(500);
      expect(res.statusText).toBe('Internal Server Error');
      expect(res.headers.get('set-cookie')).toBe(null);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: 'server_error', error_description: 'The login answer could not be sent' });
      expect(text).not.toMatch(/node_modules|src\/server|at /);
      expect(lines).toEqual(['login-elements: onLogin answered with a header value Node refuses → 500 server_error']);
      expect((await send('/auth/corp')).status).toBe(500);
    });
});

describe('provider names never reach Object.prototype', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('POST /auth/%s → 404 unknown_provider', async (name) => {
    const handler = createLoginHandler(options());
    const res = await handler(new Request(`${ORIGIN}/auth/${name}`, init()));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('unknown_provider');
  });

  it('a providers entry keyed "constructor" without a type is an unknown dialect (TypeError), not Object', () => {
    expect(() => createLoginHandler({ allowedOrigins: [ORIGIN], providers: { constructor: { clientId: 'c', clientSecret: 's' } } })).toThrow(
      /provider "constructor": unknown type "constructor"/,
    );
  });
});
