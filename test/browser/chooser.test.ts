import { expect } from '@esm-bundle/chai';
import '../../src/elements/login-chooser.js';
import '../../src/elements/bbaton-login.js';
import type { LoginChooser } from '../../src/elements/login-chooser.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { LAST_USED_KEY, listWait } from '../../src/elements/chooser-order.js';
import type { LoginErrorDetail, LoginResultDetail } from '../../src/core/types.js';
import { axeViolations, emulate, innerButton, resetPage, usePage } from './a11y-helpers.js';
import { fakeClock } from './fake-clock.js';
import { fixture, nextTask, oneEvent, popupsPerTest, realClick, recordEvents, until } from './helpers.js';

// contract §8's <login-chooser endpoint="…">, against the provider list of fixtures/endpoint-server.js
// (corp: oauth "Corp ID", bbaton, upbond, acme: a type this package has no element for, google, naver), one
// namespace per test so that the page's one-request-per-URL cache never mixes tests.

let count = 0;
const endpointFor = (kind: string) => `/fixtures/ep/${kind}-${Date.now()}-${count++}`;
const stats = async (endpoint: string) => (await fetch(`${endpoint}/stats`)).json() as Promise<{ lists: number; exchanges: string[] }>;
popupsPerTest();

/** A chooser with `attributes`, on the page. */
function chooser(attributes: Record<string, string>, host: HTMLElement = document.body): LoginChooser {
  const el = document.createElement('login-chooser');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  host.append(el);
  return el;
}

/** The chooser's buttons (the provider elements, in order) once they show. */
async function buttonsOf(el: LoginChooser): Promise<LoginButton[]> {
  await until(() => el.shadowRoot?.querySelector('[part="group"]')?.getAttribute('aria-busy') == 'false', 5000, 'the buttons');
  const buttons = [...el.shadowRoot!.querySelectorAll<LoginButton>('.item > :not(.badge)')];
  await Promise.all(buttons.map((b) => b.updateComplete));
  return buttons;
}

const describeButton = (b: LoginButton) => `${b.localName} ${b.provider}`;
const labelOf = (b: LoginButton) => innerButton(b).textContent!.replace(/\s+/g, ' ').trim();
const badges = (el: LoginChooser) => [...el.shadowRoot!.querySelectorAll('[part="badge"]')];

/** Records console.warn for the test; `restore()` puts it back. */
function warnings() {
  const original = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => void said.push(args.join(' '));
  return { said, restore: () => (console.warn = original) };
}

const clearLastUsed = () => localStorage.removeItem(LAST_USED_KEY);

