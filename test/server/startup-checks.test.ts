// Mistakes named when they are made (SPEC §7): URL-valued options checked at createLoginHandler, each
// TypeError naming the option, the value and the fix; refusals on console.warn outside production.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginHandler, type LoginHandlerOptions, type ProviderConfig } from '../../src/server/index.js';
import { APP, post, REDIRECT_URI } from '../support/exchange.js';

const bbaton: ProviderConfig = { clientId: 'id', clientSecret: 'secret' };
const create = (options: Partial<LoginHandlerOptions>) => () => createLoginHandler({ allowedOrigins: [APP], providers: { bbaton }, ...options });
const withProvider = (config: Record<string, unknown>) => create({ providers: { corp: { type: 'oauth', clientId: 'c', clientSecret: 's', issuer: 'https://op.example', ...config } as ProviderConfig } });

describe('allowedOrigins entries must be bare origins', () => {
  it.each([
    ['localhost:3001', 'http://localhost:3001'],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['app.example', 'https://app.example'],
    ['https://app.example/login', 'https://app.example'],
    ['https://app.example?x=1', 'https://app.example'],
    ['http://localhost:3001/callback.html', 'http://localhost:3001'],
  ])('%j → a TypeError naming the option, the value and the fix %j', (value, fix) => {
    expect(create({ allowedOrigins: [APP, value] })).toThrow(
      new TypeError(`login-elements: allowedOrigins[1] must be a bare origin, scheme://host[:port] (e.g. "https://app.example"), got ${JSON.stringify(value)}: write ${JSON.stringify(fix)}`),
    );
  });

  it('no fix where none can be guessed: a wildcard, a path, another scheme', () => {
    for (const value of ['*', '/app', 'ftp://files.example'])
      expect(create({ allowedOrigins: [value] })).toThrow(new TypeError(`login-elements: allowedOrigins[0] must be a bare origin, scheme://host[:port] (e.g. "https://app.example"), got ${JSON.stringify(value)}`));
  });

  it('an origin with a trailing slash or a default port is the origin', async () => {
    const handler = createLoginHandler({ allowedOrigins: ['https://app.example:443/', 'HTTP://LOCALHOST:3001'], providers: { bbaton }, log: () => {} });
    const answer = await handler(new Request('https://app.example/auth/providers', { headers: { origin: 'http://localhost:3001' } }));
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
    expect((await handler(new Request('https://app.example/auth/providers', { headers: { origin: APP } }))).headers.get('access-control-allow-origin')).toBe(APP);
  });
});

describe('redirectUris and the providers’ URLs', () => {
  it('redirectUris: absolute, no fragment', () => {
    expect(create({ redirectUris: ['/callback.html'] })).toThrow(new TypeError('login-elements: redirectUris[0] must be an absolute http(s) URL without a #fragment, got "/callback.html"'));
    expect(create({ redirectUris: [REDIRECT_URI, 'app.example/cb'] })).toThrow('redirectUris[1] must be an absolute http(s) URL without a #fragment, got "app.example/cb": write "https://app.example/cb"');
    expect(create({ redirectUris: ['https://app.example/cb#done'] })).toThrow('got "https://app.example/cb#done": write "https://app.example/cb"');
  });

  it.each([
    ['issuer', 'localhost:8080', 'http://localhost:8080'],
    ['tokenEndpoint', 'op.example/token', 'https://op.example/token'],
    ['authorizeEndpoint', 'op.example/authorize', 'https://op.example/authorize'],
    ['userinfoEndpoint', 'op.example/me', 'https://op.example/me'],
    ['revocationEndpoint', 'op.example/revoke', 'https://op.example/revoke'],
    ['endSessionEndpoint', 'op.example/logout', 'https://op.example/logout'],
    ['redirectUri', 'app.example/auth/callback', 'https://app.example/auth/callback'],
  ])('providers.corp.%s %j → the fix %j', (field, value, fix) => {
    expect(withProvider({ [field]: value })).toThrow(new TypeError(`login-elements: providers.corp.${field} must be an absolute http(s) URL${field == 'redirectUri' ? ' without a #fragment' : ''}, got ${JSON.stringify(value)}: write ${JSON.stringify(fix)}`));
  });

  it('baseUrl, params, pkce, authorizeMethod', () => {
    expect(create({ providers: { belladati: { ...bbaton, baseUrl: 'bi.example' } } })).toThrow('providers.belladati.baseUrl must be an absolute http(s) URL, got "bi.example": write "https://bi.example"');
    expect(create({ providers: { belladati: { ...bbaton, authorizeMethod: 'put' as 'post' } } })).toThrow(`providers.belladati.authorizeMethod must be 'get' or 'post', got "put"`);
    expect(withProvider({ params: { scope: 'openid' } })).toThrow('providers.corp.params must be free of the parameters the flow sets');
    expect(withProvider({ params: { prompt: 1 } })).toThrow('providers.corp.params.prompt must be a string, got 1');
    expect(withProvider({ pkce: 'plain' })).toThrow(`providers.corp.pkce must be 's256' or 'off', got "plain"`);
  });
});

describe('refusals on console.warn without log, outside production', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
    vi.restoreAllMocks();
  });
  const refusals = async (options: Partial<LoginHandlerOptions> = {}) => {
    const handler = createLoginHandler({ allowedOrigins: [APP], redirectUris: [REDIRECT_URI], providers: { bbaton }, ...options });
    await post(handler, 'bbaton', { code: 'c', redirectUri: REDIRECT_URI }, { origin: 'https://evil.example' });
    await post(handler, 'bbaton', { code: 'c', redirectUri: 'https://app.example/other.html' });
    await post(handler, 'corp', { code: 'c', redirectUri: REDIRECT_URI });
  };

  it('each line names the refused origin, redirect URI or provider key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    process.env.NODE_ENV = 'development';
    await refusals();
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'login-elements: POST /auth/bbaton → 403 forbidden_origin: origin https://evil.example is not in allowedOrigins (https://app.example)',
      'login-elements: POST /auth/bbaton → 400 invalid_request: redirectUri https://app.example/other.html is not in redirectUris',
      'login-elements: POST /auth/corp → 404 unknown_provider: no provider is configured as "corp" (configured: bbaton)',
    ]);
  });

  it('silent in production, and where a log is given it gets the lines instead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    process.env.NODE_ENV = 'production';
    await refusals();
    process.env.NODE_ENV = 'development';
    const lines: string[] = [];
    await refusals({ log: (line) => lines.push(line) });
    expect(warn).not.toHaveBeenCalled();
    expect(lines).toHaveLength(3);
  });
});
