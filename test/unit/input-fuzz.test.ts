// @vitest-environment happy-dom
// Property tests of what hostile markup and hostile providers can hand the browser side: the callback
// URL parser and the attribute checks (contract §2, §3).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OAUTH_PARAMS, readCallbackUrl } from '../../src/core/callback-url.js';
import { usesPkce } from '../../src/core/settings.js';
import { configProblem, safeUrl } from '../../src/core/config-check.js';
import { CALLBACK_PARAMS, MESSAGE_TYPE } from '../../src/contract/messages.js';
import type { LoginConfig } from '../../src/core/types.js';
import { oauth } from '../../src/providers/index.js';

const key = fc.oneof(fc.constantFrom(...OAUTH_PARAMS, 'keep', 'lang', 'x'), fc.string({ maxLength: 8 }));
const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('javascript:alert(1)', '%00', '&&', '#', '=', 'a b'));
const pairs = fc.array(fc.tuple(key, value), { maxLength: 8 });
const query = (entries: [string, string][]) => new URLSearchParams(entries).toString();

describe('readCallbackUrl (fuzzed)', () => {
  it('leaves no OAuth parameter in query or fragment, keeps every other query parameter, reads only string fields', () => {
    fc.assert(
      fc.property(pairs, pairs, fc.boolean(), (inQuery, inFragment, routeFragment) => {
        const fragment = routeFragment ? '/route/' + query(inFragment) : query(inFragment);
        const href = `https://app.example/cb.html?${query(inQuery)}#${fragment}`;
        const { message, cleaned } = readCallbackUrl(href);
        const url = new URL(cleaned);
        for (const k of OAUTH_PARAMS) expect(url.searchParams.has(k)).toBe(false);
        const hashParams = new URLSearchParams(url.hash.slice(1));
        if (!routeFragment) for (const k of OAUTH_PARAMS) expect(hashParams.has(k)).toBe(false);
        const kept = new URLSearchParams(inQuery.filter(([k]) => !OAUTH_PARAMS.includes(k)));
        expect([...url.searchParams]).toEqual([...kept]);
        expect(url.origin + url.pathname).toBe('https://app.example/cb.html');

        expect(message.type).toBe(MESSAGE_TYPE);
        const source = new URLSearchParams(inQuery).has('state') ? new URLSearchParams(inQuery) : new URLSearchParams(fragment);
        for (const k of CALLBACK_PARAMS) expect((message as unknown as Record<string, unknown>)[k]).toBe(source.get(k) ?? undefined);
        expect(Object.keys(message).every((k) => k == 'type' || (CALLBACK_PARAMS as readonly string[]).includes(k))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('an answer in the query also clears a token-bearing fragment', () => {
    const { message, cleaned } = readCallbackUrl('https://app.example/cb?code=c&state=s#code=c2&access_token=T&id_token=I');
    expect(message).toEqual({ type: MESSAGE_TYPE, code: 'c', state: 's' });
    expect(cleaned).toBe('https://app.example/cb');
  });
});

const base: LoginConfig = { provider: 'corp', profile: oauth, clientId: 'id', redirectUri: '/cb.html', authorizeEndpoint: 'https://idp.example/authorize' };
const url = fc.oneof(
  fc.webUrl({ validSchemes: ['https', 'http'] }),
  fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'blob:https://a.example/x', 'vbscript:x', 'file:///etc/passwd', '//evil.example/x', '/relative', 'http://localhost:5173/cb', 'http://127.0.0.1/cb', 'http://[::1]/cb', 'http://localhost.evil.example/cb'),
  fc.string({ maxLength: 30 }),
);

describe('configProblem (fuzzed)', () => {
  it('accepts a URL attribute only when it resolves to https:, or http: on loopback — and then names nothing', () => {
    fc.assert(
      fc.property(url, fc.constantFrom('redirectUri', 'authorizeEndpoint', 'exchangeEndpoint'), (value, field) => {
        const problem = configProblem({ ...base, [field]: value });
        const resolved = safeUrl(value);
        if (problem) {
          if (value) expect(problem).toMatch(/redirect-uri|authorize-endpoint|exchange-endpoint/);
        } else if (value) {
          expect(resolved).toBeDefined();
          expect(resolved!.protocol == 'https:' || (resolved!.protocol == 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(resolved!.hostname))).toBe(true);
        }
        if (value && !resolved) expect(problem).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts a timeout only when it is a non-negative whole number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.constant(Infinity)), (timeout) => {
        const problem = configProblem({ ...base, timeout });
        expect(problem === undefined).toBe(Number.isInteger(timeout) && timeout >= 0);
        if (problem) expect(problem).toContain('timeout');
      }),
    );
  });

  it('refuses params that would replace what the flow sets, and only those', () => {
    const reserved = ['client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope'];
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...reserved), fc.string({ maxLength: 10 })), fc.string({ maxLength: 10 })), (params) => {
        const problem = configProblem({ ...base, params });
        const clash = Object.keys(params).find((k) => reserved.includes(k));
        expect(problem === undefined).toBe(!clash);
        if (clash) expect(problem).toContain(`params may not set ${clash}`);
      }),
    );
  });

  it('names the attribute: base-url and mode', () => {
    expect(configProblem({ ...base, extras: { 'base-url': 'javascript:x' } })).toContain('base-url');
    expect(configProblem({ ...base, mode: 'window' as LoginConfig['mode'] })).toContain('mode');
  });

  it('pkce: only an explicit "off" turns PKCE off (S256 or a typo never downgrades)', () => {
    for (const pkce of ['S256', 's256', 'on', 'sha256'] as LoginConfig['pkce'][]) expect(usesPkce({ ...base, pkce })).toBe(true);
    expect(usesPkce({ ...base, pkce: 'off' })).toBe(false);
    expect(usesPkce({ ...base, pkce: 'OFF' as LoginConfig['pkce'] })).toBe(false);
  });
});
