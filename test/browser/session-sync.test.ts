import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { LoginErrorDetail } from '../../src/core/types.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';
import { fakeClock } from './fake-clock.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, fixture, oneEvent, realClick, until } from './helpers.js';
import { ADA, afterThisTest, base, changes, control, fresh, otherTab, requestsTo, session, sessionTests, settled, signIn, stats } from './session-support.js';

// <login-session> following what happens elsewhere: other tabs, visibility, expiry, logins on this page.
const popups = sessionTests();

describe('<login-session>: other tabs, visibility, expiry', () => {
  it('a sign-out in another tab is followed here within 1 s, and a sign-in here there; the channel carries no user data', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    const tab = await otherTab({ endpoint: base(ns) });
    await until(() => el.state == 'signed-in' && tab.el().state == 'signed-in', 5000, 'both signed in');
    const messages: unknown[] = [];
    const spy = new BroadcastChannel('login-elements:session ' + new URL(base(ns) + '/', location.href).href);
    spy.onmessage = (e) => messages.push(e.data);
    afterThisTest(() => spy.close());

    await tab.el().logout();
    const out = performance.now();
    await until(() => el.state == 'signed-out', 1000, 'this tab following the sign-out');
    expect(performance.now() - out).to.be.below(1000);

    // Sign in here with a real login button; the other tab follows.
    const button = await fixture<OauthLogin>('oauth-login', {
      'client-id': 'c',
      'redirect-uri': CALLBACK,
      'authorize-endpoint': AUTHORIZE,
      'exchange-endpoint': `${base(ns)}/corp`,
      mode: 'popup',
    });
    const success = oneEvent(button, 'login-success');
    await realClick(button);
    await success;
    const signedIn = performance.now();
    await until(() => el.state == 'signed-in', 5000, 'signed in here');
    await until(() => tab.el().state == 'signed-in', 1000, 'the other tab following the sign-in');
    expect(performance.now() - signedIn).to.be.below(1000);
    expect(tab.win.changes.map((c) => c.state)).to.deep.equal(['signed-in', 'signed-out', 'signed-in']);
    expect(messages.length).to.be.greaterThan(0);
    expect(JSON.stringify(messages)).not.to.match(/Ada|user-42|corp/);
  });

  it('re-reads when the page becomes visible', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    const requests = requestsTo(ns, 'session');
    const reads = (await stats(ns)).reads;
    // The session ends on the server without this page hearing of it (a sign-out on another device).
    await control(ns, { endAll: true });
    // Headless Chromium cannot hide a page (neither another tab nor a minimised window changes
    // visibilityState), so the page's side is played: first hidden (no read), then visible again.
    // A read starts (fetch) inside the event's dispatch, so the count right after it is final.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(requests.count()).to.equal(0);
    expect(el.state).to.equal('signed-in');
    delete (document as { visibilityState?: unknown }).visibilityState;
    expect(document.visibilityState).to.equal('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(requests.count()).to.equal(1);
    await until(() => el.state == 'signed-out', 2000, 'the re-read');
    expect((await stats(ns)).reads).to.equal(reads + 1);
  });

  it('re-reads when the session expires, with no other cause', async () => {
    const ns = fresh();
    await signIn(ns);
    // Time is the subject: the page's clock is moved by hand. The server keeps real time, so the
    // session is ended there when the page's clock passes expiresAt, as an expiry would end it.
    const clock = fakeClock();
    const requests = requestsTo(ns, 'session');
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    await requests.settled();
    const expiresAt = el.expiresAt!;
    expect((await stats(ns)).reads).to.equal(1);
    await control(ns, { endAll: true });
    // Read again a moment (250 ms) after expiresAt, and not before.
    clock.tick(expiresAt - Date.now() + 249);
    expect(requests.count()).to.equal(1);
    clock.tick(1);
    expect(requests.count()).to.equal(2);
    await until(() => el.state == 'signed-out', 5000, 'signed out at expiry');
    expect(Date.now()).to.be.at.least(expiresAt);
    expect((await stats(ns)).reads).to.equal(2);
  });

  it('a removed element stops listening (no reads after removal)', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
    // The element's channel was opened at connection: this one, opened after, gets each message after it.
    const channelName = 'login-elements:session ' + new URL(base(ns) + '/', location.href).href;
    const witness = new BroadcastChannel(channelName);
    afterThisTest(() => witness.close());
    el.remove();
    const requests = requestsTo(ns, 'session');
    const reads = (await stats(ns)).reads;
    document.dispatchEvent(new Event('visibilitychange'));
    const other = new BroadcastChannel(channelName);
    const delivered = new Promise((resolve) => (witness.onmessage = resolve));
    other.postMessage(0);
    other.close();
    await delivered;
    expect(requests.count()).to.equal(0);
    expect((await stats(ns)).reads).to.equal(reads);
    // A read through a removed element leaves no expiry timer behind (the page's clock, moved by hand).
    await signIn(ns);
    const clock = fakeClock();
    await el.refresh();
    expect(el.state).to.equal('signed-in');
    clock.tick(el.expiresAt! - Date.now() + 60_000);
    expect(clock.pending()).to.equal(0);
    expect(requests.count()).to.equal(1);
    clock.restore();
    // Put back, it reads and listens again (and the session has ended meanwhile).
    await control(ns, { endAll: true });
    document.body.append(el);
    await until(() => el.state == 'signed-out', 2000, 'the read on reconnection');
    await requests.settled();
    expect(requests.count()).to.equal(2);
    expect((await stats(ns)).reads).to.equal(reads + 2);
  });
});

