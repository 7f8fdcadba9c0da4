import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { SessionChangeDetail } from '../../src/elements/login-session.js';
import { fakeClock } from './fake-clock.js';
import { nextTask, oneEvent, realClick, until } from './helpers.js';
import { ADA, GRACE, afterThisTest, base, changes, control, fresh, otherTab, requestsTo, session, sessionTests, settled, signIn, stats, text } from './session-support.js';

// <login-session> on its own page: states, session-change, sign-out, languages, an endpoint that cannot answer.
sessionTests();

describe('<login-session>: states', () => {
  it('shows nothing while loading (no flash), then the signed-out slot; state reflected, one session-change', async () => {
    const ns = fresh();
    await control(ns, { hold: true });
    const seenChanges = changes();
    const el = session(ns);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.getAttribute('state')).to.equal('loading');
    expect(text(el)).to.equal('');
    expect(el.querySelector('#out')!.checkVisibility()).to.equal(false);
    await until(async () => (await stats(ns)).held == 1, 5000, 'the read to reach the endpoint');
    expect(el.state).to.equal('loading');
    await control(ns, { hold: false });
    await settled(el);
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    expect(el.getAttribute('state')).to.equal('signed-out');
    expect(text(el)).to.equal('Log in, please');
    expect([el.user, el.provider, el.expiresAt]).to.deep.equal([null, null, null]);
    expect(seenChanges).to.deep.equal([{ state: 'signed-out', provider: null, user: null }]);
  });

  it('signed in: never shows the signed-out content on the way; default content and properties from the endpoint', async () => {
    const ns = fresh();
    await signIn(ns);
    await control(ns, { hold: true });
    const el = session(ns);
    // Every frame until it is known: the signed-out child never renders.
    let flashed = false;
    let frames = 0;
    const watch = () => {
      frames++;
      flashed ||= el.querySelector('#out')!.checkVisibility();
      if (el.state == 'loading') requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const changed = oneEvent<SessionChangeDetail>(el, 'session-change');
    // The endpoint answers once the read has reached it and the page has rendered a few frames.
    await until(async () => (await stats(ns)).held == 1 && frames >= 3, 5000, 'the read, and frames while loading');
    await control(ns, { hold: false });
    const change = await changed;
    await el.updateComplete;
    expect(flashed).to.equal(false);
    expect(change.detail).to.deep.equal({ state: 'signed-in', provider: 'corp', user: ADA });
    expect(change.bubbles && change.composed).to.equal(true);
    expect(el.state).to.equal('signed-in');
    expect(el.getAttribute('state')).to.equal('signed-in');
    expect(el.user).to.deep.equal(ADA);
    expect(el.provider).to.equal('corp');
    expect(el.expiresAt).to.be.within(Date.now(), Date.now() + 3_600_000);
    expect(text(el)).to.equal('Signed in as Ada Lovelace Sign out');
    expect(el.shadowRoot!.querySelector('[part="user"]')!.textContent).to.equal('Ada Lovelace');
    expect(el.shadowRoot!.querySelector('button[part="logout"]')!.textContent).to.equal('Sign out');
    expect(el.querySelector('#out')!.checkVisibility()).to.equal(false);
  });

  it('a signed-in slot replaces the default content', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    el.insertAdjacentHTML('beforeend', '<span slot="signed-in">Welcome back</span>');
    await settled(el);
    await el.updateComplete;
    expect(text(el)).to.equal('Welcome back');
  });

  it('the endpoint defaults to /auth, and a new endpoint is read at once', async () => {
    const el = document.createElement('login-session');
    expect(el.endpoint).to.equal('/auth');
    const ns = fresh();
    await signIn(ns);
    document.body.append(el);
    el.endpoint = base(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in at the new endpoint');
    expect((await stats(ns)).reads).to.equal(1);
  });
});

