import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_USER, startGoogle } from '../../demo/stand-ins/google.js';
import { refresh, revoke } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { callback, CLIENT, handlerFor, pkceCode, post, REDIRECT_URI } from '../support/providers.js';

describe('google: server dialect against its stand-in', () => {
  let google: Awaited<ReturnType<typeof startGoogle>>;
  let config: { clientId: string; clientSecret: string } & Record<string, string>;
  const scope = 'openid email profile';
  beforeAll(async () => {
    google = await startGoogle(CLIENT);
    const { authorizeEndpoint: _a, ...endpoints } = google.endpoints;
    config = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, ...endpoints };
  });
  afterAll(() => google.close());

  it('logs in with PKCE and iss: the user normalised from the ID token and userinfo', async () => {
    const { code, verifier, back } = await pkceCode(google.endpoints.authorizeEndpoint, { scope, access_type: 'offline' });
    expect(back.get('iss')).toBe(google.endpoints.issuer);
    const res = await post(handlerFor('google', config), 'google', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier, iss: back.get('iss') });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      provider: 'google',
      user: { id: GOOGLE_USER.sub, name: GOOGLE_USER.name, email: GOOGLE_USER.email, emailVerified: true, picture: GOOGLE_USER.picture },
    });
    assertMatchesSpec('POST', 200, res.json, '/auth/{provider}');
  });

  it('refreshes, and revokes (a token already gone counts as revoked, RFC 7009)', async () => {
    const { code, verifier } = await pkceCode(google.endpoints.authorizeEndpoint, { scope, access_type: 'offline' });
    const res = await post(handlerFor('google', config), 'google', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    const { refresh_token, access_token } = (res.json as { tokens: { refresh_token: string; access_token: string } }).tokens;
    const next = await refresh('google', config, refresh_token);
    expect(next.access_token).toMatch(/^ya29\./);
    expect(google.live(next.access_token)).toBe(true);
    await revoke('google', config, refresh_token);
    expect(google.live(refresh_token)).toBe(false);
    await expect(revoke('google', config, refresh_token)).resolves.toBeUndefined();
    await expect(refresh('google', config, refresh_token)).rejects.toMatchObject({ status: 400, error: 'invalid_grant' });
    expect(access_token).toMatch(/^ya29\./);
  });

  it('refuses a missing or wrong PKCE verifier with invalid_grant', async () => {
    const handler = handlerFor('google', config);
    const missing = await pkceCode(google.endpoints.authorizeEndpoint, { scope });
    expect(await post(handler, 'google', { code: missing.code, redirectUri: REDIRECT_URI })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    const wrong = await pkceCode(google.endpoints.authorizeEndpoint, { scope });
    const other = await pkceCode(google.endpoints.authorizeEndpoint, { scope });
    expect(await post(handler, 'google', { code: wrong.code, redirectUri: REDIRECT_URI, codeVerifier: other.verifier })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('refuses a reused code, a wrong secret, and another redirect URI (Google says redirect_uri_mismatch)', async () => {
    const handler = handlerFor('google', config);
    const { code } = Object.fromEntries(await callback(google.endpoints.authorizeEndpoint, { scope }));
    expect((await post(handler, 'google', { code, redirectUri: REDIRECT_URI })).status).toBe(200);
    expect(await post(handler, 'google', { code, redirectUri: REDIRECT_URI })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    const second = (await callback(google.endpoints.authorizeEndpoint, { scope })).get('code')!;
    const wrongSecret = handlerFor('google', { ...config, clientSecret: 'nope' });
    expect(await post(wrongSecret, 'google', { code: second, redirectUri: REDIRECT_URI })).toMatchObject({ status: 400, json: { error: 'invalid_client' } });
    const third = (await callback(google.endpoints.authorizeEndpoint, { scope })).get('code')!;
    expect(await post(handler, 'google', { code: third, redirectUri: 'https://app.example/other.html' })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('finds every endpoint by discovery from issuer alone', async () => {
    const handler = handlerFor('google', { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, issuer: google.endpoints.issuer });
    const { code, verifier, back } = await pkceCode(google.endpoints.authorizeEndpoint, { scope });
    // The document says it sends `iss` (RFC 9207): an exchange without it is refused.
    expect(await post(handler, 'google', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    const again = await pkceCode(google.endpoints.authorizeEndpoint, { scope });
    const res = await post(handler, 'google', { code: again.code, redirectUri: REDIRECT_URI, codeVerifier: again.verifier, iss: again.back.get('iss') });
    expect(res).toMatchObject({ status: 200, json: { user: { id: GOOGLE_USER.sub, email: GOOGLE_USER.email } } });
    expect(back.get('iss')).toBe(google.endpoints.issuer);
  });

  it.each([
    ['accounts.google.com', 200],
    ['https://accounts.google.com', 200],
    ['https://accounts.google.example', 502],
  ])('with the default issuer, an ID token from %s is answered %i', async (idTokenIssuer, status) => {
    const legacy = await startGoogle(CLIENT, 0, { idTokenIssuer });
    try {
      const { issuer: _issuer, authorizeEndpoint, ...endpoints } = legacy.endpoints;
      const handler = handlerFor('google', { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, ...endpoints });
      const { code, verifier } = await pkceCode(authorizeEndpoint, { scope });
      expect((await post(handler, 'google', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier })).status).toBe(status);
    } finally {
      await legacy.close();
    }
  });
});
