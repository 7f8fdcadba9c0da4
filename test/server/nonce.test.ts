// OpenID Connect's nonce at the exchange (contract §4 / §7), against oidc-provider: the nonce the
// authorize request carried comes with the code and must be the ID token's; refusals say why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_USER, startOidc } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler } from '../../src/server/index.js';
import { authorize, pkcePair } from '../support/authorize.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';
import { assertMatchesSpec } from '../support/openapi.js';

const clientId = 'nonce-client';
const clientSecret = 'nonce-client-secret-long-enough-for-hs256';
let op: Awaited<ReturnType<typeof startOidc>>;
beforeAll(async () => {
  op = await startOidc([{ clientId, clientSecret, redirectUris: [REDIRECT_URI] }]);
});
afterAll(() => op.close());

const handler = () => createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], log: () => {}, providers: { corp: { type: 'oauth', clientId, clientSecret, issuer: op.url } } });

/** A code from a real authorize request, with `nonce` when given. */
async function code(nonce?: string) {
  const { verifier, challenge } = pkcePair();
  const url = new URL(op.endpoints.authorizeEndpoint);
  const params: Record<string, string> = { client_id: clientId, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid email profile', state: 'st', code_challenge: challenge, code_challenge_method: 'S256' };
  if (nonce) params.nonce = nonce;
  url.search = new URLSearchParams(params).toString();
  const callback = await authorize(url.href, REDIRECT_URI);
  return { code: callback.get('code')!, iss: callback.get('iss')!, codeVerifier: verifier, redirectUri: REDIRECT_URI };
}

describe('nonce (oidc-provider)', () => {
  it('the nonce sent at authorize, sent with the code → 200 with the user', async () => {
    const res = await post(handler(), 'corp', { ...(await code('n-0S6_WzA2Mj')), nonce: 'n-0S6_WzA2Mj' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider: 'corp', user: { id: OIDC_USER.sub } });
    // The nonce is the token's business, not the user's.
    expect((res.json!.user as { raw: Record<string, unknown> }).raw).not.toHaveProperty('nonce');
  });

  it('an ID token with a nonce and a request without one → 400 saying to send it', async () => {
    const res = await post(handler(), 'corp', await code('n-sent-at-authorize'));
    expect(res.status).toBe(400);
    assertMatchesSpec('POST', 400, res.json);
    expect(res.json).toEqual({ error: 'invalid_request', error_description: 'The ID token carries a nonce and the request has none: send the nonce of the authorize request as "nonce"' });
  });

  it('another nonce → 400: the code belongs to another login', async () => {
    const res = await post(handler(), 'corp', { ...(await code('n-of-this-login')), nonce: 'n-of-another-login' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining("ID token's nonce is not the request's") });
  });

  it('a nonce the ID token does not carry → 400', async () => {
    const res = await post(handler(), 'corp', { ...(await code()), nonce: 'n-never-sent' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('the ID token carries none') });
  });

  it('no nonce on either side still logs in (OpenID Connect makes it optional in the code flow)', async () => {
    expect((await post(handler(), 'corp', await code())).status).toBe(200);
  });

  it.each([[''], [42], ['x'.repeat(513)]])('nonce %j is a 400 before any upstream call', async (nonce) => {
    const res = await post(handler(), 'corp', { code: 'c', redirectUri: REDIRECT_URI, nonce });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('nonce') });
  });
});
