import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_USER, startLine } from '../../demo/stand-ins/line.js';
import { refresh, revoke } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { callback, CLIENT, handlerFor, pkceCode, post, REDIRECT_URI } from '../support/providers.js';

const secrets = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
const scope = 'openid profile email';

describe('line: server dialect against its stand-in', () => {
  let line: Awaited<ReturnType<typeof startLine>>;
  let config: typeof secrets & Record<string, string>;
  beforeAll(async () => {
    line = await startLine(CLIENT);
    const { authorizeEndpoint: _a, ...endpoints } = line.endpoints;
    config = { ...secrets, ...endpoints };
  });
  afterAll(() => line.close());

  it('logs in with PKCE: the HS256 ID token (email lives only there) merged with userinfo', async () => {
    const { code, verifier } = await pkceCode(line.endpoints.authorizeEndpoint, { scope });
    const res = await post(handlerFor('line', config), 'line', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    expect(res).toMatchObject({ status: 200, json: { provider: 'line', user: { id: LINE_USER.sub, name: LINE_USER.name, picture: LINE_USER.picture, email: LINE_USER.email } } });
    assertMatchesSpec('POST', 200, res.json, '/auth/{provider}');
  });

  it('with issuer alone: discovery lists ES256, the HS256 ID token is still taken', async () => {
    const { code, verifier } = await pkceCode(line.endpoints.authorizeEndpoint, { scope });
    const res = await post(handlerFor('line', { ...secrets, issuer: line.endpoints.issuer }), 'line', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    expect(res).toMatchObject({ status: 200, json: { user: { id: LINE_USER.sub } } });
  });

  it('refreshes, and revokes with access_token (not RFC 7009\'s token)', async () => {
    const { code, verifier } = await pkceCode(line.endpoints.authorizeEndpoint, { scope });
    const res = await post(handlerFor('line', config), 'line', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier });
    const { refresh_token } = (res.json as { tokens: { refresh_token: string } }).tokens;
    const next = await refresh('line', config, refresh_token);
    expect(line.live(next.access_token)).toBe(true);
    await revoke('line', config, next.access_token);
    expect(line.live(next.access_token)).toBe(false);
    await expect(revoke('line', { ...config, clientSecret: 'wrong' }, next.access_token)).rejects.toMatchObject({ status: 400, error: 'invalid_client' });
  });

  it.each([
    ['a reused code', 'invalid_grant', 'reuse'],
    ['a wrong secret', 'invalid_client', 'secret'],
    ['another redirect URI', 'invalid_grant', 'redirect'],
    ['a missing PKCE verifier', 'invalid_request', 'missing'],
    ['a wrong PKCE verifier', 'invalid_grant', 'wrong'],
  ])('answers %s with 400 %s', async (_what, error, kind) => {
    const handler = handlerFor('line', kind === 'secret' ? { ...config, clientSecret: 'wrong' } : config);
    const { code, verifier } = await pkceCode(line.endpoints.authorizeEndpoint, { scope });
    const body: Record<string, string> = { code, redirectUri: kind === 'redirect' ? 'https://app.example/other.html' : REDIRECT_URI, codeVerifier: verifier };
    if (kind === 'missing') delete body.codeVerifier;
    if (kind === 'wrong') body.codeVerifier = (await pkceCode(line.endpoints.authorizeEndpoint, { scope })).verifier;
    if (kind === 'reuse') expect((await post(handler, 'line', body)).status).toBe(200);
    expect(await post(handler, 'line', body)).toMatchObject({ status: 400, json: { error } });
  });

  it('the stand-in refuses an authorize request without state or scope, as LINE does', async () => {
    await expect(callback(line.endpoints.authorizeEndpoint, { scope: '' })).rejects.toThrow(/400/);
  });
});
