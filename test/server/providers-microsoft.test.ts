import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMERS_TENANT } from '../../src/server/dialects/microsoft.js';
import { MICROSOFT_TENANT, MICROSOFT_USER, startMicrosoft } from '../../demo/stand-ins/microsoft.js';
import { createProviderClient, refresh } from '../../src/server/index.js';
import { assertMatchesSpec } from '../support/openapi.js';
import { CLIENT, handlerFor, pkceCode, post, REDIRECT_URI } from '../support/providers.js';

const secrets = { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
const scope = 'openid profile email offline_access';

describe('microsoft: server dialect against its stand-in', () => {
  let ms: Awaited<ReturnType<typeof startMicrosoft>>;
  beforeAll(async () => void (ms = await startMicrosoft(CLIENT)));
  afterAll(() => ms.close());

  const login = async (tenant: string, config = { ...secrets, ...ms.configFor(tenant) }) => {
    const { code, verifier } = await pkceCode(ms.authorizeEndpoint(tenant), { scope });
    return post(handlerFor('microsoft', config), 'microsoft', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier });
  };

  it.each(['common', 'organizations'])('tenant %s: the {tenantid} issuer filled with the token\'s tid', async (tenant) => {
    const res = await login(tenant);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      provider: 'microsoft',
      user: { id: MICROSOFT_USER.sub, name: MICROSOFT_USER.name, email: MICROSOFT_USER.email, oid: MICROSOFT_USER.oid, tid: MICROSOFT_TENANT, preferredUsername: MICROSOFT_USER.preferred_username },
    });
    // Entra does not verify `email`: no emailVerified.
    expect((res.json as { user: object }).user).not.toHaveProperty('emailVerified');
    assertMatchesSpec('POST', 200, res.json, '/auth/{provider}');
  });

  it('a tenant id: its concrete issuer, found by discovery from the issuer alone', async () => {
    const issuer = `${ms.url}/${MICROSOFT_TENANT}/v2.0`;
    const client = createProviderClient('microsoft', { ...secrets, tenant: MICROSOFT_TENANT, issuer });
    expect(await client.metadata()).toMatchObject({ issuer, token_endpoint: `${ms.url}/${MICROSOFT_TENANT}/oauth2/v2.0/token`, end_session_endpoint: `${ms.url}/${MICROSOFT_TENANT}/oauth2/v2.0/logout` });
    expect((await login(MICROSOFT_TENANT, { ...secrets, tenant: MICROSOFT_TENANT, issuer })).status).toBe(200);
  });

  it('refuses an ID token whose issuer names another tenant than its tid (502)', async () => {
    const forged = await startMicrosoft(CLIENT, 0, { issuerTid: '11111111-2222-3333-4444-555555555555' });
    try {
      const { code, verifier } = await pkceCode(forged.authorizeEndpoint('common'), { scope });
      const res = await post(handlerFor('microsoft', { ...secrets, ...forged.configFor('common') }), 'microsoft', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier });
      expect(res).toMatchObject({ status: 502, json: { error: 'invalid_provider_response' } });
    } finally {
      await forged.close();
    }
  });

  it('organizations never takes a personal account; consumers does', async () => {
    const personal = await startMicrosoft(CLIENT, 0, { tid: CONSUMERS_TENANT });
    try {
      const via = async (tenant: string) => {
        const { code, verifier } = await pkceCode(personal.authorizeEndpoint(tenant), { scope });
        return (await post(handlerFor('microsoft', { ...secrets, ...personal.configFor(tenant) }), 'microsoft', { code, redirectUri: REDIRECT_URI, codeVerifier: verifier })).status;
      };
      expect(await via('organizations')).toBe(502);
      expect(await via('common')).toBe(200);
    } finally {
      await personal.close();
    }
  });

  it('refreshes (the refresh token rotates) and publishes its end-session endpoint', async () => {
    const res = await login('common');
    const { refresh_token } = (res.json as { tokens: { refresh_token: string } }).tokens;
    const config = { ...secrets, ...ms.configFor('common') };
    const next = await refresh('microsoft', config, refresh_token);
    expect(next.refresh_token).toBeTruthy();
    await expect(refresh('microsoft', config, refresh_token)).rejects.toMatchObject({ status: 400, error: 'invalid_grant' });
    expect((await createProviderClient('microsoft', config).metadata()).end_session_endpoint).toBe(`${ms.url}/common/oauth2/v2.0/logout`);
    expect(createProviderClient('microsoft', config).revoke).toBeUndefined();
  });

  it.each([
    ['a reused code (AADSTS54005)', 400, 'invalid_grant', 'reuse'],
    ['a wrong secret (AADSTS7000215, 401)', 400, 'invalid_client', 'secret'],
    ['another redirect URI', 400, 'invalid_grant', 'redirect'],
    ['a missing PKCE verifier', 400, 'invalid_grant', 'pkce'],
  ])('answers %s with %i %s', async (_what, status, error, kind) => {
    const config = { ...secrets, ...ms.configFor('common'), ...(kind === 'secret' ? { clientSecret: 'wrong' } : {}) };
    const { code, verifier } = await pkceCode(ms.authorizeEndpoint('common'), { scope });
    const body: Record<string, string> = { code, redirectUri: kind === 'redirect' ? 'https://app.example/other.html' : REDIRECT_URI };
    if (kind !== 'pkce') body.codeVerifier = verifier;
    if (kind === 'reuse') expect((await post(handlerFor('microsoft', config), 'microsoft', body)).status).toBe(200);
    expect(await post(handlerFor('microsoft', config), 'microsoft', body)).toMatchObject({ status, json: { error } });
  });
});