describe('<login-session>: logins on this page', () => {
  it('a login-success from a button under the endpoint makes it signed-in without a reload', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
    const seenChanges = changes();
    const button = await fixture<OauthLogin>('oauth-login', {
      'client-id': 'c',
      'redirect-uri': CALLBACK,
      'authorize-endpoint': AUTHORIZE,
      'exchange-endpoint': `${base(ns)}/corp`,
      mode: 'popup',
    });
    await realClick(button);
    await until(() => el.state == 'signed-in', 10_000, 'signed in');
    expect(popups.opened).to.have.length(1);
    expect(seenChanges).to.deep.equal([{ state: 'signed-in', provider: 'corp', user: ADA }]);
    expect(el.user).to.deep.equal(ADA); // the session's user: no `raw`
  });

  it('a login-success from a button in the endpoint form (endpoint="{this endpoint}", contract §7) makes it signed-in too', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
    const button = await fixture<OauthLogin>('oauth-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': AUTHORIZE, endpoint: base(ns), provider: 'corp', mode: 'popup' });
    expect(button.exchangeEndpoint).to.equal(undefined);
    await realClick(button);
    await until(() => el.state == 'signed-in', 10_000, 'signed in');
    expect(el.user).to.deep.equal(ADA);
  });

  it('a login-success from a button elsewhere (another endpoint, or a sibling path) reads nothing', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
    const requests = requestsTo(ns, 'session');
    const reads = (await stats(ns)).reads;
    for (const exchange of [EXCHANGE, `${base(ns)}-other/corp`]) {
      const button = await fixture<OauthLogin>('oauth-login', {
        'client-id': 'c',
        'redirect-uri': CALLBACK,
        'authorize-endpoint': AUTHORIZE,
        'exchange-endpoint': exchange,
        mode: 'popup',
      });
      const success = oneEvent(button, 'login-success');
      await realClick(button);
      await success;
    }
    // A read starts inside the login-success dispatch (fetch is called there): none started.
    expect(requests.count()).to.equal(0);
    expect((await stats(ns)).reads).to.equal(reads);
    expect(el.state).to.equal('signed-out');
  });
});

describe('<login-session>: a login the endpoint could not keep', () => {
  it('a login that got 503 session_store_unavailable is login-error exchange_failed (status, cause), and the element stays signed-out', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
    const seenChanges = changes();
    const requests = requestsTo(ns, 'session');
    await control(ns, { down: true });
    const button = await fixture<OauthLogin>('oauth-login', {
      'client-id': 'c',
      'redirect-uri': CALLBACK,
      'authorize-endpoint': AUTHORIZE,
      'exchange-endpoint': `${base(ns)}/corp`,
      mode: 'popup',
    });
    const error = oneEvent<LoginErrorDetail>(button, 'login-error');
    await realClick(button);
    expect((await error).detail).to.include({ error: 'exchange_failed', status: 503, cause: 'session_store_unavailable' });
    // A read would start inside a login-success dispatch; a login-error starts none.
    expect(requests.count()).to.equal(0);
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    expect(seenChanges).to.deep.equal([]);
    await control(ns, { down: false });
  });
});

