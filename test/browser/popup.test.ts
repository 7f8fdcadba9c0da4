import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { LoginErrorDetail, LoginResultDetail } from '../../src/core/types.js';
import { CHANNEL_NAME, MESSAGE_TYPE } from '../../src/contract/messages.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, firstEvent, fixture, loginButtonFor, oneEvent, popupLogin, popupsPerTest, realClick, recordEvents, SEEN_MS, sleep, until } from './helpers.js';

// Every test starts without user activation and with window.open recorded.
const popups = popupsPerTest();

describe('popup flow in Chromium with the popup blocker on', () => {

  it('a real mouse click opens exactly one popup, and the callback page completes the flow', async () => {
    const el = await popupLogin();
    const events = recordEvents(el);
    const success = oneEvent<LoginResultDetail>(el, 'login-success');
    await realClick(el);
    expect(el.busy).to.equal(true);
    expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-busy')).to.equal('true');
    const { detail } = await success;
    expect(popups.opened).to.have.length(1);
    expect(popups.opened[0]).to.not.equal(null);
    expect(detail.provider).to.equal('corp');
    expect(detail.mode).to.equal('popup');
    const result = detail.result as { user: { id: string }; received: Record<string, string> };
    expect(result.user.id).to.equal('user-42');
    expect(result.received.code).to.match(/^code\.GET\.code\./);
    expect(result.received.redirectUri).to.equal(new URL(CALLBACK, location.href).href);
    expect(result.received.codeVerifier).to.match(/^[\w-]{43}$/);
    expect(result.received.iss).to.equal(`${location.origin}/fixtures`);
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
    expect(events[0]!.detail).to.deep.equal({ provider: 'corp', mode: 'popup' });
    await until(() => popups.opened[0]!.closed, 3000, 'the callback to close its popup');
    expect(el.busy).to.equal(false);
  });

  it('a second click while the flow runs focuses the open popup instead of opening another', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?hold` });
    await realClick(el);
    await realClick(el);
    // The click's handler has run when realClick resolves: a second window would be recorded by now.
    expect(popups.opened).to.have.length(1);
    const cancelled = oneEvent(el, 'login-cancel');
    el.cancel();
    expect((await cancelled).detail).to.deep.equal({ provider: 'corp', mode: 'popup', reason: 'aborted' });
  });

  it('a synthetic el.click() is blocked: popup_blocked in popup mode', async () => {
    const el = await popupLogin();
    const error = oneEvent<LoginErrorDetail>(el, 'login-error');
    expect(navigator.userActivation.isActive).to.equal(false);
    el.click();
    const { detail } = await error;
    expect(detail.error).to.equal('popup_blocked');
    expect(detail.mode).to.equal('popup');
    expect(popups.opened).to.deep.equal([null]);
    expect(el.busy).to.equal(false);
  });

  it('ignores a well-formed message from a second origin (localhost vs 127.0.0.1)', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?hold` });
    const events = recordEvents(el);
    await realClick(el);
    await until(() => popups.opened[0]?.location.href.includes('state=') ?? false, 5000, 'the authorize URL');
    const state = new URL(popups.opened[0]!.location.href).searchParams.get('state');
    const forged = { type: 'login-elements:callback', state, code: 'forged' };
    const foreign = new URL('/test/browser/fixtures/poster.html', location.href);
    foreign.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    foreign.hash = encodeURIComponent(JSON.stringify(forged));
    const frame = document.createElement('iframe');
    const arrived = new Promise<MessageEvent>((resolve) => addEventListener('message', resolve, { once: true }));
    frame.src = foreign.href;
    document.body.append(frame);
    const message = await arrived;
    expect(message.origin).to.equal(foreign.origin);
    expect(message.data).to.deep.equal(forged);
    // The flow's listener was added first: it has already seen (and refused) the message.
    expect(events.map((e) => e.type)).to.deep.equal(['login-start']);
    expect(el.busy).to.equal(true);
    // The same message from the callback's own origin is accepted.
    // One wait for either outcome (two oneEvents would leave the loser's timer to print its rejection later).
    const outcome = firstEvent<LoginErrorDetail>(el, ['login-success', 'login-error']);
    postMessage({ ...forged, code: 'forged-but-same-origin' }, location.origin);
    const { detail } = await outcome;
    // The fixture's exchange never issued that code: exchange_failed with the server's error.
    expect(detail).to.include({ error: 'exchange_failed', status: 400, cause: 'invalid_grant' });
    expect(detail.description).to.equal('The code is unknown or was already used');
  });

  it('closing the popup fires login-cancel within 2 s', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?hold` });
    await realClick(el);
    await until(() => popups.opened[0]?.location.href.includes('/fixtures/authorize') ?? false);
    // A person looks at the provider's page for a moment before closing it.
    await sleep(SEEN_MS);
    const cancelled = oneEvent(el, 'login-cancel', 2000);
    const closedAt = performance.now();
    popups.opened[0]!.close();
    const { detail } = await cancelled;
    expect(performance.now() - closedAt).to.be.below(2000);
    expect(detail).to.deep.equal({ provider: 'corp', mode: 'popup', reason: 'popup_closed' });
    expect(el.busy).to.equal(false);
  });

  it('fails with timeout when no result arrives in time, and closes the popup', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?hold`, timeout: '600' });
    const error = oneEvent<LoginErrorDetail>(el, 'login-error', 3000);
    await realClick(el);
    const { detail } = await error;
    expect(detail.error).to.equal('timeout');
    await until(() => popups.opened[0]!.closed, 2000, 'the popup to close');
  });

  it('cancel() stops the flow with reason aborted, closes the popup, and a late click starts afresh', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?hold` });
    await realClick(el);
    await until(() => popups.opened.length === 1);
    const cancelled = oneEvent(el, 'login-cancel');
    el.cancel();
    expect((await cancelled).detail).to.include({ reason: 'aborted' });
    await until(() => popups.opened[0]!.closed, 2000, 'the popup to close');
    expect(el.busy).to.equal(false);
    await realClick(el);
    await until(() => popups.opened.length === 2, 2000, 'a fresh popup');
    el.cancel();
  });

  it('login-start preventDefault() stops the flow before any window opens', async () => {
    const el = await popupLogin();
    const events = recordEvents(el);
    el.addEventListener('login-start', (e) => e.preventDefault(), { once: true });
    await realClick(el);
    // The flow ended within the click (login-cancel below): nothing is left that could open a window.
    expect(popups.opened).to.have.length(0);
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-cancel']);
    expect(events[1]!.detail).to.include({ reason: 'aborted' });
  });

  it('the provider denying access is a login-error with its own code', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?deny` });
    const error = oneEvent<LoginErrorDetail>(el, 'login-error');
    await realClick(el);
    const { detail } = await error;
    expect(detail).to.include({ error: 'access_denied', description: 'The user denied the request', mode: 'popup' });
  });

  it('a non-2xx exchange answer is exchange_failed with status and the server error', async () => {
    const el = await popupLogin({ 'exchange-endpoint': `${EXCHANGE}?fail` });
    const error = oneEvent<LoginErrorDetail>(el, 'login-error');
    await realClick(el);
    expect((await error).detail).to.include({ error: 'exchange_failed', status: 400, cause: 'invalid_grant' });
  });

  it('without exchange-endpoint, login-success carries the code, verifier and redirect URI', async () => {
    const el = await popupLogin({ 'exchange-endpoint': '' });
    el.removeAttribute('exchange-endpoint');
    const success = oneEvent<Record<string, string>>(el, 'login-success');
    await realClick(el);
    const { detail } = await success;
    expect(detail.code).to.match(/^code\.GET\.code\./);
    expect(detail.codeVerifier).to.match(/^[\w-]{43}$/);
    expect(detail.redirectUri).to.equal(new URL(CALLBACK, location.href).href);
  });

  it('BellaDati authorize-method="post" submits the parameters into the popup with a form', async () => {
    const el = await fixture('belladati-login', {
      'client-id': 'bd-client',
      'redirect-uri': CALLBACK,
      'authorize-endpoint': AUTHORIZE,
      'authorize-method': 'post',
      mode: 'popup',
    });
    const success = oneEvent<Record<string, string>>(el, 'login-success');
    await realClick(el);
    expect((await success).detail.code).to.match(/^code\.POST\.CODE\./);
  });
});

