import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLoginHandler, MAX_BODY_BYTES, type LoginHandler } from '../../src/server/index.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { goodTokens, jsonReply, startUpstream } from '../support/upstream.js';

const SECRET = 'client-secret-NEVER-LEAK-42';
const TOKEN = 'AT-very-secret-token';
const VERIFIER = 'v'.repeat(43);
const body = { code: 'the-code', redirectUri: REDIRECT_URI, codeVerifier: VERIFIER };

let upstream: Awaited<ReturnType<typeof startUpstream>>;
let handler: LoginHandler;
const logs: string[] = [];

beforeAll(async () => {
  upstream = await startUpstream();
  handler = createLoginHandler({
    allowedOrigins: [APP],
    redirectUris: [REDIRECT_URI],
    timeoutMs: 300,
    providers: { corp: { type: 'oauth', clientId: 'corp-client', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
    log: (line) => logs.push(line),
  });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.answer(() => goodTokens()));

/** Sends, checks status and error code, validates against openapi.yaml, and checks nothing leaked. */
async function expectAnswer(status: number, error: string | undefined, send: () => ReturnType<typeof post>, method = 'POST') {
  const res = await send();
  expect(res.status).toBe(status);
  if (error) expect(res.json).toMatchObject({ error });
  assertMatchesSpec(method, status, res.json);
  const everything = res.text + JSON.stringify([...res.headers]) + logs.join('\n');
  for (const secret of [SECRET, TOKEN, 'upstream-body-marker']) expect(everything).not.toContain(secret);
  return res;
}

describe('the error table of contract §4, row by row', () => {
  it('200 with the user; no tokens unless exposeTokens', async () => {
    const res = await expectAnswer(200, undefined, () => post(handler, 'corp', body));
    expect(res.json).toEqual({ provider: 'corp', user: null });
  });

  it('405 for any other method, with Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await handler(new Request(`${APP}/auth/corp`, { method, headers: { origin: APP } }));
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      assertMatchesSpec('POST', 405, await res.json());
    }
  });

  it('404 unknown_provider, including prototype keys and paths outside basePath', async () => {
    for (const provider of ['nope', '__proto__', 'constructor', 'corp/extra', '']) await expectAnswer(404, 'unknown_provider', () => post(handler, provider, body));
    const outside = await handler(new Request(`${APP}/other/corp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(outside.status).toBe(404);
  });

  it('415 when the body is not JSON', async () => {
    await expectAnswer(415, 'unsupported_media_type', () => post(handler, 'corp', 'code=x', { 'content-type': 'application/x-www-form-urlencoded' }));
    await expectAnswer(415, 'unsupported_media_type', () => post(handler, 'corp', JSON.stringify(body), { 'content-type': 'text/plain' }));
  });

  it('413 for a body over 16 KiB, declared or streamed', async () => {
    const big = JSON.stringify({ ...body, code: 'x'.repeat(MAX_BODY_BYTES) });
    await expectAnswer(413, 'payload_too_large', () => post(handler, 'corp', big));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const res = await handler(new Request(`${APP}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json', origin: APP }, body: stream, duplex: 'half' } as RequestInit));
    expect(res.status).toBe(413);
  });

  it('403 forbidden_origin for an origin not allowed; a request without Origin is served', async () => {
    await expectAnswer(403, 'forbidden_origin', () => post(handler, 'corp', body, { origin: 'https://evil.example' }));
    await expectAnswer(403, 'forbidden_origin', () => post(handler, 'corp', body, { origin: 'null' }));
    const res = await handler(new Request(`${APP}/auth/corp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect(res.status).toBe(200);
  });

  it('allowedOrigins replaces the same-origin default', async () => {
    const h = createLoginHandler({
      allowedOrigins: ['https://www.app.example'],
      redirectUris: [REDIRECT_URI],
      providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
    });
    expect((await post(h, 'corp', body, { origin: 'https://www.app.example' })).status).toBe(200);
    expect((await post(h, 'corp', body)).status).toBe(403);
  });

  it('400 invalid_request for missing or malformed fields and a redirectUri outside the allowlist', async () => {
    upstream.requests.length = 0;
    const cases: unknown[] = [
      '{not json',
      '[]',
      'null',
      '"code"',
      {},
      { redirectUri: REDIRECT_URI },
      { code: 'c' },
      { code: 42, redirectUri: REDIRECT_URI },
      { code: 'c', redirectUri: ['x'] },
      { code: '', redirectUri: REDIRECT_URI },
      { ...body, codeVerifier: 'short' },
      { ...body, iss: 7 },
      { ...body, redirectUri: 'https://evil.example/callback.html' },
      { ...body, redirectUri: `${REDIRECT_URI}?x=1` },
    ];
    for (const c of cases) await expectAnswer(400, 'invalid_request', () => post(handler, 'corp', c as object));
    expect(upstream.requests.length).toBe(0);
  });

  it("400 with the provider's own OAuth error code, but our own description", async () => {
    upstream.answer(() => jsonReply({ error: 'invalid_grant', error_description: 'upstream-body-marker' }, 400));
    const res = await expectAnswer(400, 'invalid_grant', () => post(handler, 'corp', body));
    expect(res.json!.error_description).not.toContain('upstream');
    upstream.answer(() => jsonReply({ error: 'invalid_client' }, 401));
    await expectAnswer(400, 'invalid_client', () => post(handler, 'corp', body));
  });

  it('502 invalid_provider_response for HTML, garbage, non-OAuth errors and missing fields', async () => {
    const bad = [
      () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>upstream-body-marker</html>' }),
      () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token": "upstream-body-marker"' }),
      () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '[1,2,3]' }),
      () => jsonReply({ token_type: 'Bearer', note: 'upstream-body-marker' }),
      () => jsonReply({ access_token: TOKEN, token_type: 'mac' }),
      () => ({ status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>upstream-body-marker</h1>' }),
      () => jsonReply({ error: { nested: 'upstream-body-marker' } }, 400),
      () => ({ status: 302, headers: { location: 'https://elsewhere.example/' }, body: '' }),
    ];
    for (const answer of bad) {
      upstream.answer(answer);
      await expectAnswer(502, 'invalid_provider_response', () => post(handler, 'corp', body));
    }
  });

  it('502 when the provider cannot be reached', async () => {
    const gone = await startUpstream();
    await gone.close();
    const h = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: gone.tokenEndpoint } } });
    await expectAnswer(502, 'invalid_provider_response', () => post(h, 'corp', body));
  });

  it('504 provider_timeout when the provider is slower than timeoutMs', async () => {
    upstream.answer(() => new Promise((resolve) => setTimeout(() => resolve(goodTokens()), 1000)));
    await expectAnswer(504, 'provider_timeout', () => post(handler, 'corp', body));
  });

  it('onLogin may return JSON, or a Response with a session cookie; tokens reach it, not the browser', async () => {
    let seen: string | undefined;
    const h = createLoginHandler({
      allowedOrigins: [APP],
      redirectUris: [REDIRECT_URI],
      providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
      onLogin: ({ tokens, provider }) => {
        seen = tokens.access_token;
        return new Response(JSON.stringify({ provider, signedIn: true }), {
          headers: { 'content-type': 'application/json', 'set-cookie': 'session=abc; HttpOnly; Secure; SameSite=Lax; Path=/' },
        });
      },
    });
    const res = await post(h, 'corp', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('session=abc');
    expect(res.json).toEqual({ provider: 'corp', signedIn: true });
    expect(seen).toBe(TOKEN);
    const plain = createLoginHandler({
      allowedOrigins: [APP],
      redirectUris: [REDIRECT_URI],
      providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
      onLogin: ({ user }) => ({ user, role: 'member' }),
    });
    expect((await post(plain, 'corp', body)).json).toEqual({ user: null, role: 'member' });
  });

  it('exposeTokens puts the tokens in the 200 body', async () => {
    const h = createLoginHandler({
      allowedOrigins: [APP],
      redirectUris: [REDIRECT_URI],
      exposeTokens: true,
      providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
    });
    const res = await post(h, 'corp', body);
    expect(res.json).toEqual({ provider: 'corp', user: null, tokens: { access_token: TOKEN, token_type: 'bearer', expires_in: 60 } });
    assertMatchesSpec('POST', 200, res.json);
  });

  it('500 server_error when onLogin throws; the thrown text stays on the server', async () => {
    const h = createLoginHandler({
      allowedOrigins: [APP],
      redirectUris: [REDIRECT_URI],
      providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: SECRET, tokenEndpoint: upstream.tokenEndpoint } },
      onLogin: () => {
        throw new Error(`db down ${SECRET}`);
      },
    });
    await expectAnswer(500, 'server_error', () => post(h, 'corp', body));
  });

  it('sends the client secret only to the token endpoint, as configured', async () => {
    upstream.requests.length = 0;
    await post(handler, 'corp', body);
    expect(upstream.requests).toHaveLength(1);
    expect(String(upstream.requests[0]!.headers.authorization)).toMatch(/^Basic /);
  });
});
