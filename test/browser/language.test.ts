import { expect } from '@esm-bundle/chai';
import { setTexts } from '../../src/index.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { fixture, until } from './helpers.js';

// contract §2 "Language": own lang, else the nearest ancestor's across shadow roots, else the document's;
// following later changes; English fallback marked lang="en"; a site adds or overrides texts.

const label = (el: Element) => el.shadowRoot?.querySelector<HTMLElement>('slot:not([name]) span');
const says = (el: Element, text: string, lang: string) =>
  until(() => label(el)?.textContent == text && label(el)?.getAttribute('lang') == lang, 5000, `"${text}" (${lang})`);

describe('the language an element speaks', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
  });

  it('the document’s, and it follows a later change', async () => {
    const el = await fixture('upbond-login', {});
    await says(el, 'Log in with UPBOND', 'en');
    document.documentElement.lang = 'ja';
    await says(el, 'UPBOND でログイン', 'ja');
    document.documentElement.lang = 'ko-KR';
    await says(el, 'UPBOND 계정으로 로그인', 'ko');
  });

  it('its own lang first, then the nearest ancestor’s across shadow roots', async () => {
    document.documentElement.lang = 'ja';
    const outer = document.createElement('section');
    outer.lang = 'ko';
    const host = document.createElement('div');
    outer.append(host);
    document.body.append(outer);
    const inShadow = document.createElement('bbaton-login') as LoginButton;
    host.attachShadow({ mode: 'open' }).append(inShadow);
    await says(inShadow, '비바톤 계정으로 로그인', 'ko');
    inShadow.lang = 'en';
    await says(inShadow, 'Log in with BBaton', 'en');
    inShadow.removeAttribute('lang');
    outer.lang = 'ja';
    await says(inShadow, 'BBaton でログイン', 'ja');
  });

  it('a lang that changes inside a shadow root around it is followed too', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const wrapper = document.createElement('span');
    const inShadow = document.createElement('upbond-login') as LoginButton;
    wrapper.append(inShadow);
    host.attachShadow({ mode: 'open' }).append(wrapper);
    await says(inShadow, 'Log in with UPBOND', 'en');
    wrapper.lang = 'ja';
    await says(inShadow, 'UPBOND でログイン', 'ja');
    wrapper.lang = 'ko';
    await says(inShadow, 'UPBOND 계정으로 로그인', 'ko');
  });

  it('an unknown language falls back to English, marked lang="en", status included', async () => {
    const el = await fixture<LoginButton>('bitbadges-login', { lang: 'fr' });
    await says(el, 'Log in with BitBadges', 'en');
    await el.login().catch(() => {});
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[part="status"]')!;
    expect(status.textContent).to.equal('Login failed.');
    expect(status.getAttribute('lang')).to.equal('en');
  });

  it('the text presets, with and without a provider name', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['bbaton-login', { text: 'signup_with' }, 'Sign up with BBaton'],
      ['bbaton-login', { text: 'continue_with', lang: 'ja' }, 'BBaton で続ける'],
      ['bbaton-login', { text: 'signin' }, 'Log in'],
      ['oauth-login', {}, 'Log in'],
      ['oauth-login', { text: 'signup_with' }, 'Sign up'],
      ['oauth-login', { text: 'continue_with', lang: 'ko' }, '계속하기'],
      ['oauth-login', { 'provider-label': 'Corp ID' }, 'Log in with Corp ID'],
      ['oauth-login', { 'provider-label': 'Corp ID', lang: 'ko' }, 'Corp ID 계정으로 로그인'],
    ];
    for (const [tag, attributes, text] of cases) {
      const el = await fixture(tag, attributes);
      await says(el, text, attributes.lang ?? 'en');
    }
  });

  it('setTexts adds a language and overrides a shipped text, for elements already on the page', async () => {
    const de = await fixture('belladati-login', { lang: 'de' });
    const en = await fixture('belladati-login', {});
    await says(de, 'Log in with BellaDati', 'en');
    setTexts('de', { button: { signin_with: 'Mit {provider} anmelden', failed: 'Anmeldung fehlgeschlagen.' } });
    setTexts('en', { button: { signin_with: 'Sign in with {provider}' } });
    await says(de, 'Mit BellaDati anmelden', 'de');
    await says(en, 'Sign in with BellaDati', 'en');
    setTexts('en', { button: { signin_with: 'Log in with {provider}' } });
    await says(en, 'Log in with BellaDati', 'en');
  });

  it("setTexts: a site's provider names and error texts reach the button, each in its own part", async () => {
    setTexts('fr', { button: { signin_with: 'Se connecter avec {provider}' }, names: { kakao: 'KakaoTalk' }, errors: { popup_blocked: 'Fenêtre bloquée.' } });
    const el = await fixture<LoginButton>('kakao-login', { lang: 'fr', 'client-id': 'c', 'redirect-uri': '/cb', mode: 'popup' });
    await says(el, 'Se connecter avec KakaoTalk', 'fr');
    // No user activation here: the popup is blocked, and the status says the site's text for that code.
    await el.login().catch(() => {});
    const status = () => el.shadowRoot!.querySelector('[part=status]')!;
    await until(() => status().textContent == 'Fenêtre bloquée.', 5000, "the site's popup_blocked text");
    expect(status().getAttribute('lang')).to.equal('fr');
  });
});