describe('COOP: a severed opener still gets its result', () => {

  it('a callback served with Cross-Origin-Opener-Policy: same-origin still completes', async () => {
    const el = await popupLogin({ 'redirect-uri': `${CALLBACK}?coop=1` });
    const success = oneEvent<LoginResultDetail>(el, 'login-success');
    await realClick(el);
    const { detail } = await success;
    expect((detail.result as { user: { id: string } }).user.id).to.equal('user-42');
  });

  it('a provider with COOP cuts the popup off for 4 s: no cancel, exactly start → success, login() resolves', async function (this: Mocha.Context) {
    this.timeout(30_000);
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?coop=1&wait=4500` });
    const events = recordEvents(el);
    // The page's own button calls login() inside its click, as an app would.
    const app = loginButtonFor(el);
    await app.click();
    await until(() => popups.opened[0]!.closed, 3000, 'the popup to read closed (COOP)');
    expect(events.map((e) => e.type), 'while the user is at the provider').to.deep.equal(['login-start']);
    expect(el.busy).to.equal(true);
    // No wait for "nothing happened": the provider holds the popup 4.5 s, past the closed-poll's 2 s, and
    // the ordered record below has no login-cancel before the success.
    const detail = (await app.pending()) as LoginResultDetail;
    expect((detail.result as { user: { id: string } }).user.id).to.equal('user-42');
    await until(() => events.length > 1, 2000, 'login-success');
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
    expect(el.busy).to.equal(false);
  });

  it('when COOP hides the popup, a new click supersedes the old flow; the old popup can no longer finish it', async () => {
    const el = await popupLogin({ 'authorize-endpoint': `${AUTHORIZE}?coop=1&wait=2500` });
    const events = recordEvents(el);
    await realClick(el);
    await until(() => popups.opened[0]!.closed, 3000, 'the popup to read closed (COOP)');
    expect(el.busy).to.equal(true);
    el.authorizeEndpoint = `${AUTHORIZE}?hold`;
    await el.updateComplete;
    await realClick(el);
    expect(popups.opened).to.have.length(2);
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-cancel', 'login-start']);
    expect(events[1]!.detail).to.deep.equal({ provider: 'corp', mode: 'popup', reason: 'superseded' });
    expect(el.busy).to.equal(true);
    // The first popup approves after its 2.5 s and broadcasts its result: nobody takes it. The flow's
    // channel was opened before this one, so it has heard the result by the time this one does.
    const channel = new BroadcastChannel(CHANNEL_NAME);
    // (The second popup holds at the provider: the only result that can come is the first one's.)
    await new Promise<void>((resolve) => channel.addEventListener('message', (e: MessageEvent) => e.data?.type == MESSAGE_TYPE && resolve()));
    channel.close();
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-cancel', 'login-start']);
    expect(el.busy).to.equal(true);
    const cancelled = oneEvent(el, 'login-cancel');
    el.cancel();
    expect((await cancelled).detail).to.include({ reason: 'aborted' });
    expect(el.busy).to.equal(false);
  });
});
