// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildAuthorizeRequest } from '../../src/core/authorize-url.js';
import type { LoginConfig, ProviderProfile } from '../../src/core/types.js';
import { bbaton, belladati, bitbadges, oauth, upbond } from '../../src/providers/index.js';

const secrets = { state: 'STATE123', codeChallenge: 'CHALLENGE' };
const config = (profile: ProviderProfile, extra: Partial<LoginConfig> = {}): LoginConfig => ({
  provider: profile.name,
  profile,
  clientId: 'JDJhJDA0+abc/def=',
  redirectUri: 'https://app.example/callback.html',
  ...extra,
});
const entries = (url: URL) => [...url.searchParams.entries()];

describe('authorize URLs, parameter by parameter', () => {
  it('BBaton: documented endpoint, response_type=code, scope=read_profile, no PKCE', () => {
    const { url, method } = buildAuthorizeRequest(config(bbaton), { state: 'STATE123' });
    expect(method).toBe('get');
    expect(url.origin + url.pathname).toBe('https://bauth.bbaton.com/oauth/authorize');
    expect(entries(url)).toEqual([
      ['client_id', 'JDJhJDA0+abc/def='],
      ['redirect_uri', 'https://app.example/callback.html'],
      ['response_type', 'code'],
      ['scope', 'read_profile'],
      ['state', 'STATE123'],
    ]);
    // `+ / =` in client ids must survive the query encoding.
    expect(url.search).toContain('client_id=JDJhJDA0%2Babc%2Fdef%3D');
  });

  it('BellaDati: GET request:new with upper-case CODE on the default base', () => {
    const { url, method } = buildAuthorizeRequest(config(belladati), { state: 'STATE123' });
    expect(method).toBe('get');
    expect(url.origin + url.pathname).toBe('https://service.belladati.com/auth/oauth/request:new');
    expect(entries(url)).toEqual([
      ['client_id', 'JDJhJDA0+abc/def='],
      ['redirect_uri', 'https://app.example/callback.html'],
      ['response_type', 'CODE'],
      ['state', 'STATE123'],
    ]);
  });

  it('BellaDati: self-hosted base URL and POST to /auth/oauth/request', () => {
    const extras = { 'base-url': 'https://bi.corp.example/belladati/', 'authorize-method': 'post' };
    const { url, method } = buildAuthorizeRequest(config(belladati, { extras }), { state: 'S' });
    expect(method).toBe('post');
    expect(url.origin + url.pathname).toBe('https://bi.corp.example/belladati/auth/oauth/request');
    expect(url.searchParams.get('response_type')).toBe('CODE');
    const get = buildAuthorizeRequest(config(belladati, { extras: { 'base-url': 'http://localhost:8080' } }), { state: 'S' });
    expect(get.url.href.split('?')[0]).toBe('http://localhost:8080/auth/oauth/request:new');
  });

  it('UPBOND: audience, OIDC scope and PKCE S256', () => {
    const { url } = buildAuthorizeRequest(config(upbond, { extras: { audience: 'https://api.example' } }), secrets);
    expect(url.origin + url.pathname).toBe('https://auth3.upbond.io/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'JDJhJDA0+abc/def=',
      redirect_uri: 'https://app.example/callback.html',
      response_type: 'code',
      scope: 'openid profile email',
      state: 'STATE123',
      code_challenge: 'CHALLENGE',
      code_challenge_method: 'S256',
      audience: 'https://api.example',
    });
  });

  it('BitBadges: comma-separated scope labels kept as one value, no default scope', () => {
    const none = buildAuthorizeRequest(config(bitbadges), { state: 'S' });
    expect(none.url.origin + none.url.pathname).toBe('https://bitbadges.io/oauth');
    expect(none.url.searchParams.has('scope')).toBe(false);
    const { url } = buildAuthorizeRequest(config(bitbadges, { scope: 'Create Address Lists,Complete Claims' }), { state: 'S' });
    expect(url.searchParams.get('scope')).toBe('Create Address Lists,Complete Claims');
  });

  it('generic oauth: the page-given endpoint, scope, PKCE and extra params', () => {
    const { url } = buildAuthorizeRequest(
      config(oauth, { authorizeEndpoint: 'https://id.example/auth?tenant=x', scope: 'openid email', params: { prompt: 'login' } }),
      secrets,
    );
    expect(url.origin + url.pathname).toBe('https://id.example/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 'x',
      client_id: 'JDJhJDA0+abc/def=',
      redirect_uri: 'https://app.example/callback.html',
      response_type: 'code',
      scope: 'openid email',
      state: 'STATE123',
      code_challenge: 'CHALLENGE',
      code_challenge_method: 'S256',
      prompt: 'login',
    });
  });

  it('an authorize-endpoint override wins over the provider default', () => {
    const { url } = buildAuthorizeRequest(config(bbaton, { authorizeEndpoint: 'http://127.0.0.1:9999/oauth/authorize' }), { state: 'S' });
    expect(url.href.split('?')[0]).toBe('http://127.0.0.1:9999/oauth/authorize');
  });
});
