// GET {basePath}/providers (SPEC §7): every configured provider's public settings, in order, discovery
// filled in (a real oidc-provider), never a secret; ETag/304; CORS only for allowed origins; a provider
// whose discovery fails listed with its error while the others work.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, serve, type Reply } from '../../demo/stand-ins/http.js';
import { startOidc } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler, type LoginHandlerOptions, type ProviderConfig } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { assertMatchesSpec } from '../support/openapi.js';

const APP = 'https://app.example';
const OTHER = 'https://other.example';
const SECRETS = {
  bbaton: 'bbaton-secret-1f9c',
  belladati: 'belladati-secret-77ad',
  upbond: 'upbond-secret-0b3e',
  bitbadges: 'bitbadges-secret-c4d2',
  apiKey: 'bitbadges-api-key-e81a',
  corp: 'corp-secret-that-is-long-enough-9a',
  broken: 'broken-secret-5d1e',
  legacy: 'legacy-secret-aa02',
};

let op: Awaited<ReturnType<typeof startOidc>>;
let brokenIssuer: Awaited<ReturnType<typeof serve>>;
let discoveryCalls = 0;
let brokenDiscovery: () => Reply = () => json({ error: 'down' }, 500);
beforeAll(async () => {
  op = await startOidc([{ clientId: 'corp-client', clientSecret: SECRETS.corp, redirectUris: [`${APP}/auth/callback`] }]);
  brokenIssuer = await serve({
    'GET /.well-known/openid-configuration': () => (discoveryCalls++, brokenDiscovery()),
    'GET /.well-known/oauth-authorization-server': () => json({}, 404),
  });
});
afterAll(async () => {
  await op.close();
  await brokenIssuer.close();
});

const providers = (): Record<string, ProviderConfig> => ({
  upbond: { clientId: 'upbond-client', clientSecret: SECRETS.upbond, audience: 'https://api.app.example' },
  corp: { type: 'oauth', clientId: 'corp-client', clientSecret: SECRETS.corp, issuer: op.url },
  bbaton: { clientId: 'JDJhJDA0+bbaton/id==', clientSecret: SECRETS.bbaton },
  broken: { type: 'oauth', clientId: 'broken-client', clientSecret: SECRETS.broken, issuer: brokenIssuer.url, label: 'Broken IdP' },
  belladati: { clientId: 'belladati-client', clientSecret: SECRETS.belladati, baseUrl: 'https://bi.app.example/', authorizeMethod: 'post' },
  bitbadges: { clientId: 'bitbadges-client', clientSecret: SECRETS.bitbadges, apiKey: SECRETS.apiKey, scope: 'Complete Claims' },
  legacy: {
    type: 'oauth',
    clientId: 'legacy-client',
    clientSecret: SECRETS.legacy,
    authorizeEndpoint: 'https://legacy.example/oauth/authorize',
    tokenEndpoint: 'https://legacy.example/oauth/token',
    pkce: 'off',
    params: { prompt: 'login' },
  },
});

const handlerWith = (options: Partial<LoginHandlerOptions> = {}) =>
  createLoginHandler({ allowedOrigins: [APP, OTHER], providers: providers(), log: () => {}, timeoutMs: 2000, ...options });

async function list(handler: ReturnType<typeof createLoginHandler>, headers: Record<string, string> = {}, url = `${APP}/auth/providers`) {
  const response = await handler(new Request(url, { headers }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as { providers: Record<string, unknown>[] }) : undefined };
}