describe('<login-session>: session-change', () => {
  it('fires once per real change, in order: out → in (Ada) → in (Grace) → out; never twice for the same state and user', async () => {
    const ns = fresh();
    const seenChanges = changes();
    const el = session(ns);
    await settled(el);
    await el.refresh();
    await signIn(ns);
    await el.refresh();
    await el.refresh();
    // A new session of the same user (a later expiresAt) is no change.
    const before = el.expiresAt!;
    // The fixture stamps expiresAt from its own clock: wait until it has moved on.
    await until(() => Date.now() > before - 3_600_000, 1000, 'the next millisecond');
    await signIn(ns);
    await el.refresh();
    expect(el.expiresAt).to.be.greaterThan(before);
    await signIn(ns, GRACE);
    await el.refresh();
    await el.logout();
    await el.refresh();
    expect(seenChanges).to.deep.equal([
      { state: 'signed-out', provider: null, user: null },
      { state: 'signed-in', provider: 'corp', user: ADA },
      { state: 'signed-in', provider: 'corp', user: GRACE },
      { state: 'signed-out', provider: null, user: null },
    ]);
  });
});

describe('<login-session>: sign-out', () => {
  it('the default Sign out button (a real click) ends the session at the endpoint and shows signed-out', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    await el.updateComplete;
    const seenChanges = changes();
    await realClick(el.shadowRoot!.querySelector('button[part="logout"]')!);
    await until(() => el.state == 'signed-out', 5000, 'signed out');
    await el.updateComplete;
    expect(text(el)).to.equal('Log in, please');
    expect(seenChanges).to.deep.equal([{ state: 'signed-out', provider: null, user: null }]);
    expect((await stats(ns)).logouts).to.deep.equal([{}]);
    // The server agrees: the cookie's session is gone.
    expect(await (await fetch(`${base(ns)}/session`)).json()).to.equal(null);
  });

  it('logout({everywhere: true}) ends every session of the user (with a store)', async () => {
    const ns = fresh();
    await control(ns, { store: true });
    await signIn(ns); // another device's session of the same user
    await signIn(ns);
    expect((await stats(ns)).sessions).to.equal(2);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    expect(await el.logout({ everywhere: true })).to.deep.equal({});
    expect(el.state).to.equal('signed-out');
    const after = await stats(ns);
    expect(after.logouts).to.deep.equal([{ everywhere: true }]);
    expect(after.sessions).to.equal(0);
  });

  it('a refused logout (everywhere without a store: 400) rejects and changes nothing', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    const seenChanges = changes();
    const failure = await el.logout({ everywhere: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.include({ status: 400, cause: 'invalid_request' });
    expect(el.state).to.equal('signed-in');
    await el.refresh();
    expect(el.state).to.equal('signed-in');
    expect(seenChanges).to.deep.equal([]);
  });

  it('provider-logout: after sign-out it goes to the endSessionUrl; return-to (resolved against the page) is sent as returnTo, none by default; without provider-logout it stays', async () => {
    const ns = fresh();
    await control(ns, { endSessionUrl: `${base(ns)}/stats?ended` });
    // Default: no returnTo, whatever page it is on (the server picks postLogoutRedirectUri, else the root).
    await signIn(ns);
    const plain = await otherTab({ endpoint: base(ns), 'provider-logout': '' });
    await until(() => plain.el().state == 'signed-in', 5000, 'signed in over there');
    await plain.el().logout();
    await until(() => plain.frame.contentWindow!.location.pathname == `${base(ns)}/stats`, 5000, 'the provider sign-out page');
    expect(new URL(plain.frame.contentWindow!.location.href).searchParams.has('post_logout_redirect_uri')).to.equal(false);
    plain.frame.remove();
    // return-to="../signed-out" from the fixture page: the URL it names, absolute.
    await signIn(ns);
    const tab = await otherTab({ endpoint: base(ns), 'provider-logout': '', 'return-to': '../signed-out?from=tab' });
    await until(() => tab.el().state == 'signed-in', 5000, 'signed in over there');
    const back = new URL('../signed-out?from=tab', tab.win.location.href).href;
    await tab.el().logout();
    await until(() => tab.frame.contentWindow!.location.pathname == `${base(ns)}/stats`, 5000, 'the provider sign-out page');
    const end = new URL(tab.frame.contentWindow!.location.href);
    expect(end.searchParams.get('post_logout_redirect_uri')).to.equal(back);
    expect((await stats(ns)).logouts).to.deep.equal([{}, { returnTo: back }]);

    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in here');
    // A navigation of this page would start with a navigate event (the Navigation API), inside logout().
    const navigations: string[] = [];
    const onNavigate = (event: Event) => navigations.push((event as Event & { destination: { url: string } }).destination.url);
    const { navigation } = window as unknown as { navigation: EventTarget };
    navigation.addEventListener('navigate', onNavigate);
    afterThisTest(() => navigation.removeEventListener('navigate', onNavigate));
    const result = await el.logout();
    expect(result.endSessionUrl).to.contain('/stats?ended');
    await nextTask();
    expect(navigations).to.deep.equal([]);
    expect(location.pathname).not.to.contain('/fixtures/sess/');
    expect(el.state).to.equal('signed-out');
  });
});

