// private_key_jwt (RFC 7523) against oidc-provider: the client has no secret at all; oidc-provider
// fetches the public keys from the handler's own GET {basePath}/jwks.json (the client's jwks_uri).
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { ClientMetadata } from 'oidc-provider';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_USER, startOidc } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { authorize, pkcePair } from '../support/authorize.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';

const rsaJwk = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'rp-rsa-1' } as JsonWebKey;
let ecKey: CryptoKey;
let server: Server;
let handler: LoginHandler;
let op: Awaited<ReturnType<typeof startOidc>>;

beforeAll(async () => {
  ecKey = ((await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair).privateKey;
  // The site first (oidc-provider needs its jwks_uri), its handler once the provider's issuer is known.
  server = createServer((req, res) => toNodeListener(handler)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/jwks.json`;
  const client = (client_id: string, alg: 'RS256' | 'ES256'): ClientMetadata => ({
    client_id,
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: alg,
    jwks_uri: jwksUri,
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  op = await startOidc([], 0, {
    clients: [client('rsa-client', 'RS256'), client('ec-client', 'ES256')],
    // oidc-provider refuses to fetch from loopback addresses (SSRF protection); the site is on 127.0.0.1 here.
    fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined } as RequestInit),
  });
  handler = createLoginHandler({
    allowedOrigins: [APP],
    redirectUris: [REDIRECT_URI],
    log: () => {},
    providers: {
      rsa: { type: 'oauth', clientId: 'rsa-client', issuer: op.url, privateKey: rsaJwk },
      ec: { type: 'oauth', clientId: 'ec-client', issuer: op.url, privateKey: ecKey },
    },
  });
});
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await op?.close();
});

async function code(clientId: string) {
  const { verifier, challenge } = pkcePair();
  const url = new URL(op.endpoints.authorizeEndpoint);
  url.search = new URLSearchParams({ client_id: clientId, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid email profile', state: 'st', code_challenge: challenge, code_challenge_method: 'S256' }).toString();
  const callback = await authorize(url.href, REDIRECT_URI);
  return { code: callback.get('code')!, iss: callback.get('iss')!, codeVerifier: verifier, redirectUri: REDIRECT_URI };
}

describe('private_key_jwt against oidc-provider, keys from GET /auth/jwks.json', () => {
  it('serves both public keys, with kid and use, and nothing private', async () => {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.map((k) => [k.kty, k.kid, k.use])).toEqual([
      ['RSA', 'rp-rsa-1', 'sig'],
      ['EC', expect.stringMatching(/^[\w-]{43}$/), 'sig'],
    ]);
    for (const key of keys) for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member);
    expect(keys[0]!.n).toBe(rsaJwk.n);
  });

  it.each([
    ['rsa', 'rsa-client', 'a JWK (RS256)'],
    ['ec', 'ec-client', 'a CryptoKey (ES256)'],
  ])('%s: logs in with %s, no secret anywhere', async (provider, clientId) => {
    const res = await post(handler, provider, await code(clientId));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider, user: { id: OIDC_USER.sub, email: OIDC_USER.email } });
  });

  it('a key the provider does not know → invalid_client, without the Basic hint', async () => {
    const other = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'rp-rsa-1' } as JsonWebKey;
    const stranger = createLoginHandler({ allowedOrigins: [APP], log: () => {}, providers: { rsa: { type: 'oauth', clientId: 'rsa-client', issuer: op.url, privateKey: other } } });
    const res = await post(stranger, 'rsa', await code('rsa-client'));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_client' });
    expect(res.json!.error_description).not.toContain('client_secret_post');
  });
});
