import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, serve, type Reply } from '../../demo/stand-ins/http.js';
import { OIDC_USER, startOidc } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler, type ProviderConfig } from '../../src/server/index.js';
import { authorize, pkcePair } from '../support/authorize.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';
import { serveHttps } from '../support/tls.js';

const clientId = 'discovery-client';
const clientSecret = 'secret-of-discovery-client-long-enough';

let op: Awaited<ReturnType<typeof startOidc>>;
let other: Awaited<ReturnType<typeof serve>>;
let discovery: () => Reply | Promise<Reply> = () => json({}, 404);
const userinfoSub = 'someone-else';
beforeAll(async () => {
  // conformIdTokenClaims (the default of a spec-following provider): the ID token carries sub, and
  // name and email only at userinfo.
  op = await startOidc([{ clientId, clientSecret, redirectUris: [REDIRECT_URI] }], 0, { conformIdTokenClaims: true });
  other = await serve({
    'GET /.well-known/openid-configuration': () => discovery(),
    'GET /.well-known/oauth-authorization-server': () => json({}, 404),
    'GET /userinfo': () => json({ sub: userinfoSub, name: 'Mallory' }),
  });
});
afterAll(async () => {
  await op.close();
  await other.close();
});

async function code() {
  const { verifier, challenge } = pkcePair();
  const url = new URL(op.endpoints.authorizeEndpoint);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid email profile',
    state: 'st',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const params = await authorize(url.href, REDIRECT_URI);
  return { code: params.get('code')!, iss: params.get('iss')!, codeVerifier: verifier, redirectUri: REDIRECT_URI };
}

const handlerFor = (config: Partial<ProviderConfig>, extra = {}) =>
  createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, timeoutMs: 1000, providers: { corp: { type: 'oauth', clientId, clientSecret, ...config } }, ...extra });