describe('<login-chooser>: one button per provider the endpoint serves', () => {
  beforeEach(clearLastUsed);
  afterEach(clearLastUsed);

  it("in the server's order, each the provider's own element; an unknown type is <oauth-login> with its label", async () => {
    const buttons = await buttonsOf(chooser({ endpoint: endpointFor('order') }));
    expect(buttons.map(describeButton)).to.deep.equal(['oauth-login corp', 'bbaton-login bbaton', 'upbond-login upbond', 'oauth-login acme', 'google-login google', 'naver-login naver']);
    expect(buttons.map(labelOf)).to.deep.equal(['Log in with Corp ID', 'Log in with BBaton', 'Log in with UPBOND', 'Log in with Acme SSO', 'Sign in with Google', 'Log in with NAVER']);
    expect(buttons.every((b) => b.endpoint!.startsWith('/fixtures/ep/order-'))).to.equal(true);
  });

  it('providers="…" picks and orders a subset; a key the list lacks is warned about and skipped', async () => {
    const console = warnings();
    try {
      const buttons = await buttonsOf(chooser({ endpoint: endpointFor('subset'), providers: 'upbond nope corp' }));
      expect(buttons.map(describeButton)).to.deep.equal(['upbond-login upbond', 'oauth-login corp']);
      expect(console.said).to.have.length(1);
      expect(console.said[0]).to.contain('"nope"');
    } finally {
      console.restore();
    }
  });

  it('a button logs in through {endpoint}/{key}; its events bubble to the page; the next chooser shows it first with "Last used"', async () => {
    const endpoint = endpointFor('success');
    const first = chooser({ endpoint, mode: 'popup' });
    const [, , upbond] = await buttonsOf(first);
    const events = recordEvents(document);
    const success = oneEvent<LoginResultDetail>(document, 'login-success');
    await realClick(upbond!);
    const { detail } = await success;
    expect(detail.provider).to.equal('upbond');
    expect(events.map((e) => [e.type, e.detail.provider])).to.deep.equal([
      ['login-start', 'upbond'],
      ['login-success', 'upbond'],
    ]);
    expect((await stats(endpoint)).exchanges).to.deep.equal([`${endpoint}/upbond`]);
    expect(localStorage.getItem(LAST_USED_KEY)).to.equal('upbond');
    // This chooser keeps its order (nothing moves under the pointer); the next one starts with upbond.
    expect(badges(first)).to.have.length(0);
    const next = chooser({ endpoint });
    const buttons = await buttonsOf(next);
    expect(buttons.map(describeButton)).to.deep.equal(['upbond-login upbond', 'oauth-login corp', 'bbaton-login bbaton', 'oauth-login acme', 'google-login google', 'naver-login naver']);
    expect(badges(next).map((b) => b.textContent)).to.deep.equal(['Last used']);
    expect(badges(next)[0]!.closest('.item')!.contains(buttons[0]!)).to.equal(true);
    // The badge describes the button (its accessible description), across the shadow root.
    expect(innerButton(buttons[0]!).ariaDescribedByElements).to.deep.equal([badges(next)[0]]);
  });

  it('"Last used" in Korean and Japanese; a subset without the last-used provider has no badge', async () => {
    localStorage.setItem(LAST_USED_KEY, 'bbaton');
    const endpoint = endpointFor('badge-lang');
    const ko = chooser({ endpoint, lang: 'ko' });
    await buttonsOf(ko);
    await until(() => badges(ko)[0]?.textContent == '최근 사용', 5000, 'the Korean badge');
    expect(badges(ko)[0]!.getAttribute('lang')).to.equal('ko');
    const ja = chooser({ endpoint, lang: 'ja' });
    await buttonsOf(ja);
    await until(() => badges(ja)[0]?.textContent == '前回使用', 5000, 'the Japanese badge');
    expect(ja.shadowRoot!.querySelector('[part="group"]')!.getAttribute('aria-label')).to.equal('ログイン方法を選択');
    const without = chooser({ endpoint, providers: 'corp upbond' });
    expect((await buttonsOf(without)).map(describeButton)).to.deep.equal(['oauth-login corp', 'upbond-login upbond']);
    expect(badges(without)).to.have.length(0);
  });

  it('a cancel or an error is not remembered', async () => {
    const endpoint = endpointFor('not-kept');
    const el = chooser({ endpoint, mode: 'popup' });
    const [corp, bbaton] = await buttonsOf(el);
    // Cancelled before any window opens.
    const stop = (event: Event) => event.preventDefault();
    document.addEventListener('login-start', stop);
    const cancel = oneEvent(document, 'login-cancel');
    await realClick(corp!);
    await cancel;
    document.removeEventListener('login-start', stop);
    // A flow that times out at once.
    bbaton!.timeout = 1;
    const error = oneEvent<LoginErrorDetail>(document, 'login-error');
    await realClick(bbaton!);
    expect((await error).detail).to.include({ provider: 'bbaton', error: 'timeout' });
    expect(localStorage.getItem(LAST_USED_KEY)).to.equal(null);
    const next = chooser({ endpoint });
    await buttonsOf(next);
    expect(badges(next)).to.have.length(0);
  });

  it('blocked storage (reads and writes throw): no badge, no error, the login still completes', async () => {
    localStorage.setItem(LAST_USED_KEY, 'bbaton');
    const { getItem, setItem } = Storage.prototype;
    const blocked = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    Storage.prototype.getItem = blocked;
    Storage.prototype.setItem = blocked;
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in event ? event.reason : event.error);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    try {
      const endpoint = endpointFor('blocked');
      const el = chooser({ endpoint, mode: 'popup' });
      const buttons = await buttonsOf(el);
      expect(buttons.map(describeButton)[0]).to.equal('oauth-login corp');
      expect(badges(el)).to.have.length(0);
      const success = oneEvent<LoginResultDetail>(document, 'login-success');
      await realClick(buttons[1]!);
      expect((await success).detail.provider).to.equal('bbaton');
      // The chooser remembers inside the login-success dispatch (an error there is reported at once); a
      // rejected promise is reported in a task queued before this one.
      await nextTask();
      expect(errors).to.deep.equal([]);
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
    expect(localStorage.getItem(LAST_USED_KEY)).to.equal('bbaton');
  });

  it('one request for the list: a chooser and separate buttons on the same page', async () => {
    const endpoint = endpointFor('shared');
    const separate = await fixture<LoginButton>('bbaton-login', { endpoint, mode: 'popup' });
    const el = chooser({ endpoint, mode: 'popup' });
    const other = chooser({ endpoint, providers: 'corp' });
    await buttonsOf(el);
    await buttonsOf(other);
    const success = oneEvent<LoginResultDetail>(separate, 'login-success');
    await realClick(separate);
    expect((await success).detail.provider).to.equal('bbaton');
    expect((await stats(endpoint)).lists).to.equal(1);
  });

  it('the appearance attributes reach every button, and follow later changes', async () => {
    const el = chooser({ endpoint: endpointFor('looks'), theme: 'outline', size: 'small', shape: 'pill', text: 'continue_with', 'logo-alignment': 'center', mode: 'redirect', quiet: '', timeout: '60000', lang: 'ja' });
    const buttons = await buttonsOf(el);
    for (const b of buttons) {
      expect({ theme: b.theme, size: b.size, shape: b.shape, text: b.text, logoAlignment: b.logoAlignment, mode: b.mode, quiet: b.quiet, timeout: b.timeout }, b.localName).to.deep.equal({
        theme: 'outline',
        size: 'small',
        shape: 'pill',
        text: 'continue_with',
        logoAlignment: 'center',
        mode: 'redirect',
        quiet: true,
        timeout: 60000,
      });
      expect(innerButton(b).getBoundingClientRect().height).to.equal(32);
    }
    // The chooser's language is the buttons' (they are inside it).
    await until(() => labelOf(buttons[0]!) == 'Corp ID で続ける', 5000, 'the Japanese label');
    el.theme = 'neutral';
    el.disabled = true;
    await el.updateComplete;
    await Promise.all(buttons.map((b) => b.updateComplete));
    expect(buttons.map((b) => [b.theme, b.disabled])).to.deep.equal(buttons.map(() => ['neutral', true]));
    // Stacked, full width, one gap apart.
    el.disabled = false;
    el.style.width = '300px';
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    expect(boxes.every((box) => box.width == 300)).to.equal(true);
    const gaps = boxes.slice(1).map((box, i) => Math.round(box.top - boxes[i]!.bottom));
    expect(new Set(gaps).size).to.equal(1);
  });

  it('a provider listed with "error" (discovery failed) is shown disabled, in its place, and warned about', async () => {
    const console = warnings();
    try {
      const buttons = await buttonsOf(chooser({ endpoint: endpointFor('broken') }));
      expect(buttons.map((b) => [b.provider, b.disabled])).to.deep.equal([
        ['corp', true],
        ['bbaton', false],
        ['upbond', false],
        ['acme', false],
        ['google', false],
        ['naver', false],
      ]);
      expect(console.said.filter((line) => line.includes('"corp"'))).to.have.length(1);
    } finally {
      console.restore();
    }
  });

  for (const [kind, what, status] of [
    ['fail', 'a 500', 500],
    ['drop', 'a network error', undefined],
    ['empty', 'a list with no provider', undefined],
  ] as const)
    it(`a list that cannot be had (${what}): one login-error config_unavailable and a visible message`, async () => {
      const events = recordEvents(document);
      const error = oneEvent<LoginErrorDetail>(document, 'login-error');
      // The only later cause of a second login-error is the list's own deadline (listWait): on a clock moved by hand.
      const clock = fakeClock();
      const el = chooser({ endpoint: endpointFor(kind) });
      const { detail } = await error;
      expect(detail).to.include({ provider: '', error: 'config_unavailable', mode: 'auto' });
      expect(detail.status).to.equal(status);
      await el.updateComplete;
      const message = el.shadowRoot!.querySelector<HTMLElement>('[part="error"]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.equal('Login is not available right now. Try again later.');
      expect(message.getBoundingClientRect().height).to.be.greaterThan(0);
      clock.tick(listWait.ms);
      clock.restore();
      expect(events.map((e) => e.type)).to.deep.equal(['login-error']);
    });

  it('a list that does not come: config_unavailable after the wait, then the buttons if it comes after all', async () => {
    const wait = listWait.ms;
    listWait.ms = 300;
    try {
      const endpoint = endpointFor('gate');
      const error = oneEvent<LoginErrorDetail>(document, 'login-error');
      const el = chooser({ endpoint });
      expect((await error).detail).to.include({ error: 'config_unavailable' });
      expect((await error).detail.message).to.contain('did not answer within 300 ms');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
      await fetch(`${endpoint}/release`);
      expect((await buttonsOf(el)).length).to.equal(6);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    } finally {
      listWait.ms = wait;
    }
  });

  it('an unsafe endpoint is invalid_config, nothing asked', async () => {
    const error = oneEvent<LoginErrorDetail>(document, 'login-error');
    chooser({ endpoint: 'javascript:alert(1)//' });
    expect((await error).detail).to.include({ error: 'invalid_config' });
  });
});

describe('<login-chooser>: accessibility', function () {
  this.timeout(60_000);
  beforeEach(clearLastUsed);
  afterEach(async () => {
    clearLastUsed();
    resetPage();
    await emulate();
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`axe-core finds nothing, ${scheme}: the group, the badge, every theme, the error state`, async () => {
      await emulate({ 'prefers-color-scheme': scheme });
      const host = usePage(scheme);
      host.style.flexDirection = 'column';
      localStorage.setItem(LAST_USED_KEY, 'upbond');
      const endpoint = endpointFor('axe');
      for (const theme of ['filled', 'outline', 'neutral']) await buttonsOf(chooser({ endpoint, theme }, host));
      const failed = chooser({ endpoint: endpointFor('fail') }, host);
      await until(() => !!failed.shadowRoot?.querySelector('[part="error"]'), 5000, 'the error state');
      const group = host.querySelector('login-chooser')!.shadowRoot!.querySelector('[part="group"]')!;
      expect([group.getAttribute('role'), group.getAttribute('aria-label')]).to.deep.equal(['group', 'Choose how to log in']);
      expect(await axeViolations(host)).to.deep.equal([]);
    });
});
