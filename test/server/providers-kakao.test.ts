import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAKAO_ACCOUNT, KAKAO_ID, startKakao } from '../../demo/stand-ins/kakao.js';
import { refresh, revoke } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { callback, CLIENT, handlerFor, pkceCode, post, REDIRECT_URI } from '../support/providers.js';

const secrets = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
const user = { id: String(KAKAO_ID), name: KAKAO_ACCOUNT.profile.nickname, picture: KAKAO_ACCOUNT.profile.profile_image_url, email: KAKAO_ACCOUNT.email, emailVerified: true };

describe('kakao: server dialect against its stand-in', () => {
  let kakao: Awaited<ReturnType<typeof startKakao>>;
  let config: typeof secrets & Record<string, string>;
  beforeAll(async () => {
    kakao = await startKakao(CLIENT);
    const { authorizeEndpoint: _a, ...endpoints } = kakao.endpoints;
    config = { ...secrets, ...endpoints };
  });
  afterAll(() => kakao.close());
  const code = async (scope = 'openid profile_nickname profile_image account_email') => (await callback(kakao.endpoints.authorizeEndpoint, { scope })).get('code')!;

  it('logs in with OpenID Connect: sub from the ID token, nickname and picture from /v2/user/me', async () => {
    const { code: pkce, verifier } = await pkceCode(kakao.endpoints.authorizeEndpoint, { scope: 'openid profile_nickname profile_image account_email' });
    const res = await post(handlerFor('kakao', config), 'kakao', { code: pkce, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    expect(res).toMatchObject({ status: 200, json: { provider: 'kakao', user } });
    assertMatchesSpec('POST', 200, res.json, '/auth/{provider}');
  });

  it('logs in without openid (plain OAuth): the user from /v2/user/me alone', async () => {
    const res = await post(handlerFor('kakao', config), 'kakao', { code: await code('profile_nickname profile_image'), redirectUri: REDIRECT_URI });
    expect(res).toMatchObject({ status: 200, json: { user } });
  });

  it('with issuer alone, discovery names the OpenID Connect userinfo: the same user', async () => {
    const res = await post(handlerFor('kakao', { ...secrets, issuer: kakao.endpoints.issuer }), 'kakao', { code: await code(), redirectUri: REDIRECT_URI });
    expect(res).toMatchObject({ status: 200, json: { user } });
  });

  it('refreshes, and revokes by logging out (the refresh token ends with the access token)', async () => {
    const res = await post(handlerFor('kakao', config), 'kakao', { code: await code(), redirectUri: REDIRECT_URI });
    const { access_token, refresh_token } = (res.json as { tokens: { access_token: string; refresh_token: string } }).tokens;
    const next = await refresh('kakao', config, refresh_token);
    expect(kakao.live(next.access_token)).toBe(true);
    await revoke('kakao', config, access_token);
    expect(kakao.live(access_token)).toBe(false);
    expect(kakao.live(refresh_token)).toBe(false);
    // -401 for a token Kakao no longer knows: already revoked (RFC 7009 §2.2).
    await expect(revoke('kakao', config, access_token)).resolves.toBeUndefined();
    await expect(refresh('kakao', config, refresh_token)).rejects.toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it.each([
    ['a reused code (KOE320)', 400, 'invalid_grant', 'reuse'],
    ['a wrong secret (KOE010, 401)', 400, 'invalid_client', 'secret'],
    ['another redirect URI (KOE303)', 400, 'invalid_grant', 'redirect'],
    ['a missing PKCE verifier', 400, 'invalid_grant', 'pkce'],
  ])('answers %s with %i %s', async (_what, status, error, kind) => {
    const handler = handlerFor('kakao', kind === 'secret' ? { ...config, clientSecret: 'wrong' } : config);
    const body: Record<string, string> = { code: kind === 'pkce' ? (await pkceCode(kakao.endpoints.authorizeEndpoint)).code : await code(), redirectUri: REDIRECT_URI };
    if (kind === 'redirect') body.redirectUri = 'https://app.example/other.html';
    if (kind === 'reuse') expect((await post(handler, 'kakao', body)).status).toBe(200);
    expect(await post(handler, 'kakao', body)).toMatchObject({ status, json: { error } });
  });

  it('a /v2/user/me that names another user than the ID token is a 502', async () => {
    const other = await startKakao(CLIENT, 0, { meId: 1234 });
    try {
      const { authorizeEndpoint, ...endpoints } = other.endpoints;
      const c = (await callback(authorizeEndpoint, { scope: 'openid profile_nickname' })).get('code')!;
      expect(await post(handlerFor('kakao', { ...secrets, ...endpoints }), 'kakao', { code: c, redirectUri: REDIRECT_URI })).toMatchObject({ status: 502, json: { error: 'invalid_provider_response' } });
    } finally {
      await other.close();
    }
  });
});
