import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { LoginError } from '../../src/core/login-error.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';
import type { LoginErrorDetail } from '../../src/core/types.js';
import { GRACE_MS } from '../../src/core/popup-flow.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, fixture, loginButtonFor, nextTask, oneEvent, popupsPerTest, realClick, recordEvents, SEEN_MS, sleep, until } from './helpers.js';

const login = (extra: Record<string, string> = {}) =>
  fixture<OauthLogin>('oauth-login', {
    'client-id': 'test-client',
    'redirect-uri': CALLBACK,
    'authorize-endpoint': `${AUTHORIZE}?hold`,
    mode: 'popup',
    provider: 'corp',
    ...extra,
  });

/** The held popup's authorize URL, once it is there. */
async function heldUrl(popup: () => Window | null | undefined): Promise<URL> {
  await until(() => popup()?.location.href.includes('state=') ?? false, 5000, 'the authorize URL');
  return new URL(popup()!.location.href);
}
/** Lets a held authorize page approve: the same request without `hold`. */
const approve = (popup: Window, url: URL) => {
  url.searchParams.delete('hold');
  popup.location.href = url.href;
};
const exchangeStats = async () => (await (await fetch('/fixtures/exchange-stats')).json()) as { held: number; aborted: number };
/** Waits until the fixture endpoint's counter has moved past `from`. */
const waitForStat = (stat: 'held' | 'aborted', from: number, what: string) => until(async () => (await exchangeStats())[stat] != from, 5000, what);
/** After a popup reads closed, the flow decides within GRACE_MS and one look (POLL_MS, 100 ms). */
const DECIDED_MS = GRACE_MS + 200;

// Every test starts without user activation and with window.open recorded.
const popups = popupsPerTest();

describe('a popup that closes before its message is handled', () => {
  it('a result that arrives 900 ms after the popup read closed still succeeds, with no cancel', async () => {
    const el = await login();
    const events = recordEvents(el);
    await realClick(el);
    const url = await heldUrl(() => popups.opened[0]);
    await sleep(SEEN_MS);
    popups.opened[0]!.close();
    const closedAt = performance.now();
    // The subject: a result 900 ms after the close, inside the flow's grace period.
    expect(GRACE_MS).to.be.above(900);
    await sleep(900);
    // As the callback does: the same message on the BroadcastChannel.
    const channel = new BroadcastChannel('login-elements');
    channel.postMessage({ type: 'login-elements:callback', state: url.searchParams.get('state'), code: 'late-code' });
    channel.close();
    const { detail } = await oneEvent<Record<string, string>>(el, 'login-success', 3000);
    expect(detail.code).to.equal('late-code');
    // No cancel after it: the flow would have decided on the close by now; nothing else can come.
    await sleep(closedAt + DECIDED_MS - performance.now());
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
  });
});

describe('the timeout covers the companion-endpoint call', () => {
  it('an endpoint that never answers ends in login-error timeout, aborts the request, and the button is usable', async () => {
    const before = await exchangeStats();
    const el = await login({ 'authorize-endpoint': AUTHORIZE, 'exchange-endpoint': `${EXCHANGE}?hang`, timeout: '2000' });
    const events = recordEvents(el);
    await realClick(el);
    const { detail } = await oneEvent<LoginErrorDetail>(el, 'login-error', 5000);
    expect(detail).to.include({ error: 'timeout', mode: 'popup', provider: 'corp' });
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-error']);
    expect(el.busy).to.equal(false);
    expect((await exchangeStats()).held - before.held).to.equal(1);
    await waitForStat('aborted', before.aborted, 'the exchange request to be aborted');
  });

  it('cancel() during the exchange aborts the request: login-cancel aborted, and nothing after it', async () => {
    const before = await exchangeStats();
    const el = await login({ 'authorize-endpoint': AUTHORIZE, 'exchange-endpoint': `${EXCHANGE}?hang` });
    const events = recordEvents(el);
    const app = loginButtonFor(el);
    await app.click();
    await waitForStat('held', before.held, 'the exchange to reach the endpoint');
    el.cancel();
    const rejected = await app.pending().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(rejected).to.be.instanceOf(LoginError);
    expect({ ...(rejected as LoginError) }).to.deep.equal({ provider: 'corp', mode: 'popup', reason: 'aborted' });
    // The server sees the aborted request close a network round trip after the page aborted it: what the
    // aborted fetch could make the element do (a late login-error) has happened by then.
    await waitForStat('aborted', before.aborted, 'the exchange request to be aborted');
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-cancel']);
    expect(el.busy).to.equal(false);
  });
});

