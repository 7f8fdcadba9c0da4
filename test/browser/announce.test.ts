import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import { button } from '../../src/i18n/en.js';
import { names } from '../../src/providers/names.js';
import { button as ja } from '../../src/i18n/ja.js';
import { button as ko } from '../../src/i18n/ko.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { statusOf } from './a11y-helpers.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, fixture, oneEvent, popupsPerTest, realClick, until } from './helpers.js';

/** The buttons' English texts with BBaton's name, as the element takes them. */
const en = { ...button, bbaton: names.bbaton! };

// contract §2 "What a person sees and hears": the popup's opening and every outcome are announced once,
// through a polite live region, in the element's language — read from Chromium's accessibility tree.

type AxNode = { role?: string; name: string; live?: string };
const axTree = () => executeServerCommand<AxNode[], undefined>('cdp-ax-tree');

/** Every text the status region held, in order, as a screen reader would be handed them. */
function recordAnnouncements(el: LoginButton): string[] {
  const said: string[] = [];
  const status = statusOf(el);
  new MutationObserver(() => {
    const text = status.textContent!.trim();
    if (text && text != said.at(-1)) said.push(text);
  }).observe(status, { childList: true, characterData: true, subtree: true });
  return said;
}

/** The announcement is in the accessibility tree exactly once, inside a polite live region. */
async function expectAnnouncedOnce(text: string): Promise<void> {
  const nodes = await axTree();
  expect(nodes.filter((n) => n.role == 'StaticText' && n.name == text), `"${text}" in the accessibility tree`).to.have.length(1);
  expect(nodes.some((n) => n.role == 'status' && n.live == 'polite')).to.equal(true);
}

const popups = popupsPerTest();

const LANGUAGES = [
  ['en', en],
  // A language's own words for a provider (its name, in `brands`) over its button texts, as the element takes them.
  ['ko', { ...en, ...ko, ...ko.brands?.bbaton }],
  ['ja', { ...en, ...ja, ...ja.brands?.bbaton }],
] as const;

for (const [lang, texts] of LANGUAGES) {
  describe(`announcements on a page in ${lang}`, () => {
    let el: LoginButton;
    // While the popup is open the status says where to go on and how to cancel (shown, and announced once).
    const opened = texts.busy.replace('{provider}', texts.bbaton).replace(/…$/, '') + texts.close_to_cancel;
    beforeEach(async () => {
      document.documentElement.lang = lang;
      el = await fixture<LoginButton>('bbaton-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, 'exchange-endpoint': EXCHANGE, mode: 'popup' });
      // The language's texts are in (they load on demand from npm).
      await until(() => el.shadowRoot!.querySelector('slot:not([name]) span')!.getAttribute('lang') == lang, 5000, `${lang} texts`);
    });
    afterEach(() => (document.documentElement.lang = 'en'));

    it('popup opened, then cancelled: each announced once, politely, in the language', async () => {
      el.setAttribute('authorize-endpoint', `${AUTHORIZE}?hold`);
      const said = recordAnnouncements(el);
      await realClick(el);
      expect(popups.opened).to.have.length(1);
      await until(() => said.length == 1, 3000, 'the opening announced');
      await expectAnnouncedOnce(opened);
      // The button itself says where to go on (its name and what it shows), next to a busy indicator.
      const busyText = texts.busy.replace('{provider}', texts.bbaton);
      expect(el.shadowRoot!.querySelector('button')!.innerText.trim()).to.equal(busyText);
      expect((await axTree()).filter((n) => n.role == 'button').map((n) => n.name)).to.include(busyText);
      const cancelled = oneEvent(el, 'login-cancel');
      el.cancel();
      await cancelled;
      await el.updateComplete;
      await expectAnnouncedOnce(texts.cancelled);
      expect(said).to.deep.equal([opened, texts.cancelled]);
      expect(statusOf(el).getAttribute('lang')).to.equal(lang);
      // Shown, not only announced: a cancel leaves a visible message.
      expect(statusOf(el).getBoundingClientRect().height).to.be.greaterThan(5);
    });

    it('error (the user denied): announced once and shown; the next click clears it', async () => {
      el.setAttribute('authorize-endpoint', `${AUTHORIZE}?deny`);
      const said = recordAnnouncements(el);
      const error = oneEvent(el, 'login-error');
      await realClick(el);
      await error;
      await el.updateComplete;
      await expectAnnouncedOnce(texts.access_denied);
      expect(said).to.deep.equal([opened, texts.access_denied]);
      expect(statusOf(el).getBoundingClientRect().height).to.be.greaterThan(5);
      el.setAttribute('authorize-endpoint', `${AUTHORIZE}?hold`);
      await realClick(el);
      await el.updateComplete;
      expect(statusOf(el).textContent).to.equal(opened);
      el.cancel();
    });

    it('success: announced once, not shown', async () => {
      el.setAttribute('authorize-endpoint', AUTHORIZE);
      const said = recordAnnouncements(el);
      const success = oneEvent(el, 'login-success');
      await realClick(el);
      await success;
      await el.updateComplete;
      await expectAnnouncedOnce(texts.success);
      expect(said).to.deep.equal([opened, texts.success]);
      expect(statusOf(el).getBoundingClientRect().height).to.be.at.most(1);
    });
  });
}

describe('what is shown and said, whatever the language', () => {
  afterEach(() => (document.documentElement.lang = 'en'));

  it('type="icon": the accessible name is the full label, in the language', async () => {
    await fixture('upbond-login', { type: 'icon', 'client-id': 'c', 'redirect-uri': CALLBACK });
    const ja = await fixture('belladati-login', { type: 'icon', lang: 'ja', shape: 'circle' });
    await until(() => ja.shadowRoot!.textContent!.includes('BellaDati でログイン'), 5000, 'Japanese');
    const buttons = (await axTree()).filter((n) => n.role == 'button').map((n) => n.name);
    expect(buttons).to.include.members(['Log in with UPBOND', 'BellaDati でログイン']);
  });

  it('quiet: no visible message after an error, the announcement stays', async () => {
    const el = await fixture('bitbadges-login', { quiet: '', 'redirect-uri': CALLBACK });
    await el.login().catch(() => {});
    await el.updateComplete;
    expect(statusOf(el).textContent).to.equal(en.failed);
    expect(statusOf(el).getBoundingClientRect().height).to.be.at.most(1);
    await expectAnnouncedOnce(en.failed);
  });

  it('a popup blocked and a timeout each have their own message', async () => {
    const el = await fixture('oauth-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': `${AUTHORIZE}?hold`, mode: 'popup' });
    await el.login().catch(() => {}); // no user activation: the blocker refuses the window
    await el.updateComplete;
    expect(statusOf(el).textContent).to.equal(en.popup_blocked);
    el.timeout = 300;
    await realClick(el);
    await oneEvent(el, 'login-error');
    await el.updateComplete;
    expect(statusOf(el).textContent).to.equal(en.timeout);
  });
});