describe('discovery: an oauth provider from its issuer alone (oidc-provider)', () => {
  it('logs in with only issuer + client credentials; the user is ID-token claims merged with userinfo', async () => {
    const handler = handlerFor({ issuer: op.url });
    const res = await post(handler, 'corp', await code());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider: 'corp', user: { id: OIDC_USER.sub, name: OIDC_USER.name, email: OIDC_USER.email } });
    // Those came from userinfo: the ID token has none of them.
    const idToken = (res.json!.tokens as { id_token: string }).id_token;
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims.sub).toBe(OIDC_USER.sub);
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('name');
    // A second login uses the cached document.
    expect((await post(handler, 'corp', await code())).status).toBe(200);
  });

  it('RP-initiated logout: end_session_endpoint from discovery, with id_token_hint when the session kept it', async () => {
    const { memoryStore } = await import('../../src/server/index.js');
    const handler = handlerFor({ issuer: op.url }, { session: { secret: 'x'.repeat(32), store: memoryStore(), keepTokens: true } });
    const res = await post(handler, 'corp', await code());
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const out = await handler(new Request(`${APP}/auth/logout`, { method: 'POST', headers: { origin: APP, cookie, 'content-type': 'application/json' }, body: JSON.stringify({ returnTo: `${APP}/` }) }));
    const idToken = (res.json!.tokens as { id_token: string }).id_token;
    // No ID token reaches page script (SPEC §6 "Session hardening"): the answer is the handler's own URL.
    const text = await out.text();
    expect(text).not.toContain(idToken);
    expect(text).not.toContain(idToken.split('.')[1]!);
    const { endSessionUrl } = JSON.parse(text) as { endSessionUrl: string };
    expect(endSessionUrl).toMatch(new RegExp(`^${APP}/auth/logout/provider/[\\w-]+\\.\\.[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    // It answers 303 to the provider with id_token_hint, once.
    const go = await handler(new Request(endSessionUrl));
    expect([go.status, go.headers.get('cache-control'), go.headers.get('referrer-policy')]).toEqual([303, 'no-store', 'no-referrer']);
    const url = new URL(go.headers.get('location')!);
    expect(url.origin + url.pathname).toBe(`${op.url}/session/end`);
    expect(url.searchParams.get('client_id')).toBe(clientId);
    expect(url.searchParams.get('id_token_hint')).toBe(idToken);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/`);
    const again = await handler(new Request(endSessionUrl));
    expect([again.status, ((await again.json()) as { error: string }).error, again.headers.get('location')]).toEqual([400, 'invalid_request', null]);
  });

  it('a userinfo sub that is not the ID token’s is 502', async () => {
    const res = await post(handlerFor({ issuer: op.url, userinfoEndpoint: `${other.url}/userinfo` }), 'corp', await code());
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ error: 'invalid_provider_response' });
    expect(res.text).not.toContain('Mallory');
  });

  it('a failed discovery is a 502 for that request, not a start-up failure; it works once the document is there', async () => {
    const issuer = other.url;
    const handler = handlerFor({ issuer });
    const exchange = () => post(handler, 'corp', { code: 'c', redirectUri: REDIRECT_URI });
    for (const broken of [() => json({}, 404), () => json({ error: 'x' }, 500), () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>' }), () => json({ issuer: 'https://evil.example', token_endpoint: `${issuer}/token` })]) {
      discovery = broken;
      const res = await exchange();
      expect([res.status, res.json?.error]).toEqual([502, 'invalid_provider_response']);
    }
    discovery = () => json({ issuer, token_endpoint: `${issuer}/token`, padding: 'x'.repeat(300 * 1024) });
    expect((await exchange()).status).toBe(502);
    discovery = () => new Promise<Reply>(() => {});
    const started = Date.now();
    expect((await exchange()).status).toBe(504);
    expect(Date.now() - started).toBeLessThan(3000);
    // The document arrives: its token endpoint (oidc-provider's) is asked, and refuses the made-up code.
    let discoveryCalls = 0;
    discovery = () => {
      discoveryCalls++;
      return json({ issuer, token_endpoint: `${op.url}/token` });
    };
    const res = await exchange();
    expect([res.status, res.json?.error]).toEqual([400, 'invalid_grant']);
    expect((await exchange()).status).toBe(400);
    expect(discoveryCalls).toBe(1);
  });

  it('an https issuer’s document naming a plain-http token endpoint: the client secret never goes over plain http (502); an https one is used', async () => {
    const seen: string[] = [];
    const plain = await serve({
      'POST /token': (request) => {
        seen.push(String(request.headers.authorization));
        return json({ access_token: 'AT', token_type: 'Bearer' });
      },
    });
    let tokenEndpoint = `${plain.url}/token`;
    const tls = await serveHttps((req, res) => {
      const reply = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url == '/.well-known/openid-configuration') return reply({ issuer: tls.url, token_endpoint: tokenEndpoint, userinfo_endpoint: `${tls.url}/userinfo` });
      if (req.url == '/token') return reply({ access_token: 'AT', token_type: 'Bearer' });
      if (req.url == '/userinfo') return reply({ sub: 'over-tls' });
      res.writeHead(404).end();
    });
    try {
      const exchange = (handler = handlerFor({ issuer: tls.url })) => post(handler, 'corp', { code: 'c', redirectUri: REDIRECT_URI });
      const downgraded = await exchange();
      expect([downgraded.status, downgraded.json?.error]).toEqual([502, 'invalid_provider_response']);
      expect(seen).toEqual([]);
      tokenEndpoint = `${tls.url}/token`;
      const res = await exchange();
      expect([res.status, res.json?.user]).toMatchObject([200, { id: 'over-tls' }]);
    } finally {
      await tls.close();
      await plain.close();
    }
  });

  it('an oauth provider with neither issuer nor tokenEndpoint is a TypeError at start-up', () => {
    expect(() => handlerFor({})).toThrow(/issuer.*tokenEndpoint/);
  });
});
