import { expect } from '@esm-bundle/chai';
import { login } from '../../src/index.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import type { LoginErrorDetail, LoginResultDetail } from '../../src/core/types.js';
import { fixture, loginButtonFor, oneEvent, popupsPerTest, realClick, recordEvents, until } from './helpers.js';

// contract §7: `<oauth-login provider="corp" endpoint="…">` and nothing else. The list is served by
// fixtures/endpoint-server.js, one namespace per test (the page asks for each URL once).

type Result = { received: Record<string, string>; authorized: Record<string, string> };
const popups = popupsPerTest();

let count = 0;
/** A fresh endpoint whose name says how its list answers (`gate…`, `fail…`, `drop…`, `broken…`, else at once). */
const endpointFor = (kind: string) => `/fixtures/ep/${kind}-${Date.now()}-${count++}`;
const stats = async (endpoint: string) => (await fetch(`${endpoint}/stats`)).json() as Promise<{ lists: number; exchanges: string[] }>;

/** An element in popup mode configured by its endpoint only. */
const served = (endpoint: string, tag = 'oauth-login', extra: Record<string, string> = {}) =>
  fixture<LoginButton>(tag, { endpoint, mode: 'popup', ...(tag == 'oauth-login' ? { provider: 'corp' } : {}), ...extra });

/** Records console.warn for the test; `restore()` puts it back. */
function warnings() {
  const original = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => void said.push(args.join(' '));
  return { said, restore: () => (console.warn = original) };
}

/** Clicks for real and waits for the flow's outcome event. */
async function clickThrough<T>(el: LoginButton, outcome: string) {
  const events = recordEvents(el);
  const ended = oneEvent<T>(el, outcome);
  await realClick(el);
  return { events, detail: (await ended).detail };
}

describe('the endpoint attribute: settings from {endpoint}/providers', () => {
  it("<oauth-login> names its provider by the server's label (one request), and provider-label still wins", async () => {
    const endpoint = endpointFor('label');
    const labelled = await served(endpoint);
    const own = await served(endpoint, 'oauth-login', { 'provider-label': 'Our SSO' });
    const label = (el: LoginButton) => el.shadowRoot!.querySelector('.label')!.textContent!.trim();
    await until(() => label(labelled) == 'Log in with Corp ID');
    expect(label(own)).to.equal('Log in with Our SSO');
    expect((await stats(endpoint)).lists).to.equal(1);
  });

  it('asks once for every element on the page, and the exchange goes to {endpoint}/{key}', async () => {
    const endpoint = endpointFor('once');
    const elements = [
      await served(endpoint),
      await served(endpoint),
      await served(endpoint, 'bbaton-login'),
      await served(endpoint, 'upbond-login'),
      await served(`${endpoint}/`, 'bbaton-login'),
    ];
    const { detail, events } = await clickThrough<LoginResultDetail>(elements[0]!, 'login-success');
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
    const { received, authorized } = detail.result as Result;
    expect(authorized.client_id).to.equal('served-corp');
    expect(authorized.scope).to.equal('openid profile email');
    expect(authorized.code_challenge_method).to.equal('S256');
    expect(received.redirectUri).to.equal(`${location.origin}/test/browser/fixtures/callback.html`);
    expect((await stats(endpoint)).exchanges).to.deep.equal([`${endpoint}/corp`]);
    // Another provider from the same list, its served parameters included.
    const upbond = await clickThrough<LoginResultDetail>(elements[3]!, 'login-success');
    expect((upbond.detail.result as Result).authorized).to.include({ client_id: 'served-upbond', audience: 'served-api' });
    expect((await stats(endpoint)).lists).to.equal(1);
  });

  it('a click before the list arrives opens the window in the click, then goes to the provider', async () => {
    const endpoint = endpointFor('gate');
    const el = await served(endpoint);
    const events = recordEvents(el);
    const success = oneEvent<LoginResultDetail>(el, 'login-success');
    await realClick(el);
    // Opened within the click, blank: the list is still held by the server.
    expect(popups.opened).to.have.length(1);
    expect(popups.opened[0]).to.not.equal(null);
    expect(popups.opened[0]!.location.href).to.equal('about:blank');
    expect(el.busy).to.equal(true);
    await fetch(`${endpoint}/release`);
    const { detail } = await success;
    expect((detail.result as Result).authorized.client_id).to.equal('served-corp');
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
    expect((await stats(endpoint)).lists).to.equal(1);
  });

  for (const [kind, what, status] of [
    ['fail', 'a 500', 500],
    ['drop', 'a network error', undefined],
    ['broken', 'an entry listed with "error"', undefined],
  ] as const)
    it(`a list that cannot be had (${what}): login-start → login-error config_unavailable, nothing left open, usable again`, async () => {
      const endpoint = endpointFor(kind);
      const el = await served(endpoint);
      const { events, detail } = await clickThrough<LoginErrorDetail>(el, 'login-error');
      expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-error']);
      expect(detail).to.include({ provider: 'corp', error: 'config_unavailable' });
      expect(detail.status).to.equal(status);
      if (kind == 'broken') expect(detail.message).to.contain('discovery failed');
      // Whatever opened is closed again (the list may arrive before or after the click).
      await until(() => popups.opened.every((p) => !p || p.closed), 2000, 'the window to close');
      expect(el.busy).to.equal(false);
      const again = await clickThrough<LoginErrorDetail>(el, 'login-error');
      expect(again.events.map((e) => e.type)).to.deep.equal(['login-start', 'login-error']);
      await until(() => popups.opened.every((p) => !p || p.closed), 2000, 'the window to close');
    });

  it('a provider the list lacks: invalid_config naming the key, nothing opened', async () => {
    const endpoint = endpointFor('lacks');
    const el = await served(endpoint, 'oauth-login', { provider: 'nope' });
    const { detail } = await clickThrough<LoginErrorDetail>(el, 'login-error');
    expect(detail).to.include({ provider: 'nope', error: 'invalid_config' });
    expect(detail.message).to.contain('"nope"');
    await until(() => popups.opened.every((p) => !p || p.closed), 2000, 'the window to close');
    expect(el.busy).to.equal(false);
  });

  it('attributes win; a contradicting client-id is warned about once per page, naming both values', async () => {
    const endpoint = endpointFor('wins');
    const console = warnings();
    try {
      const one = await served(endpoint, 'oauth-login', { 'client-id': 'mine', scope: 'profile' });
      await served(endpoint, 'oauth-login', { 'client-id': 'mine' });
      await until(() => console.said.length > 0, 5000, 'the warning');
      const { detail } = await clickThrough<LoginResultDetail>(one, 'login-success');
      const { authorized } = detail.result as Result;
      expect(authorized).to.include({ client_id: 'mine', scope: 'profile' });
      const about = console.said.filter((line) => line.includes('mine'));
      expect(about).to.have.length(1);
      expect(about[0]).to.contain('served-corp');
    } finally {
      console.restore();
    }
  });

  it('login() takes an endpoint too', async () => {
    const endpoint = endpointFor('login');
    const trigger = loginButtonFor({ login: () => login({ provider: 'corp', endpoint, mode: 'popup' } as Parameters<typeof login>[0]) });
    await trigger.click();
    const detail = (await trigger.pending()) as LoginResultDetail;
    expect((detail.result as Result).authorized.client_id).to.equal('served-corp');
    expect((await stats(endpoint)).exchanges).to.deep.equal([`${endpoint}/corp`]);
  });

  it('a bad endpoint URL is invalid_config naming the attribute', async () => {
    const el = await fixture<LoginButton>('oauth-login', { endpoint: 'javascript:alert(1)//', provider: 'corp', mode: 'popup' });
    const events = recordEvents(el);
    const error = oneEvent<LoginErrorDetail>(el, 'login-error');
    await realClick(el);
    expect((await error).detail).to.include({ error: 'invalid_config' });
    expect((await error).detail.message).to.match(/^endpoint /);
    expect(events.map((e) => e.type)).to.deep.equal(['login-error']);
    expect(popups.opened).to.deep.equal([]);
  });
});

