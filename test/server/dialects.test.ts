import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBATON_USER, startBbaton } from '../../demo/stand-ins/bbaton.js';
import { startBelladati } from '../../demo/stand-ins/belladati.js';
import { BITBADGES_ADDRESS, startBitbadges } from '../../demo/stand-ins/bitbadges.js';
import { startUpbond, UPBOND_USER } from '../../demo/stand-ins/upbond.js';
import { createLoginHandler, createProviderClient, refresh, revoke } from '../../src/server/index.js';
import { authorize, pkcePair } from '../support/authorize.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';

// A client id in BBaton's own shape: base64 text with `+ / =`, where raw and form-encoded Basic differ.
const client = { clientId: 'JDJhJDA0+Zm9v/YmFy==', clientSecret: 's3cr3t+/=value', redirectUris: [REDIRECT_URI] };
const SECRET_MARKERS = [client.clientSecret, 'api-key-123'];

function authorizeUrl(endpoint: string, params: Record<string, string>) {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: REDIRECT_URI, state: 'st', ...params }).toString();
  return url.href;
}

const servers: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('BBaton against its stand-in', () => {
  let bbaton: Awaited<ReturnType<typeof startBbaton>>;
  beforeAll(async () => servers.push((bbaton = await startBbaton(client))));
  const handler = () =>
    createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { bbaton: { ...client, ...bbaton.endpoints } } });
  const code = async () =>
    (await authorize(authorizeUrl(bbaton.endpoints.authorizeEndpoint, { response_type: 'code', scope: 'read_profile' }), REDIRECT_URI)).get('code')!;

  it('exchanges with raw Basic auth and returns the normalised user', async () => {
    const res = await post(handler(), 'bbaton', { code: await code(), redirectUri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      provider: 'bbaton',
      user: { id: BBATON_USER.user_id, adult: true, birthYear: '1990', gender: 'F', raw: BBATON_USER },
    });
    for (const secret of SECRET_MARKERS) expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain('access_token');
  });

  it('the stand-in refuses a form-encoded Basic header (RFC 6749 §2.3.1 style)', async () => {
    const server: oauth.AuthorizationServer = { issuer: bbaton.url, token_endpoint: bbaton.endpoints.tokenEndpoint };
    const params = oauth.validateAuthResponse(server, { client_id: client.clientId }, new URLSearchParams({ code: await code() }), oauth.skipStateCheck);
    const response = await oauth.authorizationCodeGrantRequest(server, { client_id: client.clientId }, oauth.ClientSecretBasic(client.clientSecret), params, REDIRECT_URI, oauth.nopkce, {
      [oauth.allowInsecureRequests]: true,
    });
    expect(response.status).toBe(401);
  });

  it('codes are single-use: the second exchange is 400 invalid_grant', async () => {
    const once = await code();
    expect((await post(handler(), 'bbaton', { code: once, redirectUri: REDIRECT_URI })).status).toBe(200);
    const again = await post(handler(), 'bbaton', { code: once, redirectUri: REDIRECT_URI });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('a redirect_uri other than the authorize request’s is invalid_grant', async () => {
    const other = 'https://app.example/other-callback.html';
    const h = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI, other], providers: { bbaton: { ...client, ...bbaton.endpoints } } });
    const res = await post(h, 'bbaton', { code: await code(), redirectUri: other });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('has no refresh or revoke: the functions say so', () => {
    expect(() => refresh('bbaton', { ...client, ...bbaton.endpoints }, 'x')).toThrow(/does not issue refresh tokens/);
    expect(() => revoke('bbaton', { ...client, ...bbaton.endpoints }, 'x')).toThrow(/no revocation endpoint/);
    expect(createProviderClient('bbaton', client).refresh).toBeUndefined();
  });

  it('the stand-in refuses a wrong scope and an unregistered redirect_uri at authorize', async () => {
    await expect(authorize(authorizeUrl(bbaton.endpoints.authorizeEndpoint, { response_type: 'code', scope: 'profile' }), REDIRECT_URI)).rejects.toThrow(/400/);
    const url = new URL(authorizeUrl(bbaton.endpoints.authorizeEndpoint, { response_type: 'code', scope: 'read_profile' }));
    url.searchParams.set('redirect_uri', 'https://evil.example/cb');
    await expect(authorize(url.href, REDIRECT_URI)).rejects.toThrow(/400/);
  });
});