describe('GET /auth/providers', () => {
  it('lists every provider in the configured order with what its authorize request needs, and nothing secret', async () => {
    const { status, headers, text, body } = await list(handlerWith(), { origin: APP });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    assertMatchesSpec('GET', 200, body, '/auth/providers');
    expect(body!.providers.map((p) => p.key)).toEqual(['upbond', 'corp', 'bbaton', 'broken', 'belladati', 'bitbadges', 'legacy']);
    const [upbond, corp, bbaton, broken, belladati, bitbadges, legacy] = body!.providers;
    expect(upbond).toEqual({
      key: 'upbond',
      type: 'upbond',
      clientId: 'upbond-client',
      label: 'UPBOND',
      authorizeEndpoint: 'https://auth3.upbond.io/authorize',
      scope: 'openid profile email',
      pkce: 's256',
      params: { audience: 'https://api.app.example' },
      redirectUri: `${APP}/auth/callback`,
    });
    // Discovered: the authorize endpoint and the scope (oidc-provider lists openid, profile, email).
    expect(corp).toEqual({
      key: 'corp',
      type: 'oauth',
      clientId: 'corp-client',
      label: new URL(op.url).host,
      authorizeEndpoint: op.endpoints.authorizeEndpoint,
      issuer: op.url,
      scope: 'openid profile email',
      pkce: 's256',
      redirectUri: `${APP}/auth/callback`,
    });
    expect(bbaton).toEqual({
      key: 'bbaton',
      type: 'bbaton',
      clientId: 'JDJhJDA0+bbaton/id==',
      label: 'BBaton',
      authorizeEndpoint: 'https://bauth.bbaton.com/oauth/authorize',
      scope: 'read_profile',
      pkce: 'off',
      redirectUri: `${APP}/auth/callback`,
    });
    expect(broken).toMatchObject({ key: 'broken', type: 'oauth', clientId: 'broken-client', label: 'Broken IdP', error: 'invalid_provider_response' });
    expect(broken).not.toHaveProperty('authorizeEndpoint');
    expect(belladati).toEqual({
      key: 'belladati',
      type: 'belladati',
      clientId: 'belladati-client',
      label: 'BellaDati',
      authorizeEndpoint: 'https://bi.app.example/auth/oauth/request',
      scope: '',
      pkce: 'off',
      authorizeMethod: 'post',
      redirectUri: `${APP}/auth/callback`,
    });
    expect(bitbadges).toMatchObject({ label: 'BitBadges', authorizeEndpoint: 'https://bitbadges.io/oauth', scope: 'Complete Claims', pkce: 'off' });
    // No issuer: not OpenID Connect, so no default scope.
    expect(legacy).toMatchObject({ label: 'legacy.example', authorizeEndpoint: 'https://legacy.example/oauth/authorize', scope: '', pkce: 'off', params: { prompt: 'login' } });
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/secret|apiKey|privateKey/i);
  });

  it('an ETag with Cache-Control: no-cache; a matching If-None-Match is a 304 without a body', async () => {
    const handler = handlerWith();
    const first = await list(handler, { origin: APP });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('vary')).toBe('Origin');
    const again = await list(handler, { origin: APP, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe(APP);
    expect((await list(handler, { origin: APP, 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await list(handler, { origin: APP, 'if-none-match': '"stale"' })).status).toBe(200);
    // Another page origin has other redirect URIs, so another body and another tag.
    const other = await list(handler, { origin: OTHER, 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('CORS headers only for an allowed Origin; another origin is answered without them, and named in the log', async () => {
    const lines: string[] = [];
    const handler = handlerWith({ log: (line) => lines.push(line) });
    expect((await list(handler, { origin: OTHER })).headers.get('access-control-allow-origin')).toBe(OTHER);
    const foreign = await list(handler, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // Computed for an allowed origin, never for the foreign one.
    expect(foreign.text).not.toContain('evil.example');
    expect(lines.some((line) => line.includes('https://evil.example') && line.includes('allowedOrigins'))).toBe(true);
    // A same-origin GET carries no Origin: no CORS header, the redirect URI for its own origin.
    const same = await list(handler, {}, `${OTHER}/auth/providers`);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
    expect(same.body!.providers[0]!.redirectUri).toBe(`${OTHER}/auth/callback`);
  });

  it('redirectUri: for the asking page; the entry’s own wins; redirectUris restricts the default', async () => {
    const byOrigin = await list(handlerWith(), { origin: OTHER });
    expect(byOrigin.body!.providers.filter((p) => !p.error).map((p) => p.redirectUri)).toEqual(Array(6).fill(`${OTHER}/auth/callback`));
    // Neither Origin nor an allowed Host: the Referer's origin, else the first allowed one.
    expect((await list(handlerWith(), { referer: `${OTHER}/page` }, 'http://internal:3000/auth/providers')).body!.providers[0]!.redirectUri).toBe(`${OTHER}/auth/callback`);
    expect((await list(handlerWith(), {}, 'http://internal:3000/auth/providers')).body!.providers[0]!.redirectUri).toBe(`${APP}/auth/callback`);
    const configured = providers();
    configured.upbond!.redirectUri = `${APP}/login/done.html`;
    const restricted = handlerWith({ basePath: '/api/login', providers: configured, redirectUris: [`${APP}/callback.html`, `${OTHER}/cb`, `${APP}/login/done.html`] });
    const [upbond, corp] = (await list(restricted, { origin: APP }, `${APP}/api/login/providers`)).body!.providers;
    expect(upbond!.redirectUri).toBe(`${APP}/login/done.html`);
    expect(corp!.redirectUri).toBe(`${APP}/callback.html`);
    expect((await list(restricted, { origin: OTHER }, `${APP}/api/login/providers`)).body!.providers[1]!.redirectUri).toBe(`${OTHER}/cb`);
    // trustHost: the request's own origin.
    const trusting = createLoginHandler({ trustHost: true, providers: { bbaton: providers().bbaton! }, log: () => {} });
    expect((await list(trusting, {}, 'http://localhost:5173/auth/providers')).body!.providers[0]!.redirectUri).toBe('http://localhost:5173/auth/callback');
  });

  it('a failed discovery is that provider’s error (remembered for 30 s: one broken issuer does not slow every page), the others listed', async () => {
    const handler = handlerWith();
    discoveryCalls = 0;
    const first = await list(handler, { origin: APP });
    expect(first.body!.providers.filter((p) => p.error).map((p) => p.key)).toEqual(['broken']);
    await list(handler, { origin: APP });
    expect(discoveryCalls).toBe(1);
    // A document naming another issuer fails its discovery the same way.
    brokenDiscovery = () => json({ issuer: 'https://someone-else.example' });
    const wrongIssuer = handlerWith();
    const listed = await list(wrongIssuer, { origin: APP });
    expect(listed.body!.providers[3]).toMatchObject({ key: 'broken', error: 'invalid_provider_response' });
    expect(listed.body!.providers[1]).toMatchObject({ key: 'corp', authorizeEndpoint: op.endpoints.authorizeEndpoint });
    brokenDiscovery = () => json({ error: 'down' }, 500);
  });

  it('scope follows scopes_supported where the metadata lists it', async () => {
    const issuer = await serve({
      'GET /.well-known/openid-configuration': () =>
        json({ issuer: issuer.url, authorization_endpoint: `${issuer.url}/authorize`, token_endpoint: `${issuer.url}/token`, scopes_supported: ['openid', 'email', 'offline_access'] }),
    });
    try {
      const handler = createLoginHandler({ allowedOrigins: [APP], log: () => {}, providers: { idp: { type: 'oauth', clientId: 'c', clientSecret: 's', issuer: issuer.url } } });
      expect((await list(handler, { origin: APP })).body!.providers[0]).toMatchObject({ authorizeEndpoint: `${issuer.url}/authorize`, scope: 'openid email' });
    } finally {
      await issuer.close();
    }
  });

  it('an entry with issuer and a token endpoint but no authorize endpoint: discovered for the list only', async () => {
    const handler = createLoginHandler({
      allowedOrigins: [APP],
      log: () => {},
      providers: { corp: { type: 'oauth', clientId: 'corp-client', clientSecret: SECRETS.corp, issuer: op.url, tokenEndpoint: op.endpoints.tokenEndpoint } },
    });
    expect((await list(handler, { origin: APP })).body!.providers[0]).toMatchObject({ authorizeEndpoint: op.endpoints.authorizeEndpoint, scope: 'openid profile email' });
    const head = await handler(new Request(`${APP}/auth/providers`, { method: 'HEAD', headers: { origin: APP } }));
    expect(head.status).toBe(200);
    // No issuer and no authorize endpoint: listed with what to set (the old attribute form still works).
    const bare = createLoginHandler({ allowedOrigins: [APP], log: () => {}, providers: { bare: { type: 'oauth', clientId: 'b', clientSecret: 's', tokenEndpoint: 'https://op.example/token' } } });
    expect((await list(bare, { origin: APP })).body!.providers[0]).toEqual({
      key: 'bare',
      type: 'oauth',
      clientId: 'b',
      label: 'op.example',
      error: 'invalid_config',
      error_description: 'Provider "bare" names no authorize endpoint: set authorizeEndpoint, or issuer for discovery',
    });
  });

  it('only GET and HEAD; a provider may not be named after the route', async () => {
    const handler = handlerWith();
    const post = await handler(new Request(`${APP}/auth/providers`, { method: 'POST', headers: { origin: APP, 'content-type': 'application/json' }, body: '{}' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(() => createLoginHandler({ allowedOrigins: [APP], providers: { providers: { type: 'oauth', clientId: 'c', clientSecret: 's', issuer: APP } } })).toThrow(
      /may not be named "providers"/,
    );
  });

  it('through the Node adapter: 200, then 304 on the ETag', async () => {
    const server: Server = createServer(toNodeListener(handlerWith()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/providers`;
    try {
      const first = await fetch(url, { headers: { origin: APP } });
      expect(first.status).toBe(200);
      expect(first.headers.get('access-control-allow-origin')).toBe(APP);
      expect(((await first.json()) as { providers: unknown[] }).providers).toHaveLength(7);
      const second = await fetch(url, { headers: { origin: APP, 'if-none-match': first.headers.get('etag')! } });
      expect(second.status).toBe(304);
      expect(await second.text()).toBe('');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
