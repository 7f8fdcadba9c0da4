import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_USER, startOidc } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler, createProviderClient, type ProviderConfig } from '../../src/server/index.js';
import { authorize, pkcePair } from '../support/authorize.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';

/** The generic provider against oidc-provider, a real authorization server, with PKCE required. */
describe.each([
  ['client_secret_basic', 'basic-client'],
  ['client_secret_post', 'post-client'],
] as const)('generic oauth with %s against oidc-provider', (method, clientId) => {
  let op: Awaited<ReturnType<typeof startOidc>>;
  const clientSecret = `secret-of-${clientId}-that-is-long-enough-for-hs256`;
  beforeAll(async () => {
    op = await startOidc([{ clientId, clientSecret, redirectUris: [REDIRECT_URI], tokenEndpointAuthMethod: method }]);
  });
  afterAll(() => op.close());

  const config = (): ProviderConfig => ({ type: 'oauth', clientId, clientSecret, tokenEndpointAuthMethod: method, ...op.endpoints });
  const handler = () => createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, providers: { corp: config() } });
  async function login() {
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
    return { code: params.get('code')!, iss: params.get('iss')!, verifier };
  }

  it('logs in: the callback carries iss (RFC 9207), the user comes from the ID token', async () => {
    const { code, iss, verifier } = await login();
    expect(iss).toBe(op.endpoints.issuer);
    const res = await post(handler(), 'corp', { code, iss, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider: 'corp', user: { id: OIDC_USER.sub, email: OIDC_USER.email, name: OIDC_USER.name } });
    expect(res.text).not.toContain(clientSecret);
  });

  it('a reused code surfaces as 400 invalid_grant', async () => {
    const { code, iss, verifier } = await login();
    expect((await post(handler(), 'corp', { code, iss, codeVerifier: verifier, redirectUri: REDIRECT_URI })).status).toBe(200);
    const again = await post(handler(), 'corp', { code, iss, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('a wrong verifier fails with invalid_grant', async () => {
    const { code, iss } = await login();
    const res = await post(handler(), 'corp', { code, iss, codeVerifier: pkcePair().verifier, redirectUri: REDIRECT_URI });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('no verifier at all fails: PKCE is required', async () => {
    const { code, iss } = await login();
    const res = await post(handler(), 'corp', { code, iss, redirectUri: REDIRECT_URI });
    expect(res.status).toBe(400);
  });

  it('an iss that is not the issuer is refused before any token request', async () => {
    const { code, verifier } = await login();
    const res = await post(handler(), 'corp', { code, iss: 'https://evil.example', codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_request' });
    // The code was not spent: the real exchange still works.
    expect((await post(handler(), 'corp', { code, codeVerifier: verifier, redirectUri: REDIRECT_URI })).status).toBe(200);
  });

  it('refresh and revoke work', async () => {
    const { code, iss, verifier } = await login();
    const tokens = (await post(handler(), 'corp', { code, iss, codeVerifier: verifier, redirectUri: REDIRECT_URI })).json!.tokens as Record<string, string>;
    expect(tokens.refresh_token).toBeTruthy();
    const corp = createProviderClient('corp', config());
    const refreshed = await corp.refresh!(tokens.refresh_token!);
    expect(refreshed.access_token).toBeTruthy();
    await corp.revoke!(refreshed.access_token);
    const me = await fetch(op.endpoints.userinfoEndpoint, { headers: { authorization: `Bearer ${refreshed.access_token}` } });
    expect(me.status).toBe(401);
  });
});
