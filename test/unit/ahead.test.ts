// @vitest-environment happy-dom
// A click readied ahead (warm.ts, docs/decisions.md 22): the popup opens straight at the provider.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLogin } from '../../src/core/flow.js';
import { MESSAGE_TYPE } from '../../src/contract/messages.js';
import { pkceChallenge } from '../../src/core/random.js';
import type { LoginCodeDetail, LoginConfig } from '../../src/core/types.js';
import { takeReadied, warmCallback, whenReadied } from '../../src/core/warm.js';
import { oauth } from '../../src/providers/index.js';
import { openAs } from '../support/open-as.js';

const config: LoginConfig = {
  provider: 'corp',
  profile: oauth,
  clientId: 'id',
  redirectUri: 'https://app.example/cb.html',
  authorizeEndpoint: 'https://idp.example/authorize',
  mode: 'popup',
};
const popup = () => ({ closed: false, close: vi.fn(), focus: vi.fn(), location: { href: 'about:blank' } });
const answer = (state: string | null) =>
  window.dispatchEvent(new MessageEvent('message', { origin: 'https://app.example', data: { type: MESSAGE_TYPE, state, code: 'c' } }));

afterEach(() => {
  vi.restoreAllMocks();
  takeReadied();
});

describe('a click readied ahead', () => {
  it('opens the popup at the authorize URL itself, with the made-ahead PKCE pair, and never navigates it again', async () => {
    warmCallback(config.redirectUri);
    await whenReadied();
    const window_ = popup();
    const open = openAs(window_);
    const flow = startLogin(config, new EventTarget());
    expect(open).toHaveBeenCalledTimes(1);
    const url = new URL(String(open.mock.calls[0]![0]));
    expect(url.origin + url.pathname).toBe('https://idp.example/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    answer(url.searchParams.get('state'));
    const detail = (await flow.promise) as LoginCodeDetail;
    // The verifier that reaches the page is the one the challenge in the URL was made from.
    expect(url.searchParams.get('code_challenge')).toBe(await pkceChallenge(detail.codeVerifier!));
    expect(window_.location.href).toBe(url.href);
  });

  it('each made-ahead pair serves one flow: the click readies the next, with other secrets', async () => {
    warmCallback(config.redirectUri);
    await whenReadied();
    const open = openAs(popup());
    startLogin(config, new EventTarget()).cancel();
    // The click took the set and readied the next one.
    expect(takeReadied()).toBeUndefined();
    await whenReadied();
    startLogin(config, new EventTarget()).cancel();
    expect(takeReadied()).toBeUndefined();
    // Both opened straight at the provider, each with its own state and challenge.
    const [a, b] = open.mock.calls.map(([url]) => new URL(String(url)).searchParams);
    expect(a!.get('state')).not.toBe(b!.get('state'));
    expect(a!.get('code_challenge')).toBeTruthy();
    expect(b!.get('code_challenge')).toBeTruthy();
    expect(a!.get('code_challenge')).not.toBe(b!.get('code_challenge'));
  });

  it('not readied (the first click before the page warmed up): a blank popup, navigated once the challenge is made', async () => {
    const window_ = popup();
    const open = openAs(window_);
    const flow = startLogin(config, new EventTarget());
    expect(open.mock.calls[0]![0]).toBe('');
    await vi.waitFor(() => expect(window_.location.href).toContain('state='));
    answer(new URL(window_.location.href).searchParams.get('state'));
    await expect(flow.promise).resolves.toMatchObject({ code: 'c', mode: 'popup' });
  });
});