describe('BellaDati against its stand-in', () => {
  let bd: Awaited<ReturnType<typeof startBelladati>>;
  beforeAll(async () => servers.push((bd = await startBelladati(client))));
  const config = () => ({ ...client, baseUrl: bd.url });

  it('exchanges with client_id + client_secret parameters; user is null without a userinfo endpoint', async () => {
    const params = await authorize(authorizeUrl(bd.endpoints.authorizeEndpoint, { response_type: 'CODE' }), REDIRECT_URI);
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, providers: { belladati: config() } }), 'belladati', {
      code: params.get('code'),
      redirectUri: REDIRECT_URI,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider: 'belladati', user: null, tokens: { token_type: 'bearer', expires_in: 3600 } });
  });

  it('the stand-in refuses a lower-case response_type', async () => {
    await expect(authorize(authorizeUrl(bd.endpoints.authorizeEndpoint, { response_type: 'code' }), REDIRECT_URI)).rejects.toThrow(/400/);
  });

  it('the stand-in refuses Basic client authentication (secret not in the parameters)', async () => {
    const params = await authorize(authorizeUrl(bd.endpoints.authorizeEndpoint, { response_type: 'CODE' }), REDIRECT_URI);
    const res = await fetch(bd.endpoints.tokenEndpoint, {
      method: 'POST',
      headers: { authorization: 'Basic ' + btoa(`${client.clientId}:${client.clientSecret}`), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code')!, redirect_uri: REDIRECT_URI }),
    });
    expect(res.status).toBe(401);
  });

  it('refresh works', async () => {
    const params = await authorize(authorizeUrl(bd.endpoints.authorizeEndpoint, { response_type: 'CODE' }), REDIRECT_URI);
    const h = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, providers: { belladati: config() } });
    const res = await post(h, 'belladati', { code: params.get('code'), redirectUri: REDIRECT_URI });
    const tokens = res.json!.tokens as { refresh_token: string };
    const refreshed = await createProviderClient('belladati', config()).refresh!(tokens.refresh_token);
    expect(refreshed.access_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });
});

