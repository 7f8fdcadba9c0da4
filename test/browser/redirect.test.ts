import { expect } from '@esm-bundle/chai';
import { AUTHORIZE, CALLBACK, EXCHANGE, realClick, until } from './helpers.js';

type FixtureMessage = { fixtureEvent?: string; fixtureReady?: boolean; detail?: Record<string, unknown>; href: string };

/** Loads app.html in an iframe with an element built from `params`; collects what it reports. */
function appFrame(params: Record<string, string>) {
  const messages: FixtureMessage[] = [];
  const onMessage = (e: MessageEvent) => e.source && messages.push(e.data as FixtureMessage);
  addEventListener('message', onMessage);
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/fixtures/app.html?${new URLSearchParams(params)}`;
  document.body.append(frame);
  const next = async (check: (m: FixtureMessage) => boolean, ms = 10_000) => {
    await until(() => messages.some(check), ms).catch(() => {
      throw new Error(`fixture never reported; saw ${JSON.stringify(messages)}`);
    });
    return messages.find(check)!;
  };
  return { frame, messages, next, dispose: () => (removeEventListener('message', onMessage), frame.remove()) };
}

/** Loads the app with these attributes, clicks its element synthetically (no user activation), and waits for `event`. */
async function roundTrip(tag: string, attributes: Record<string, string>, event: string) {
  const app = appFrame({ tag, 'client-id': 'c', 'redirect-uri': CALLBACK, ...attributes });
  await app.next((m) => !!m.fixtureReady);
  (app.frame.contentDocument!.querySelector(tag) as HTMLElement).click();
  const start = await app.next((m) => m.fixtureEvent === 'login-start');
  const end = await app.next((m) => m.fixtureEvent === event);
  app.dispose();
  return { start, end };
}

describe('redirect mode round trip', () => {
  afterEach(() => sessionStorage.clear());

  it('auto mode falls back to redirect when the popup is blocked, and the returning page completes', async () => {
    const { start, end } = await roundTrip('oauth-login', { 'authorize-endpoint': AUTHORIZE, 'exchange-endpoint': EXCHANGE, provider: 'corp' }, 'login-success');
    expect(start.detail).to.deep.equal({ provider: 'corp', mode: 'auto' });
    expect(end.detail).to.include({ provider: 'corp', mode: 'redirect' });
    const result = end.detail!.result as { user: { id: string }; received: Record<string, string> };
    expect(result.user.id).to.equal('user-42');
    expect(result.received.codeVerifier).to.match(/^[\w-]{43}$/);
    // Back on the page that started it, with the transaction used up and no code in the address bar.
    expect(new URL(end.href).pathname).to.equal('/test/browser/fixtures/app.html');
    expect(end.href).to.not.contain('code=');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('login-elements:'))).to.deep.equal([]);
  });

  it('an OpenID Connect flow keeps its nonce across the round trip: the authorize request and the exchange carry the same', async () => {
    const { end } = await roundTrip('oauth-login', { 'authorize-endpoint': AUTHORIZE, 'exchange-endpoint': EXCHANGE, scope: 'openid email', mode: 'redirect' }, 'login-success');
    const { received, authorized } = end.detail!.result as { received: Record<string, string>; authorized: Record<string, string> };
    expect(authorized.nonce).to.match(/^[\w-]{43}$/);
    expect(received.nonce).to.equal(authorized.nonce);
  });

  it('with an endpoint, the returning page exchanges at {endpoint}/{key} before its list is in again', async () => {
    const endpoint = `/fixtures/ep/redirect-${Date.now()}`;
    const app = appFrame({ tag: 'oauth-login', provider: 'corp', endpoint, mode: 'redirect' });
    await app.next((m) => !!m.fixtureReady);
    (app.frame.contentDocument!.querySelector('oauth-login') as HTMLElement).click();
    const end = await app.next((m) => m.fixtureEvent === 'login-success');
    app.dispose();
    const { received, authorized } = end.detail!.result as { received: Record<string, string>; authorized: Record<string, string> };
    expect(authorized).to.include({ client_id: 'served-corp' });
    expect(received.nonce).to.equal(authorized.nonce);
    const stats = await (await fetch(`${endpoint}/stats`)).json();
    expect(stats.exchanges).to.deep.equal([`${endpoint}/corp`]);
  });

  it('redirect mode with a denied request fires login-error on the returning page', async () => {
    const { end } = await roundTrip('bbaton-login', { 'authorize-endpoint': `${AUTHORIZE}?deny`, mode: 'redirect' }, 'login-error');
    expect(end.detail).to.include({ provider: 'bbaton', mode: 'redirect', error: 'access_denied' });
  });

  it('BellaDati POST authorize works in redirect mode too (form submitted to _self)', async () => {
    const { end } = await roundTrip('belladati-login', { 'authorize-endpoint': AUTHORIZE, 'authorize-method': 'post', mode: 'redirect' }, 'login-success');
    expect(end.detail!.code).to.match(/^code\.POST\.CODE\./);
  });

  it('the callback scrubs the URL; with nobody to take its result it says the login could not finish here, never "You can close this window"', async () => {
    const frame = document.createElement('iframe');
    frame.src = `${CALLBACK}?keep=1&code=secret-code&state=not-mine&iss=x`;
    const attached = performance.now();
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    expect(frame.contentWindow!.location.search).to.equal('?keep=1');
    const text = () => frame.contentDocument!.body.textContent!.trim();
    expect(text()).to.equal('Signing in…');
    await until(() => text() != 'Signing in…', 3000, 'the callback to give up waiting');
    // It waited its 2 s for an answer first (callback.ts), counted from after the frame was attached.
    expect(performance.now() - attached).to.be.at.least(1900);
    expect(text()).to.equal('The login could not finish here. Start again');
    const link = frame.contentDocument!.querySelector('a')!;
    expect(link.href).to.equal(`${location.origin}/`);
    expect(link.closest('p')!.lang).to.equal('en');
    frame.remove();
  });

  it('the callback speaks the page’s language (ja) and links where <meta name="login-restart"> says', async () => {
    const frame = document.createElement('iframe');
    frame.src = `${CALLBACK.replace('callback.html', 'callback-ja.html')}?code=c&state=not-mine`;
    document.body.append(frame);
    await until(() => !!frame.contentDocument?.querySelector('a'), 4000, 'the callback to give up waiting');
    const line = frame.contentDocument!.querySelector('p')!;
    expect(line.lang).to.equal('ja');
    expect(line.textContent).to.equal('ここではログインを完了できませんでした。 もう一度始める');
    expect(frame.contentDocument!.querySelector('a')!.href).to.equal(`${location.origin}/signin`);
    frame.remove();
  });

  it('the callback’s result reaches no BroadcastChannel listener while it has an opener, and without an acknowledgement it never closes', async () => {
    const heard: unknown[] = [];
    const channel = new BroadcastChannel('login-elements');
    channel.onmessage = (e) => heard.push(e.data);
    const received = new Promise<MessageEvent>((resolve) => addEventListener('message', resolve, { once: true }));
    // Opened by a real click, as a login's popup is: the opener is this page, which runs no flow.
    let popup: Window | null = null;
    const trigger = Object.assign(document.createElement('button'), { textContent: 'open' });
    trigger.onclick = () => (popup = window.open(`${CALLBACK}?code=c&state=nobody-waits`, 'callback-test', 'width=300,height=300'));
    document.body.append(trigger);
    await realClick(trigger);
    trigger.remove();
    if (!popup) throw new Error('the popup did not open');
    const message = await received;
    expect(message.data).to.include({ type: 'login-elements:callback', state: 'nobody-waits', code: 'c' });
    const opened = popup as Window;
    await until(() => opened.document?.body?.textContent?.includes('could not finish here') ?? false, 4000, 'the popup to give up waiting');
    expect(opened.closed).to.equal(false);
    expect(opened.document.body.textContent).to.not.contain('You can close this window');
    expect(heard).to.deep.equal([]);
    channel.close();
    opened.close();
  });

  it('the callback clears a token-bearing fragment even when the answer came in the query', async () => {
    const frame = document.createElement('iframe');
    frame.src = `${CALLBACK}?code=secret-code&state=not-mine#code=other&access_token=AT&id_token=IT`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    expect(frame.contentWindow!.location.search).to.equal('');
    expect(frame.contentWindow!.location.hash).to.equal('');
    expect(frame.contentWindow!.location.href).to.not.contain('secret-code');
    frame.remove();
  });

  for (const returnUrl of ['javascript:parent.hacked=1', 'https://evil.example/', 'data:text/html,hi'])
    it(`a stored return URL ${returnUrl} is not followed (same-origin http(s) only)`, async () => {
      const state = 'tx-' + Math.random().toString(36).slice(2);
      const tx = { state, provider: 'corp', redirectUri: new URL(CALLBACK, location.href).href, returnUrl, createdAt: Date.now() };
      sessionStorage.setItem('login-elements:tx:' + state, JSON.stringify(tx));
      const frame = document.createElement('iframe');
      frame.src = `${CALLBACK}?code=c1&state=${state}`;
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const text = () => frame.contentDocument!.body.textContent!.trim();
      await until(() => text() != 'Signing in…', 5000, 'the callback to give up');
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
      expect(frame.contentWindow!.location.pathname).to.equal(CALLBACK);
      expect(text()).to.equal('The login could not finish here. Start again');
      frame.remove();
    });
});