describe('an outcome on the page a redirect returns to', () => {
  it('while it completes there, the button says it is logging in (no popup to point at)', async () => {
    const frame = document.createElement('iframe');
    const params = { tag: 'bbaton-login', lang: 'ko', 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': AUTHORIZE, 'exchange-endpoint': `${EXCHANGE}?hang`, mode: 'redirect' };
    frame.src = `/test/browser/fixtures/app.html?${new URLSearchParams(params)}`;
    let loads = 0;
    const onMessage = (e: MessageEvent) => (e.data as { fixtureReady?: boolean }).fixtureReady && loads++;
    addEventListener('message', onMessage);
    document.body.append(frame);
    await until(() => loads == 1, 5000, 'the app page');
    (frame.contentDocument!.querySelector('bbaton-login') as HTMLElement).click();
    await until(() => loads == 2, 10_000, 'the app page again, after the provider and the callback');
    removeEventListener('message', onMessage);
    const el = () => frame.contentDocument!.querySelector('bbaton-login') as LoginButton;
    await until(() => el()?.busy && el().shadowRoot!.querySelector('button')!.innerText.trim() == ko.working, 5000, 'the working text');
    el().cancel();
    await until(() => statusOf(el()).textContent == ko.cancelled, 5000, 'the cancel');
    frame.remove();
    sessionStorage.clear();
  });

  it('is announced there, in the element\'s own language', async () => {
    const frame = document.createElement('iframe');
    const params = { tag: 'upbond-login', lang: 'ja', 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': AUTHORIZE, 'exchange-endpoint': EXCHANGE, mode: 'redirect' };
    frame.src = `/test/browser/fixtures/app.html?${new URLSearchParams(params)}`;
    const success = new Promise<void>((resolve) =>
      addEventListener('message', function done(e: MessageEvent) {
        if ((e.data as { fixtureEvent?: string }).fixtureEvent != 'login-success') return;
        removeEventListener('message', done);
        resolve();
      }),
    );
    const ready = new Promise<void>((resolve) => addEventListener('message', (e) => (e.data as { fixtureReady?: boolean }).fixtureReady && resolve(), { once: true }));
    document.body.append(frame);
    await ready;
    (frame.contentDocument!.querySelector('upbond-login') as HTMLElement).click();
    await success;
    const el = frame.contentDocument!.querySelector('upbond-login') as LoginButton;
    await until(() => statusOf(el).textContent == ja.success, 5000, 'the announcement on the returning page');
    expect(statusOf(el).getAttribute('role')).to.equal('status');
    expect(statusOf(el).getAttribute('lang')).to.equal('ja');
    frame.remove();
    sessionStorage.clear();
  });
});
