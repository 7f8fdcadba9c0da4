import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { buildAuthorizeRequest } from '../../src/core/authorize-url.js';
import { usesPkce } from '../../src/core/settings.js';
import type { LoginConfig, LoginResultDetail } from '../../src/core/types.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { ELEMENTS, loadElement } from '../../src/elements/catalogue.js';
import { CALLBACK, fixture, oneEvent, popupsPerTest, realClick, until } from './helpers.js';

// Issue 24's six elements (contract §8): the authorize request each builds from its own profile, the
// provider's own words in en/ko/ja, and the endpoint form. Contrast and axe-core: a11y.test.ts (TAGS).

/** The authorize URL an element's click would open (its config, as the flow builds it). */
function authorizeUrl(el: LoginButton): URL {
  const config = (el as unknown as { config(): LoginConfig }).config();
  const pkce = usesPkce(config);
  return buildAuthorizeRequest(config, { state: 'st', codeChallenge: pkce ? 'ch' : undefined }).url;
}

const EXPECTED = {
  google: { at: 'https://accounts.google.com/o/oauth2/v2/auth', scope: 'openid email profile', pkce: true },
  github: { at: 'https://github.com/login/oauth/authorize', scope: 'read:user user:email', pkce: true },
  microsoft: { at: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', scope: 'openid profile email offline_access', pkce: true },
  kakao: { at: 'https://kauth.kakao.com/oauth/authorize', scope: 'openid profile_nickname profile_image', pkce: true },
  naver: { at: 'https://nid.naver.com/oauth2.0/authorize', scope: null, pkce: false },
  line: { at: 'https://access.line.me/oauth2/v2.1/authorize', scope: 'openid profile', pkce: true },
} as const;

/** Each element's label for `text` unset and `signin`, by language: the providers' own wording. */
const LABELS = {
  google: { en: ['Sign in with Google', 'Sign in'], ko: ['Google 계정으로 로그인', '로그인'], ja: ['Google でログイン', 'ログイン'] },
  github: { en: ['Sign in with GitHub', 'Sign in'], ko: ['GitHub 계정으로 로그인', '로그인'], ja: ['GitHub でログイン', 'ログイン'] },
  microsoft: { en: ['Sign in with Microsoft', 'Sign in'], ko: ['Microsoft 계정으로 로그인', '로그인'], ja: ['Microsoft でサインイン', 'サインイン'] },
  kakao: { en: ['Login with Kakao', 'Login'], ko: ['카카오 로그인', '로그인'], ja: ['Kakao でログイン', 'ログイン'] },
  naver: { en: ['Log in with NAVER', 'Log in'], ko: ['네이버 로그인', '로그인'], ja: ['NAVER でログイン', 'ログイン'] },
  line: { en: ['Log in with LINE', 'Log in'], ko: ['LINE으로 로그인', '로그인'], ja: ['LINEでログイン', 'ログイン'] },
} as const;

const labelOf = (el: LoginButton) => el.shadowRoot!.querySelector('.label slot:not([name]) span')!.textContent!.trim();

describe('the six provider elements (issue 24)', () => {
  afterEach(() => document.body.replaceChildren());

  for (const [type, want] of Object.entries(EXPECTED)) {
    it(`<${type}-login>: its provider's authorize endpoint, scope and PKCE`, async () => {
      const el = await fixture<LoginButton>(`${type}-login`, { 'client-id': 'cid', 'redirect-uri': CALLBACK });
      expect(el.provider).to.equal(type);
      const url = authorizeUrl(el);
      expect(url.origin + url.pathname).to.equal(want.at);
      expect(url.searchParams.get('client_id')).to.equal('cid');
      expect(url.searchParams.get('response_type')).to.equal('code');
      expect(url.searchParams.get('state')).to.equal('st');
      expect(url.searchParams.get('scope')).to.equal(want.scope);
      expect(url.searchParams.get('code_challenge_method')).to.equal(want.pkce ? 'S256' : null);
      // Every endpoint can be pointed elsewhere (a stand-in).
      el.setAttribute('authorize-endpoint', 'https://stand-in.test/authorize');
      await el.updateComplete;
      expect(authorizeUrl(el).href.startsWith('https://stand-in.test/authorize?')).to.equal(true);
    });

    it(`<${type}-login>: the provider's own words in en, ko and ja`, async () => {
      for (const lang of ['en', 'ko', 'ja'] as const) {
        const el = await fixture<LoginButton>(`${type}-login`, { 'client-id': 'c', 'redirect-uri': CALLBACK, lang });
        const want = LABELS[type as keyof typeof LABELS][lang];
        await until(() => labelOf(el) == want[0], 5000, `${type} ${lang}: "${want[0]}", not "${labelOf(el)}"`);
        el.setAttribute('text', 'signin');
        await el.updateComplete;
        expect(labelOf(el), `${type} ${lang} signin`).to.equal(want[1]);
        el.remove();
      }
    });
  }

  it("<google-login> draws Google's four-colour G (it loads beside the element), whatever the theme", async () => {
    for (const theme of ['filled', 'outline', 'neutral']) {
      const el = await fixture<LoginButton>('google-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, theme });
      await until(() => el.shadowRoot!.querySelectorAll('[part="logo"] svg path').length == 4, 5000, 'the G');
      const fills = [...el.shadowRoot!.querySelectorAll('[part="logo"] svg path')].map((p) => getComputedStyle(p).fill);
      expect(fills).to.deep.equal(['rgb(234, 67, 53)', 'rgb(66, 133, 244)', 'rgb(251, 188, 5)', 'rgb(52, 168, 83)']);
    }
  });

  it('<microsoft-login tenant>: common by default, organizations, consumers or a tenant id in the path; an authorize-endpoint wins', async () => {
    const el = await fixture<LoginButton>('microsoft-login', { 'client-id': 'c', 'redirect-uri': CALLBACK });
    for (const tenant of ['organizations', 'consumers', '72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com']) {
      el.setAttribute('tenant', tenant);
      await el.updateComplete;
      expect(authorizeUrl(el).origin + authorizeUrl(el).pathname).to.equal(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`);
    }
    el.setAttribute('authorize-endpoint', 'https://stand-in.test/tenant-x/oauth2/v2.0/authorize');
    await el.updateComplete;
    expect(authorizeUrl(el).pathname).to.equal('/tenant-x/oauth2/v2.0/authorize');
  });

  it("Google refuses in-app browsers (its profile says so); the others do not", async () => {
    for (const type of Object.keys(EXPECTED)) {
      await loadElement(type);
      const ctor = customElements.get(`${type}-login`) as unknown as typeof LoginButton;
      expect(!!ctor.profile.refusesInAppBrowsers, type).to.equal(type == 'google');
    }
  });

  it('the catalogue loads every one of them by its provider type', async () => {
    for (const type of Object.keys(EXPECTED)) {
      expect(Object.hasOwn(ELEMENTS, type), type).to.equal(true);
      expect(await loadElement(type)).to.equal(`${type}-login`);
    }
  });
});

describe('the six provider elements, endpoint form', () => {
  popupsPerTest();
  let count = 0;
  const endpointFor = () => `/fixtures/ep/providers-${Date.now()}-${count++}`;
  type Result = { received: Record<string, string>; authorized: Record<string, string> };

  it('<google-login endpoint> takes its settings from {endpoint}/providers (key google) and exchanges at {endpoint}/google', async () => {
    const endpoint = endpointFor();
    const el = await fixture<LoginButton>('google-login', { endpoint, mode: 'popup' });
    const success = oneEvent<LoginResultDetail>(el, 'login-success');
    await realClick(el);
    const { authorized, received } = (await success).detail.result as Result;
    expect(authorized).to.include({ client_id: 'served-google', scope: 'openid email profile', code_challenge_method: 'S256' });
    expect(received.codeVerifier).to.be.a('string');
    expect(((await (await fetch(`${endpoint}/stats`)).json()) as { exchanges: string[] }).exchanges).to.deep.equal([`${endpoint}/google`]);
  });

  it("<naver-login endpoint>: no PKCE, and the authorize request's state reaches the exchange (Naver's token endpoint wants it)", async () => {
    const el = await fixture<LoginButton>('naver-login', { endpoint: endpointFor(), mode: 'popup' });
    const success = oneEvent<LoginResultDetail>(el, 'login-success');
    await realClick(el);
    const { authorized, received } = (await success).detail.result as Result;
    expect(authorized.client_id).to.equal('served-naver');
    expect(authorized.code_challenge).to.equal(undefined);
    expect(received.state).to.be.a('string').and.equal(authorized.state);
  });
});
