import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAVER_USER, startNaver } from '../../demo/stand-ins/naver.js';
import { refresh, revoke } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { callback, CLIENT, handlerFor, post, REDIRECT_URI } from '../support/providers.js';

const secrets = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };

describe('naver: server dialect against its stand-in', () => {
  let naver: Awaited<ReturnType<typeof startNaver>>;
  let config: typeof secrets & Record<string, string>;
  beforeAll(async () => {
    naver = await startNaver(CLIENT);
    const { authorizeEndpoint: _a, ...endpoints } = naver.endpoints;
    config = { ...secrets, ...endpoints };
  });
  afterAll(() => naver.close());
  const code = async (state = 'state-1') => (await callback(naver.endpoints.authorizeEndpoint, { state })).get('code')!;

  it('logs in with the state in the token request: the user from /v1/nid/me', async () => {
    const res = await post(handlerFor('naver', config), 'naver', { code: await code('naver-state'), redirectUri: REDIRECT_URI, state: 'naver-state' });
    expect(res).toMatchObject({
      status: 200,
      json: { provider: 'naver', user: { id: NAVER_USER.id, name: NAVER_USER.name, nickname: NAVER_USER.nickname, email: NAVER_USER.email, picture: NAVER_USER.profile_image } },
    });
    // expires_in arrives as a string ("3600"): normalised to a number.
    expect((res.json as { tokens: { expires_in: unknown } }).tokens.expires_in).toBe(3600);
    assertMatchesSpec('POST', 200, res.json, '/auth/{provider}');
  });

  it('without a state in the exchange body: 400 invalid_request, the code untouched', async () => {
    const handler = handlerFor('naver', config);
    const fresh = await code();
    expect(await post(handler, 'naver', { code: fresh, redirectUri: REDIRECT_URI })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect((await post(handler, 'naver', { code: fresh, redirectUri: REDIRECT_URI, state: 'state-1' })).status).toBe(200);
    expect(await post(handler, 'naver', { code: fresh, redirectUri: REDIRECT_URI, state: 7 })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });

  it.each([
    ['a reused code', 'reuse'],
    ['another state than the authorize request\'s', 'state'],
    ['a wrong secret', 'secret'],
  ])('answers %s (Naver: 200 with {error}) as 400 with its code', async (_what, kind) => {
    const handler = handlerFor('naver', kind === 'secret' ? { ...config, clientSecret: 'wrong' } : config);
    const body = { code: await code(), redirectUri: REDIRECT_URI, state: kind === 'state' ? 'forged' : 'state-1' };
    if (kind === 'reuse') expect((await post(handler, 'naver', body)).status).toBe(200);
    expect(await post(handler, 'naver', body)).toMatchObject({ status: 400, json: { error: kind === 'secret' ? 'invalid_client' : 'invalid_request' } });
  });

  it('refreshes, and revokes with grant_type=delete', async () => {
    const res = await post(handlerFor('naver', config), 'naver', { code: await code(), redirectUri: REDIRECT_URI, state: 'state-1' });
    const { refresh_token } = (res.json as { tokens: { refresh_token: string } }).tokens;
    const next = await refresh('naver', config, refresh_token);
    expect(next.expires_in).toBe(3600);
    expect(naver.live(next.access_token)).toBe(true);
    await revoke('naver', config, next.access_token);
    expect(naver.live(next.access_token)).toBe(false);
  });

  it('a resultcode other than 00 from /v1/nid/me is a 502', async () => {
    const broken = await startNaver(CLIENT, 0, { meResultcode: '028' });
    try {
      const { authorizeEndpoint, ...endpoints } = broken.endpoints;
      const c = (await callback(authorizeEndpoint)).get('code')!;
      expect(await post(handlerFor('naver', { ...secrets, ...endpoints }), 'naver', { code: c, redirectUri: REDIRECT_URI, state: 'state-1' })).toMatchObject({
        status: 502,
        json: { error: 'invalid_provider_response' },
      });
    } finally {
      await broken.close();
    }
  });
});
