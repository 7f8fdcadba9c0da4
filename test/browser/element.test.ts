import { expect } from '@esm-bundle/chai';
import { login } from '../../src/index.js';
import type { BbatonLogin } from '../../src/elements/bbaton-login.js';
import type { LoginErrorDetail, LoginResultDetail, LoginSuccessDetail } from '../../src/core/types.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, capturePopups, consumeActivation, fixture, oneEvent, realClick, recordEvents, until } from './helpers.js';

const TAGS = ['oauth-login', 'bbaton-login', 'belladati-login', 'upbond-login', 'bitbadges-login'] as const;

describe('the five elements', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.lang = '';
  });

  for (const tag of TAGS) {
    it(`<${tag}> renders a native part="button" with a provider label, focus delegated`, async () => {
      const el = await fixture(tag, { 'client-id': 'c', 'redirect-uri': CALLBACK });
      const button = el.shadowRoot!.querySelector('button')!;
      expect(button.getAttribute('part')).to.equal('button');
      expect(button.type).to.equal('button');
      expect(button.getAttribute('aria-busy')).to.equal('false');
      expect(el.shadowRoot!.delegatesFocus).to.equal(true);
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(button);
      const slot = button.querySelector('slot:not([name])')!;
      expect(slot.textContent!.trim()).to.match(/^Log in/);
      expect(el).to.be.instanceOf(customElements.get(tag)!);
    });

    it(`<${tag}> without client-id fails with invalid_config naming it, and opens no window`, async () => {
      const popups = capturePopups();
      const el = await fixture(tag, { 'redirect-uri': CALLBACK, 'authorize-endpoint': AUTHORIZE });
      const error = oneEvent<LoginErrorDetail>(el, 'login-error');
      await realClick(el);
      const { detail } = await error;
      expect(detail.error).to.equal('invalid_config');
      expect(detail.message).to.contain('client-id');
      expect(popups.opened).to.have.length(0);
      popups.restore();
    });
  }

  it('missing redirect-uri is invalid_config naming it', async () => {
    const el = await fixture('bitbadges-login', { 'client-id': 'c' });
    const error = oneEvent<LoginErrorDetail>(el, 'login-error');
    await el.login().catch(() => {});
    expect((await error).detail.message).to.contain('redirect-uri');
  });

  it('<oauth-login> without authorize-endpoint is invalid_config naming it', async () => {
    const el = await fixture('oauth-login', { 'client-id': 'c', 'redirect-uri': CALLBACK });
    const error = el.login();
    let caught: LoginErrorDetail | undefined;
    await error.catch((e: LoginErrorDetail) => (caught = e));
    expect(caught).to.include({ error: 'invalid_config', provider: 'oauth' });
    expect(caught!.message).to.contain('authorize-endpoint');
  });

  it('BBaton shows its Korean label when the page language is ko, and a slot overrides it', async () => {
    document.documentElement.lang = 'ko';
    const el = await fixture<BbatonLogin>('bbaton-login', {});
    const label = () => el.shadowRoot!.querySelector('slot:not([name])')!.textContent!.trim();
    await until(() => label() == '비바톤 계정으로 로그인', 5000, 'the Korean label');
    const custom = await fixture('bbaton-login', {});
    custom.textContent = '성인 인증';
    const slot = custom.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(slot.assignedNodes()[0]!.textContent).to.equal('성인 인증');
  });

  it('disabled is reflected and a click does nothing', async () => {
    consumeActivation();
    const popups = capturePopups();
    const el = await fixture('upbond-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, disabled: '' });
    const events = recordEvents(el);
    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(el.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
    await realClick(el);
    el.click();
    // A flow starts (login-start) within the click or not at all: nothing can come later.
    expect(events).to.deep.equal([]);
    expect(popups.opened).to.have.length(0);
    popups.restore();
  });

  it('maps kebab-case attributes to properties and never reflects defaults', async () => {
    const el = await fixture('upbond-login', {
      'client-id': 'id',
      'redirect-uri': '/cb',
      'exchange-endpoint': '/auth/upbond',
      'popup-width': '300',
      'popup-height': '400',
      timeout: '0',
      pkce: 'off',
      audience: 'https://api',
    });
    expect(el.clientId).to.equal('id');
    expect(el.exchangeEndpoint).to.equal('/auth/upbond');
    expect(el.popupWidth).to.equal(300);
    expect(el.timeout).to.equal(0);
    expect((el as unknown as { audience: string }).audience).to.equal('https://api');
    expect(el.mode).to.equal('auto');
    expect(el.hasAttribute('mode')).to.equal(false);
    expect(el.hasAttribute('busy')).to.equal(false);
  });

  it('events bubble and are composed, so they leave shadow roots', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const el = document.createElement('oauth-login');
    root.append(el);
    await el.updateComplete;
    const error = oneEvent<LoginErrorDetail>(document, 'login-error');
    await el.login().catch(() => {});
    const event = await error;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.target).to.equal(host);
  });

  it('registering twice (the CDN bundle after the npm modules) does not throw', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    addEventListener('error', onError);
    // @ts-expect-error built file, no types
    await import('/dist/cdn/login-elements.js');
    removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    for (const tag of TAGS) expect(customElements.get(tag)).to.not.equal(undefined);
  });

  it('login() from the package root runs the same flow from any click handler, events on document', async () => {
    consumeActivation();
    const popups = capturePopups();
    const button = document.createElement('button');
    button.textContent = 'Sign in';
    document.body.append(button);
    const events = recordEvents(document);
    let pending: Promise<LoginSuccessDetail> | undefined;
    button.onclick = () => {
      pending = login({ provider: 'bbaton', clientId: 'c', redirectUri: CALLBACK, authorizeEndpoint: AUTHORIZE, exchangeEndpoint: EXCHANGE, mode: 'popup' });
    };
    await realClick(button);
    const detail = (await pending!) as LoginResultDetail;
    expect(detail).to.include({ provider: 'bbaton', mode: 'popup' });
    expect((detail.result as { user: { id: string } }).user.id).to.equal('user-42');
    expect(popups.opened).to.have.length(1);
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-success']);
    popups.restore();
  });

  for (const provider of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`login({provider: '${provider}'}) is a generic OAuth provider with PKCE, not a key of Object.prototype`, async () => {
      consumeActivation();
      const popups = capturePopups();
      const button = document.createElement('button');
      document.body.append(button);
      let pending: Promise<LoginSuccessDetail> | undefined;
      button.onclick = () => {
        pending = login({ provider, clientId: 'c', redirectUri: CALLBACK, authorizeEndpoint: AUTHORIZE, exchangeEndpoint: EXCHANGE, mode: 'popup' });
      };
      await realClick(button);
      const detail = (await pending!) as LoginResultDetail;
      expect(detail.provider).to.equal(provider);
      expect((detail.result as { received: Record<string, string> }).received.codeVerifier).to.match(/^[\w-]{43}$/);
      popups.restore();
      button.remove();
    });
  }
});