describe('nonce (OpenID Connect)', () => {
  it('a fresh nonce per flow reaches the authorize request and the exchange body', async () => {
    const endpoint = endpointFor('nonce');
    const el = await served(endpoint);
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { detail } = await clickThrough<LoginResultDetail>(el, 'login-success');
      const { received, authorized } = detail.result as Result;
      expect(authorized.nonce).to.match(/^[\w-]{43}$/);
      expect(received.nonce).to.equal(authorized.nonce);
      nonces.push(received.nonce!);
      await until(() => !el.busy, 2000);
    }
    expect(nonces[0]).to.not.equal(nonces[1]);
  });

  it('no nonce without openid in the scope', async () => {
    const endpoint = endpointFor('nonce');
    const { detail } = await clickThrough<LoginResultDetail>(await served(endpoint, 'bbaton-login'), 'login-success');
    const { received, authorized } = detail.result as Result;
    expect(authorized).to.not.have.property('nonce');
    expect(received).to.not.have.property('nonce');
  });
});

describe('the callback page answers 404', () => {
  it('warns once on the console, naming the URL', async () => {
    const console = warnings();
    const fetched: string[] = [];
    const originalFetch = window.fetch;
    window.fetch = (input, init) => (fetched.push(new URL(input instanceof Request ? input.url : input, location.href).href), originalFetch(input, init));
    try {
      const missing = '/test/browser/fixtures/no-such-callback.html';
      await fixture<LoginButton>('bbaton-login', { 'client-id': 'c', 'redirect-uri': missing });
      await fixture<LoginButton>('upbond-login', { 'client-id': 'c', 'redirect-uri': missing });
      // A third callback page, warmed after the other two (in the order they were attached): once it is
      // warned about, the second element has fetched its page or never will.
      await fixture<LoginButton>('bbaton-login', { 'client-id': 'c', 'redirect-uri': `${missing}?third` });
      await until(() => console.said.some((line) => line.includes('?third')), 5000, 'the third warning');
      expect(fetched.filter((url) => url == `${location.origin}${missing}`)).to.have.length(1);
      const about = console.said.filter((line) => line.includes('404') && !line.includes('?third'));
      expect(about).to.deep.equal([`login-elements: the callback page ${location.origin}${missing} answers 404`]);
    } finally {
      console.restore();
      window.fetch = originalFetch;
    }
  });

});
