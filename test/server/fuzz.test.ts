import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';
import { APP, REDIRECT_URI } from '../support/exchange.js';
import { startUpstream } from '../support/upstream.js';

const SECRET = 'fuzz-secret-7e1d0c';
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let handler: LoginHandler;
const logs: string[] = [];

beforeAll(async () => {
  upstream = await startUpstream();
  // Every upstream call is refused the OAuth way, so a 5xx could only come from the handler itself.
  upstream.answer(() => ({ status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":"invalid_grant"}' }));
  handler = createLoginHandler({
    allowedOrigins: [APP],
    redirectUris: [REDIRECT_URI],
    providers: { corp: { type: 'oauth', clientId: 'fuzz-client', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
    log: (line) => logs.push(line),
  });
});
afterAll(() => upstream.close());

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST', 'POST');
const path = fc.oneof(fc.constant('/auth/corp'), fc.constant('/auth/nope'), fc.string({ maxLength: 30 }).map((s) => '/auth/' + encodeURIComponent(s)));
const header = fc.oneof(fc.constant('application/json'), fc.constant('application/json; charset=utf-8'), fc.constant('text/plain'), fc.string({ maxLength: 40 }));
const origin = fc.oneof(fc.constant(APP), fc.constant('https://evil.example'), fc.constant('null'), fc.webUrl().map((u) => new URL(u).origin));
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const exchangeLike = fc.record(
  {
    code: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), jsonValue),
    redirectUri: fc.oneof(fc.constant(REDIRECT_URI), fc.webUrl(), jsonValue),
    codeVerifier: fc.oneof(fc.stringMatching(/^[A-Za-z0-9._~-]{43,128}$/), fc.string({ maxLength: 50 }), jsonValue),
    iss: fc.oneof(fc.webUrl(), jsonValue),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  exchangeLike.map((v) => JSON.stringify(v)),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ maxLength: 300 }).map((s) => '{"code":' + s),
  fc.integer({ min: 15_000, max: 40_000 }).map((n) => JSON.stringify({ code: 'x'.repeat(n), redirectUri: REDIRECT_URI })),
);

describe('the handler under random input (fast-check)', () => {
  it('never throws, never answers 5xx without an upstream cause, never echoes the secret', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, header, origin, body, async (m, p, type, o, text) => {
        const init: RequestInit = { method: m, headers: { 'content-type': type, origin: o } };
        if (m !== 'GET') init.body = text;
        let response: Response;
        try {
          response = await handler(new Request(APP + p, init));
        } catch (error) {
          throw new Error(`handler threw: ${String(error)}`);
        }
        const answer = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(JSON.parse(answer)).toHaveProperty('error');
        expect(answer + logs.join('')).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });

  it('passes any well-formed body to the provider and maps its refusal, whatever the code holds', async () => {
    upstream.requests.length = 0;
    const code = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2000 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 500 }));
    await fc.assert(
      fc.asyncProperty(code, async (c) => {
        const response = await handler(
          new Request(APP + '/auth/corp', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: APP },
            body: JSON.stringify({ code: c, redirectUri: REDIRECT_URI }),
          }),
        );
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'The provider refused the request (invalid_grant)' });
      }),
      { numRuns: 100 },
    );
    expect(upstream.requests.length).toBe(100);
    expect(logs.join('')).not.toContain(SECRET);
  });
});
