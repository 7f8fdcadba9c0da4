import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_USER, startGithub } from '../../demo/stand-ins/github.js';
import { refresh, revoke } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { callback, CLIENT, handlerFor, pkceCode, post, REDIRECT_URI } from '../support/providers.js';

describe('github: server dialect against its stand-in', () => {
  let github: Awaited<ReturnType<typeof startGithub>>;
  let config: { clientId: string; clientSecret: string } & Record<string, string>;
  beforeAll(async () => {
    github = await startGithub(CLIENT, 0, { expiring: true });
    const { authorizeEndpoint: _a, ...endpoints } = github.endpoints;
    config = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, ...endpoints };
  });
  afterAll(() => github.close());
  const code = async (scope = 'read:user user:email') => (await callback(github.endpoints.authorizeEndpoint, { scope })).get('code')!;

  it('logs in: the user from /user, the email the primary verified one of /user/emails', async () => {
    const { code: pkce, verifier } = await pkceCode(github.endpoints.authorizeEndpoint, { scope: 'read:user user:email' });
    const res = await post(handlerFor('github', config), 'github', { code: pkce, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      provider: 'github',
      user: { id: String(GITHUB_USER.id), login: GITHUB_USER.login, name: GITHUB_USER.name, picture: GITHUB_USER.avatar_url, email: 'seoyeon@example.com', emailVerified: true },
    });
    assertMatchesSpec('POST', 200, res.json, '/auth/{provider}');
  });

  it('without the user:email scope the user has no email', async () => {
    const res = await post(handlerFor('github', config), 'github', { code: await code('read:user'), redirectUri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect((res.json as { user: Record<string, unknown> }).user).not.toHaveProperty('email');
  });

  it('the token endpoint answers JSON only when asked (the dialect asks)', async () => {
    const res = await fetch(github.endpoints.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, code: await code(), redirect_uri: REDIRECT_URI }),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(await res.text()).get('access_token')).toMatch(/^gho_/);
  });

  it.each([
    ['a reused code (bad_verification_code)', 'invalid_grant', 'reuse'],
    ['a wrong secret (incorrect_client_credentials)', 'invalid_client', 'secret'],
    ['another redirect URI (redirect_uri_mismatch)', 'invalid_grant', 'redirect'],
    ['a wrong PKCE verifier', 'invalid_grant', 'pkce'],
  ])('answers %s, sent with 200, as 400 %s', async (_what, error, kind) => {
    let body: Record<string, string> = { code: await code(), redirectUri: REDIRECT_URI };
    let handler = handlerFor('github', config);
    if (kind === 'reuse') expect((await post(handler, 'github', body)).status).toBe(200);
    if (kind === 'secret') handler = handlerFor('github', { ...config, clientSecret: 'wrong' });
    if (kind === 'redirect') body.redirectUri = 'https://app.example/other.html';
    if (kind === 'pkce') {
      const first = await pkceCode(github.endpoints.authorizeEndpoint);
      body = { code: first.code, redirectUri: REDIRECT_URI, codeVerifier: (await pkceCode(github.endpoints.authorizeEndpoint)).verifier };
    }
    expect(await post(handler, 'github', body)).toMatchObject({ status: 400, json: { error } });
  });

  it('refreshes expiring tokens (GitHub Apps) and revokes with DELETE /applications/{client_id}/token', async () => {
    const res = await post(handlerFor('github', config), 'github', { code: await code(), redirectUri: REDIRECT_URI });
    const tokens = (res.json as { tokens: { access_token: string; refresh_token: string; expires_in: number } }).tokens;
    expect(tokens.expires_in).toBe(28_800);
    const next = await refresh('github', config, tokens.refresh_token);
    await expect(refresh('github', config, tokens.refresh_token)).rejects.toMatchObject({ status: 400, error: 'invalid_grant' });
    expect(github.live(next.access_token)).toBe(true);
    await revoke('github', config, next.access_token);
    expect(github.live(next.access_token)).toBe(false);
    await expect(revoke('github', config, next.access_token)).resolves.toBeUndefined();
    await expect(revoke('github', { ...config, clientSecret: 'wrong' }, tokens.access_token)).rejects.toMatchObject({ status: 400, error: 'invalid_client' });
  });

  it.each([
    ['an array', [GITHUB_USER]],
    ['no id', { ...GITHUB_USER, id: undefined }],
    ['an object id', { ...GITHUB_USER, id: { n: 1 } }],
  ])('a /user answering %s is a 502', async (_what, user) => {
    const hostile = await startGithub(CLIENT, 0, { user });
    try {
      const { authorizeEndpoint, ...endpoints } = hostile.endpoints;
      const c = (await callback(authorizeEndpoint, { scope: 'read:user' })).get('code')!;
      expect(await post(handlerFor('github', { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, ...endpoints }), 'github', { code: c, redirectUri: REDIRECT_URI })).toMatchObject({
        status: 502,
        json: { error: 'invalid_provider_response' },
      });
    } finally {
      await hostile.close();
    }
  });
});
