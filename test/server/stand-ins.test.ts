import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CODE_TTL_MS, GrantStore } from '../../demo/stand-ins/grants.js';
import { startUpbond } from '../../demo/stand-ins/upbond.js';
import { authorize, pkcePair } from '../support/authorize.js';
import { REDIRECT_URI } from '../support/exchange.js';

// What the stand-ins reject beyond the dialect tests: expired codes, foreign clients, wrong client auth.
describe('GrantStore', () => {
  afterEach(() => vi.useRealTimers());
  const grant = { clientId: 'c', redirectUri: REDIRECT_URI, scope: '', extra: {} };

  it('codes expire after CODE_TTL_MS', () => {
    vi.useFakeTimers();
    const store = new GrantStore();
    const code = store.issue(grant);
    vi.setSystemTime(Date.now() + CODE_TTL_MS + 1);
    expect(store.redeem(code, 'c', REDIRECT_URI, null)).toMatchObject({ error: 'invalid_grant' });
  });

  it('a code issued to another client is refused, and is spent by the attempt', () => {
    const store = new GrantStore();
    const code = store.issue(grant);
    expect(store.redeem(code, 'other', REDIRECT_URI, null)).toMatchObject({ error: 'invalid_grant' });
    expect(store.redeem(code, 'c', REDIRECT_URI, null)).toMatchObject({ error: 'invalid_grant' });
  });

  it('a PKCE grant needs the matching verifier', () => {
    const store = new GrantStore();
    const { verifier, challenge } = pkcePair();
    expect(store.redeem(store.issue({ ...grant, codeChallenge: challenge }), 'c', REDIRECT_URI, null)).toMatchObject({ error: 'invalid_grant' });
    expect(store.redeem(store.issue({ ...grant, codeChallenge: challenge }), 'c', REDIRECT_URI, verifier)).toMatchObject({ clientId: 'c' });
  });
});

describe('UPBOND stand-in client authentication', () => {
  const client = { clientId: 'up', clientSecret: 'up-secret', redirectUris: [REDIRECT_URI] };
  let up: Awaited<ReturnType<typeof startUpbond>>;
  beforeAll(async () => void (up = await startUpbond(client)));
  afterAll(() => up.close());

  it('refuses Basic authentication: client_secret_post only', async () => {
    const { verifier, challenge } = pkcePair();
    const url = new URL(up.endpoints.authorizeEndpoint);
    url.search = new URLSearchParams({ client_id: 'up', redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid', state: 's', code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    const code = (await authorize(url.href, REDIRECT_URI)).get('code')!;
    const res = await fetch(up.endpoints.tokenEndpoint, {
      method: 'POST',
      headers: { authorization: 'Basic ' + btoa('up:up-secret'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }),
    });
    expect(res.status).toBe(401);
  });
});