describe('<login-session>: languages', () => {
  it('speaks the language of the page, of its own lang, and follows a change; an unknown one is English marked lang="en"', async () => {
    const ns = fresh();
    await signIn(ns);
    document.documentElement.lang = 'ko';
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    await el.updateComplete;
    expect(text(el)).to.equal('Ada Lovelace 님으로 로그인됨 로그아웃');
    el.lang = 'ja-JP';
    await until(() => text(el).includes('ログアウト'), 2000, 'Japanese');
    expect(text(el)).to.equal('Ada Lovelace としてログイン中 ログアウト');
    expect(el.shadowRoot!.querySelector('[part="logout"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('ja');
    el.lang = 'fr';
    await until(() => text(el).includes('Sign out'), 2000, 'English');
    expect(text(el)).to.equal('Signed in as Ada Lovelace Sign out');
    expect(el.shadowRoot!.querySelector('[part="user"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('en');
  });
});

describe('<login-session>: an endpoint that cannot answer (503)', () => {
  it('while loading: stays loading and shows nothing, fires nothing; refresh() rejects with the 503; then recovers by itself', async () => {
    const ns = fresh();
    await signIn(ns);
    await control(ns, { down: true });
    const seenChanges = changes();
    // Time is the subject (the back-off): the page's clock is moved by hand.
    const clock = fakeClock();
    const requests = requestsTo(ns, 'session');
    const el = session(ns);
    /** Waits until the element has had every answer and set its next try. */
    const failed = async (reads: number) => {
      await until(() => requests.count() >= reads, 5000, `read ${reads}`);
      expect(requests.count()).to.equal(reads);
      await requests.settled();
      expect(clock.pending()).to.equal(1);
    };
    await failed(1);
    // Asked again with back-off (1 s, 2 s, …), without any call from the page; loading all along.
    clock.tick(999);
    expect(requests.count()).to.equal(1);
    clock.tick(1);
    await failed(2);
    clock.tick(1999);
    expect(requests.count()).to.equal(2);
    clock.tick(1);
    await failed(3);
    expect(el.state).to.equal('loading');
    expect(text(el)).to.equal('');
    expect(seenChanges).to.deep.equal([]);
    const failure = await el.refresh().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.include({ status: 503, cause: 'session_store_unavailable' });
    expect(el.state).to.equal('loading');
    await failed(4);
    await control(ns, { down: false });
    clock.tick(8000);
    expect(requests.count()).to.equal(5);
    await until(() => el.state == 'signed-in', 5000, 'recovered');
    expect(seenChanges).to.deep.equal([{ state: 'signed-in', provider: 'corp', user: ADA }]);
  });

  it('while signed in: a failed re-read keeps signed-in and fires nothing; a failed logout keeps the session', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    const seenChanges = changes();
    const reads = requestsTo(ns, 'session');
    const logouts = requestsTo(ns, 'logout');
    await control(ns, { down: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(reads.count()).to.equal(1);
    await reads.settled();
    await el.updateComplete;
    expect(el.state).to.equal('signed-in');
    await realClick(el.shadowRoot!.querySelector('button[part="logout"]')!);
    await until(() => logouts.count() == 1, 5000, 'the logout request');
    await logouts.settled();
    await el.updateComplete;
    expect(el.state).to.equal('signed-in');
    expect(text(el)).to.equal('Signed in as Ada Lovelace Sign out');
    await control(ns, { down: false });
    await el.refresh();
    expect(el.state).to.equal('signed-in');
    expect(seenChanges).to.deep.equal([]);
  });
});