describe('a popup per flow', () => {
  it('two buttons of one provider each get their own window and each complete on their own', async () => {
    const header = await login();
    const body = await login();
    const headerEvents = recordEvents(header);
    const bodyEvents = recordEvents(body);
    await realClick(header);
    await realClick(body);
    expect(popups.opened).to.have.length(2);
    const [first, second] = popups.opened as Window[];
    expect(first).to.not.equal(second);
    expect(first!.name).to.match(/^login-elements-/);
    expect(second!.name).to.match(/^login-elements-/);
    expect(first!.name).to.not.equal(second!.name);
    const firstUrl = await heldUrl(() => first);
    const secondUrl = await heldUrl(() => second);
    // The body's login finishes first; the header's popup is still open and its flow still runs.
    approve(second!, secondUrl);
    const bodyDone = await oneEvent<Record<string, string>>(body, 'login-success');
    expect(bodyDone.detail.code).to.match(/^code\.GET\./);
    expect(first!.closed).to.equal(false);
    expect(header.busy).to.equal(true);
    approve(first!, firstUrl);
    const headerDone = await oneEvent<Record<string, string>>(header, 'login-success');
    expect(headerDone.detail.code).to.not.equal(bodyDone.detail.code);
    // A popup closes only once its flow took the result and stopped (it closes the popup, or acknowledges
    // and the callback closes itself): after that, neither flow has anything left to fire.
    await until(() => first!.closed && second!.closed, 2000, 'both popups to close');
    expect(headerEvents.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
    expect(bodyEvents.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
  });
});

describe('an element removed from the page mid-flow', () => {
  it('ends its flow as aborted: the popup closes and login() rejects', async () => {
    const el = await login();
    const events = recordEvents(el);
    const app = loginButtonFor(el);
    await app.click();
    await heldUrl(() => popups.opened[0]);
    el.remove();
    const reason = await app.pending().then(
      () => 'resolved',
      (e: { reason: string }) => e.reason,
    );
    expect(reason).to.equal('aborted');
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-cancel']);
    await until(() => popups.opened[0]!.closed, 2000, 'the popup to close');
  });

  it('a move (removed and inserted again in the same task) keeps the flow', async () => {
    const el = await login();
    const events = recordEvents(el);
    await realClick(el);
    const url = await heldUrl(() => popups.opened[0]);
    const box = document.createElement('div');
    document.body.append(box);
    box.append(el);
    // A removed element checks with a 0 ms timer whether it is back; this task comes after it.
    await nextTask();
    expect(el.busy).to.equal(true);
    expect(popups.opened[0]!.closed).to.equal(false);
    approve(popups.opened[0]!, url);
    await oneEvent(el, 'login-success');
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
  });
});

describe('input checks (contract §2): invalid_config naming the attribute, nothing opened or navigated', () => {
  const hostile: [attribute: string, value: string][] = [
    ['authorize-endpoint', 'javascript:parent.hacked=1'],
    ['authorize-endpoint', 'data:text/html,<script>opener.hacked=1</script>'],
    ['redirect-uri', 'javascript:parent.hacked=1'],
    ['redirect-uri', 'data:text/html,hi'],
    ['redirect-uri', 'blob:https://example.com/x'],
    ['exchange-endpoint', 'javascript:parent.hacked=1'],
    ['authorize-endpoint', 'http://provider.example/authorize'],
    ['timeout', 'abc'],
    ['timeout', '-5'],
    ['timeout', '1.5'],
  ];
  for (const mode of ['popup', 'redirect', 'auto'])
    for (const [attribute, value] of hostile)
      it(`${mode}: ${attribute}="${value}"`, async () => {
        const href = location.href;
        const el = await login({ 'authorize-endpoint': AUTHORIZE, mode, [attribute]: value });
        const events = recordEvents(el);
        const error = oneEvent<LoginErrorDetail>(el, 'login-error', 2000);
        await realClick(el);
        const { detail } = await error;
        expect(detail.error).to.equal('invalid_config');
        expect(detail.message).to.contain(attribute);
        expect(events.map((e) => e.type)).to.deep.equal(['login-error']);
        expect(popups.opened).to.have.length(0);
        // A javascript: navigation runs in a task queued when it starts (the click): before the answer
        // to a request made now. Any other navigation would leave this page.
        await fetch('/fixtures/exchange-stats');
        expect(location.href).to.equal(href);
        expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
        expect(el.busy).to.equal(false);
      });

  it('a BellaDati base-url with javascript: is refused by its attribute name', async () => {
    const el = await fixture('belladati-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, 'base-url': 'javascript:parent.hacked=1', mode: 'popup' });
    const error = oneEvent<LoginErrorDetail>(el, 'login-error', 2000);
    await realClick(el);
    const { detail } = await error;
    expect(detail).to.include({ error: 'invalid_config' });
    expect(detail.message).to.contain('base-url');
    expect(popups.opened).to.have.length(0);
  });

  for (const key of ['state', 'client_id', 'redirect_uri', 'response_type', 'code_challenge', 'code_challenge_method', 'scope'])
    it(`params may not set ${key}`, async () => {
      const el = await login({ 'authorize-endpoint': AUTHORIZE });
      el.params = { prompt: 'login', [key]: 'attacker' };
      const error = oneEvent<LoginErrorDetail>(el, 'login-error', 2000);
      await realClick(el);
      const { detail } = await error;
      expect(detail.error).to.equal('invalid_config');
      expect(detail.message).to.contain('params').and.to.contain(key);
      expect(popups.opened).to.have.length(0);
    });

  it('other params still reach the provider, and a timeout past 2^31-1 ms means none', async () => {
    const el = await login({ timeout: String(2 ** 31) });
    el.params = { prompt: 'login' };
    await realClick(el);
    const url = await heldUrl(() => popups.opened[0]);
    expect(url.searchParams.get('prompt')).to.equal('login');
    // A delay past 2^31-1 ms would be a timer of 0 ms, set at the click: it has run before this task.
    await nextTask();
    expect(el.busy).to.equal(true);
    el.cancel();
  });
});

describe('opaque origins', () => {
  it('a message from origin "null" is never accepted', async () => {
    const el = await login();
    const events = recordEvents(el);
    await realClick(el);
    const url = await heldUrl(() => popups.opened[0]);
    const forged = { type: 'login-elements:callback', state: url.searchParams.get('state'), code: 'forged' };
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(forged)}, '*')</script>`;
    const arrived = new Promise<MessageEvent>((resolve) => addEventListener('message', resolve, { once: true }));
    document.body.append(frame);
    expect((await arrived).origin).to.equal('null');
    // The flow's listener came before this test's: it has seen the forged message. The real result, after
    // it, is the one taken.
    expect(events.map((e) => e.type)).to.deep.equal(['login-start']);
    approve(popups.opened[0]!, url);
    const { detail } = await oneEvent<Record<string, string>>(el, 'login-success');
    expect(detail.code).to.match(/^code\.GET\./);
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
  });
});