describe('UPBOND against its stand-in', () => {
  let up: Awaited<ReturnType<typeof startUpbond>>;
  beforeAll(async () => servers.push((up = await startUpbond(client))));
  const config = () => ({ ...client, audience: 'https://api.example', ...up.endpoints });
  const login = async (scope = 'openid profile email offline_access') => {
    const { verifier, challenge } = pkcePair();
    const params = await authorize(
      authorizeUrl(up.endpoints.authorizeEndpoint, { response_type: 'code', scope, audience: 'https://api.example', code_challenge: challenge, code_challenge_method: 'S256' }),
      REDIRECT_URI,
    );
    return { code: params.get('code')!, verifier };
  };

  it('exchanges with client_secret_post, code_verifier and audience; the user comes from the checked ID token', async () => {
    const { code, verifier } = await login();
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { upbond: config() } }), 'upbond', {
      code,
      codeVerifier: verifier,
      redirectUri: REDIRECT_URI,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider: 'upbond', user: { id: UPBOND_USER.sub, email: UPBOND_USER.email, name: UPBOND_USER.name } });
    expect(res.text).not.toContain('id_token');
  });

  it('without openid the user comes from /userinfo', async () => {
    const { code, verifier } = await login('profile');
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { upbond: config() } }), 'upbond', { code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(res.json).toMatchObject({ user: { id: UPBOND_USER.sub } });
  });

  it('an ID token for another issuer fails the exchange (502)', async () => {
    const { code, verifier } = await login();
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { upbond: { ...config(), issuer: 'https://other.example/' } } }), 'upbond', {
      code,
      codeVerifier: verifier,
      redirectUri: REDIRECT_URI,
    });
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ error: 'invalid_provider_response' });
  });

  it('a wrong verifier is refused by the provider', async () => {
    const { code } = await login();
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { upbond: config() } }), 'upbond', {
      code,
      codeVerifier: pkcePair().verifier,
      redirectUri: REDIRECT_URI,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('the stand-in refuses plain PKCE at authorize', async () => {
    const url = authorizeUrl(up.endpoints.authorizeEndpoint, { response_type: 'code', scope: 'openid', code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' });
    await expect(authorize(url, REDIRECT_URI)).rejects.toThrow(/400/);
  });

  it('refresh works with offline_access', async () => {
    const { code, verifier } = await login();
    const h = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, providers: { upbond: config() } });
    const res = await post(h, 'upbond', { code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    const refreshed = await createProviderClient('upbond', config()).refresh!((res.json!.tokens as { refresh_token: string }).refresh_token);
    expect(refreshed.access_token).toBeTruthy();
  });
});

describe('BitBadges against its stand-in', () => {
  let bb: Awaited<ReturnType<typeof startBitbadges>>;
  const apiKey = 'api-key-123';
  beforeAll(async () => servers.push((bb = await startBitbadges({ ...client, apiKey }))));
  const config = (extra = {}) => ({ ...client, apiKey, ...bb.endpoints, ...extra });
  const code = async () =>
    (await authorize(authorizeUrl(bb.endpoints.authorizeEndpoint, { response_type: 'code', scope: 'Complete Claims,Create Address Lists' }), REDIRECT_URI)).get('code')!;

  it('exchanges with a JSON body and x-api-key; expires_in from access_token_expires_at; user is the address', async () => {
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, providers: { bitbadges: config() } }), 'bitbadges', {
      code: await code(),
      redirectUri: REDIRECT_URI,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ provider: 'bitbadges', user: { id: BITBADGES_ADDRESS, raw: { address: BITBADGES_ADDRESS } } });
    const tokens = res.json!.tokens as Record<string, unknown>;
    expect(tokens.expires_in).toBeGreaterThan(86_300);
    expect(tokens.expires_in).toBeLessThanOrEqual(86_400);
    expect(tokens).not.toHaveProperty('access_token_expires_at');
  });

  it('without x-api-key the stand-in answers 500 {errorMessage}: mapped to 400 invalid_client', async () => {
    const res = await post(createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { bitbadges: config({ apiKey: undefined }) } }), 'bitbadges', {
      code: await code(),
      redirectUri: REDIRECT_URI,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_client' });
    expect(res.text).not.toContain('API key');
  });

  it('a reused code: 500 errorMessage upstream, 400 invalid_grant here', async () => {
    const h = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { bitbadges: config() } });
    const once = await code();
    expect((await post(h, 'bitbadges', { code: once, redirectUri: REDIRECT_URI })).status).toBe(200);
    const again = await post(h, 'bitbadges', { code: once, redirectUri: REDIRECT_URI });
    expect([again.status, again.json?.error]).toEqual([400, 'invalid_grant']);
  });

  it('the stand-in refuses a form-encoded token request', async () => {
    const res = await fetch(bb.endpoints.tokenEndpoint, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: await code(), client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: REDIRECT_URI }),
    });
    expect(res.status).toBe(500);
  });

  it('refresh tokens rotate, and revoke ends the access token', async () => {
    const h = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], exposeTokens: true, providers: { bitbadges: config() } });
    const tokens = (await post(h, 'bitbadges', { code: await code(), redirectUri: REDIRECT_URI })).json!.tokens as Record<string, string>;
    const next = await refresh('bitbadges', config(), tokens.refresh_token!);
    expect(next.refresh_token).toBeTruthy();
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    await expect(refresh('bitbadges', config(), tokens.refresh_token!)).rejects.toMatchObject({ status: 400, error: 'invalid_grant' });
    expect(bb.isAccessTokenLive(next.access_token)).toBe(true);
    await revoke('bitbadges', config(), next.access_token);
    expect(bb.isAccessTokenLive(next.access_token)).toBe(false);
  });
});
