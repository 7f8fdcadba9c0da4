import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { LoginSession, SessionChangeDetail } from '../../src/elements/login-session.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';
import type { LoginErrorDetail } from '../../src/core/types.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, fixture, oneEvent, popupsPerTest, realClick, sleep, until } from './helpers.js';

// <login-session> against the fixture session routes (test/browser/fixtures/session-server.js): real
// HTTP, a real cookie, real windows. Each test has its own namespace, so its own cookie and sessions.

let count = 0;
const fresh = () => `s${Date.now().toString(36)}${count++}`;
const base = (ns: string) => `/fixtures/sess/${ns}`;
const post = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).json();
const control = (ns: string, body: Record<string, unknown>) => post(`${base(ns)}/control`, body);
const stats = async (ns: string) => (await (await fetch(`${base(ns)}/stats`)).json()) as { reads: number; logouts: unknown[]; sessions: number };
const ADA = { id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com' };
const GRACE = { id: 'user-7', name: 'Grace Hopper' };
const signIn = (ns: string, user: Record<string, unknown> = ADA, provider = 'corp') => control(ns, { signIn: { provider, user } });

/** Every session-change that reaches the document, in order. */
function changes(): SessionChangeDetail[] {
  const seen: SessionChangeDetail[] = [];
  const record = (e: CustomEvent<SessionChangeDetail>) => seen.push(e.detail);
  document.addEventListener('session-change', record);
  after.push(() => document.removeEventListener('session-change', record));
  return seen;
}
const after: (() => void)[] = [];

/** A <login-session> for `ns` with a signed-out child (a "Log in" paragraph), attached. */
function session(ns: string, attributes: Record<string, string> = {}): LoginSession {
  const el = document.createElement('login-session');
  el.setAttribute('endpoint', base(ns));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = '<p slot="signed-out" id="out">Log in, please</p>';
  document.body.append(el);
  return el;
}
const settled = (el: LoginSession) => until(() => el.state != 'loading', 5000, 'a known state');
/** What the element renders as text: its shadow tree, slots replaced by what is assigned to them (else their fallback). */
function rendered(node: Node): string {
  if (node instanceof Text) return node.data;
  const slot = node instanceof HTMLSlotElement && node.assignedNodes();
  const children = slot && slot.length ? slot : [...((node as Element).shadowRoot ?? node).childNodes];
  return children.map(rendered).join('');
}
const seen = (el: LoginSession) => (el.checkVisibility() ? rendered(el) : '');
const text = (el: LoginSession) => seen(el).replace(/\s+/g, ' ').trim();

/** An iframe of the same origin with its own <login-session>: another tab, as far as the session goes. */
async function otherTab(attributes: Record<string, string>) {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/fixtures/session.html?${new URLSearchParams(attributes)}`;
  document.body.append(frame);
  await until(() => !!(frame.contentWindow as (Window & { el?: LoginSession }) | null)?.el, 10_000, 'the other tab');
  const win = frame.contentWindow as Window & { el: LoginSession; changes: SessionChangeDetail[] };
  return { frame, win, el: () => win.el };
}

const popups = popupsPerTest();
afterEach(() => {
  after.splice(0).forEach((undo) => undo());
  document.documentElement.lang = '';
});

describe('<login-session>: states', () => {
  it('shows nothing while loading (no flash), then the signed-out slot; state reflected, one session-change', async () => {
    const ns = fresh();
    await control(ns, { delayMs: 700 });
    const seenChanges = changes();
    const el = session(ns);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.getAttribute('state')).to.equal('loading');
    expect(text(el)).to.equal('');
    expect(el.querySelector('#out')!.checkVisibility()).to.equal(false);
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
    await control(ns, { delayMs: 700 });
    const el = session(ns);
    // Every frame until it is known: the signed-out child never renders.
    let flashed = false;
    const watch = () => {
      flashed ||= el.querySelector('#out')!.checkVisibility();
      if (el.state == 'loading') requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const change = await oneEvent<SessionChangeDetail>(el, 'session-change');
    await el.updateComplete;
    expect(flashed).to.equal(false);
    expect(change.detail).to.deep.equal({ state: 'signed-in', provider: 'corp', user: ADA });
    expect(change.bubbles && change.composed).to.equal(true);
    expect(el.state).to.equal('signed-in');
    expect(el.getAttribute('state')).to.equal('signed-in');
    expect(el.user).to.deep.equal(ADA);
    expect(el.provider).to.equal('corp');
    expect(el.expiresAt).to.be.within(Date.now(), Date.now() + 3_600_000);
    expect(text(el)).to.equal('Signed in as Ada Lovelace · Sign out');
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
    await sleep(5);
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

  it('provider-logout: after sign-out it goes to the endSessionUrl, which gets this page as returnTo; without it, it stays', async () => {
    const ns = fresh();
    await control(ns, { endSessionUrl: `${base(ns)}/stats?ended` });
    await signIn(ns);
    const tab = await otherTab({ endpoint: base(ns), 'provider-logout': '' });
    await until(() => tab.el().state == 'signed-in', 5000, 'signed in over there');
    const href = tab.win.location.href;
    await tab.el().logout();
    await until(() => tab.frame.contentWindow!.location.pathname == `${base(ns)}/stats`, 5000, 'the provider sign-out page');
    const end = new URL(tab.frame.contentWindow!.location.href);
    expect(end.searchParams.get('post_logout_redirect_uri')).to.equal(href);
    expect((await stats(ns)).logouts).to.deep.equal([{ returnTo: href }]);

    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in here');
    const result = await el.logout();
    expect(result.endSessionUrl).to.contain('/stats?ended');
    await sleep(300);
    expect(location.pathname).not.to.contain('/fixtures/sess/');
    expect(el.state).to.equal('signed-out');
  });
});

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
    after.push(() => spy.close());

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
    // The session ends on the server without this page hearing of it (a sign-out on another device).
    await control(ns, { endAll: true });
    await sleep(300);
    expect(el.state).to.equal('signed-in');
    const reads = (await stats(ns)).reads;
    // Headless Chromium cannot hide a page (neither another tab nor a minimised window changes
    // visibilityState), so the page's side is played: first hidden (no read), then visible again.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await sleep(400);
    expect((await stats(ns)).reads).to.equal(reads);
    delete (document as { visibilityState?: unknown }).visibilityState;
    expect(document.visibilityState).to.equal('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => el.state == 'signed-out', 2000, 'the re-read');
    expect((await stats(ns)).reads).to.equal(reads + 1);
  });

  it('re-reads when the session expires, with no other cause', async () => {
    const ns = fresh();
    await control(ns, { ttlMs: 1500 });
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    const expiresAt = el.expiresAt!;
    expect((await stats(ns)).reads).to.equal(1);
    await until(() => el.state == 'signed-out', expiresAt - Date.now() + 3000, 'signed out at expiry');
    expect(Date.now()).to.be.at.least(expiresAt);
    expect((await stats(ns)).reads).to.equal(2);
  });

  it('a removed element stops listening (no reads after removal)', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
    el.remove();
    const reads = (await stats(ns)).reads;
    document.dispatchEvent(new Event('visibilitychange'));
    const other = new BroadcastChannel('login-elements:session ' + new URL(base(ns) + '/', location.href).href);
    other.postMessage(0);
    other.close();
    await sleep(500);
    expect((await stats(ns)).reads).to.equal(reads);
    // A read through a removed element leaves no expiry timer behind.
    await control(ns, { ttlMs: 800 });
    await signIn(ns);
    await el.refresh();
    expect(el.state).to.equal('signed-in');
    await sleep(1500);
    expect((await stats(ns)).reads).to.equal(reads + 1);
    // Put back, it reads and listens again (and the session has expired meanwhile).
    document.body.append(el);
    await until(() => el.state == 'signed-out', 2000, 'the read on reconnection');
    await sleep(300);
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

  it('a login-success from a button elsewhere (another endpoint, or a sibling path) reads nothing', async () => {
    const ns = fresh();
    const el = session(ns);
    await settled(el);
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
    await sleep(500);
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
    await sleep(500);
    expect(el.state).to.equal('signed-out');
    expect(seenChanges).to.deep.equal([]);
    await control(ns, { down: false });
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
    expect(text(el)).to.equal('Ada Lovelace 님으로 로그인됨 · 로그아웃');
    el.lang = 'ja-JP';
    await until(() => text(el).includes('ログアウト'), 2000, 'Japanese');
    expect(text(el)).to.equal('Ada Lovelace としてログイン中 · ログアウト');
    expect(el.shadowRoot!.querySelector('[part="logout"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('ja');
    el.lang = 'fr';
    await until(() => text(el).includes('Sign out'), 2000, 'English');
    expect(text(el)).to.equal('Signed in as Ada Lovelace · Sign out');
    expect(el.shadowRoot!.querySelector('[part="user"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('en');
  });
});

describe('<login-session>: an endpoint that cannot answer (503)', () => {
  it('while loading: stays loading and shows nothing, fires nothing; refresh() rejects with the 503; then recovers by itself', async () => {
    const ns = fresh();
    await signIn(ns);
    await control(ns, { down: true });
    const seenChanges = changes();
    const el = session(ns);
    await sleep(1500);
    expect(el.state).to.equal('loading');
    expect(text(el)).to.equal('');
    expect(seenChanges).to.deep.equal([]);
    const failure = await el.refresh().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.include({ status: 503, cause: 'session_store_unavailable' });
    expect(el.state).to.equal('loading');
    await control(ns, { down: false });
    // Asked again with back-off (1 s, 2 s, 4 s…), without any call from the page.
    await until(() => el.state == 'signed-in', 9000, 'recovered');
    expect(seenChanges).to.deep.equal([{ state: 'signed-in', provider: 'corp', user: ADA }]);
  });

  it('while signed in: a failed re-read keeps signed-in and fires nothing; a failed logout keeps the session', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    const seenChanges = changes();
    await control(ns, { down: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await sleep(500);
    expect(el.state).to.equal('signed-in');
    await realClick(el.shadowRoot!.querySelector('button[part="logout"]')!);
    await sleep(500);
    expect(el.state).to.equal('signed-in');
    expect(text(el)).to.equal('Signed in as Ada Lovelace · Sign out');
    await control(ns, { down: false });
    await el.refresh();
    expect(el.state).to.equal('signed-in');
    expect(seenChanges).to.deep.equal([]);
  });
});
