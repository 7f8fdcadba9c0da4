// The six big providers end to end in Chromium (issue 24): each built-in element on the demo page, in
// its `endpoint` form, against its strict stand-in — popup and redirect logins through the stand-in's
// own page, the session the login made, its tokens refreshed and ended at the provider on sign-out
// (Microsoft: its end-session page), and the refusals a person can meet, as the page sees them.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningDemo } from '../../demo/server.js';
import type { SocialProvider } from '../../demo/social-providers.js';
import { GITHUB_USER } from '../../demo/stand-ins/github.js';
import { GOOGLE_USER } from '../../demo/stand-ins/google.js';
import { KAKAO_ACCOUNT, KAKAO_ID } from '../../demo/stand-ins/kakao.js';
import { LINE_USER } from '../../demo/stand-ins/line.js';
import { MICROSOFT_USER } from '../../demo/stand-ins/microsoft.js';
import { NAVER_USER } from '../../demo/stand-ins/naver.js';
import { demoEvent, openDemo, startAll } from './support.js';

/** The normalised user each dialect makes of its stand-in's answers (contract §8), exactly these fields. */
const USERS: Record<SocialProvider, Record<string, unknown>> = {
  google: { id: GOOGLE_USER.sub, name: GOOGLE_USER.name, email: GOOGLE_USER.email, emailVerified: true, picture: GOOGLE_USER.picture },
  github: { id: String(GITHUB_USER.id), name: GITHUB_USER.name, email: 'seoyeon@example.com', emailVerified: true, picture: GITHUB_USER.avatar_url },
  microsoft: { id: MICROSOFT_USER.sub, name: MICROSOFT_USER.name, email: MICROSOFT_USER.email },
  kakao: { id: String(KAKAO_ID), name: KAKAO_ACCOUNT.profile.nickname, email: KAKAO_ACCOUNT.email, emailVerified: true, picture: KAKAO_ACCOUNT.profile.profile_image_url },
  naver: { id: NAVER_USER.id, name: NAVER_USER.name, email: NAVER_USER.email, picture: NAVER_USER.profile_image },
  line: { id: LINE_USER.sub, name: LINE_USER.name, email: LINE_USER.email, picture: LINE_USER.picture },
};
const KEYS = Object.keys(USERS) as SocialProvider[];
/** What each offers beyond the login (decision 29): all refresh; Microsoft has end-session, not revocation. */
const REVOKES = new Set<SocialProvider>(['google', 'github', 'kakao', 'naver', 'line']);
/** What a reused code is answered with: Naver says `invalid_request` ("no valid data in session"). */
const REUSED: Record<SocialProvider, string> = { google: 'invalid_grant', github: 'invalid_grant', microsoft: 'invalid_grant', kakao: 'invalid_grant', naver: 'invalid_request', line: 'invalid_grant' };

let demo: RunningDemo;
let browser: Browser;
let context: BrowserContext;
// Access tokens at the stand-ins live 2 s: stale (refreshed first) after 1 s.
beforeAll(async () => ({ demo, browser } = await startAll({ tokens: { expiresIn: 2 } })));
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
});
afterEach(() => context.close());

const button = (key: string) => `#buttons [data-key="${key}"]`;
const sessionState = (page: Page, state: 'signed-in' | 'signed-out') =>
  page.waitForFunction((s) => document.querySelector('#session')?.getAttribute('state') === s, state, { timeout: 10_000 });
const origin = () => new URL(demo.url).origin;

/** Clicks `key`'s button and approves at the stand-in's own page in the popup. */
async function popupLogin(page: Page, key: string) {
  const popup = page.waitForEvent('popup');
  await page.click(button(key));
  await (await popup).click('#approve');
}

/** The server's session for this browser's cookie (contract §6 `getSession`), as the site's own code reads it. */
async function serverSession() {
  const cookie = (await context.cookies(demo.url)).map(({ name, value }) => `${name}=${value}`).join('; ');
  return demo.handler.getSession({ headers: { cookie, host: new URL(demo.url).host } });
}

/** The user the page was told, and the signed-in `<login-session>`'s. */
async function expectSignedIn(page: Page, key: SocialProvider, mode: 'popup' | 'redirect') {
  const success = await demoEvent(page, 'login-success', key);
  expect(success.detail.mode).toBe(mode);
  const { raw, ...user } = success.detail.result!.user as Record<string, unknown>;
  expect(user).toMatchObject(USERS[key]);
  expect(raw).toBeTypeOf('object');
  await sessionState(page, 'signed-in');
  const shown = await page.evaluate(() => {
    const session = document.querySelector('#session') as import('../../src/index.js').LoginSession;
    return { provider: session.provider, user: session.user };
  });
  expect(shown).toEqual({ provider: key, user: expect.objectContaining(USERS[key]) });
}

describe.each(KEYS)('<%s-login endpoint="/auth"> end to end in Chromium', (key) => {
  it('popup: through the stand-in\'s page to login-success with the normalised user, and a signed-in <login-session>', async () => {
    const page = await openDemo(context, demo, 'popup');
    await sessionState(page, 'signed-out');
    await popupLogin(page, key);
    await expectSignedIn(page, key, 'popup');
    expect(await page.evaluate(() => window.demoEvents.map((e) => e.type))).toEqual(['login-start', 'login-success']);
  });

  it('redirect: away to the stand-in and back, the same user, no code left in the address', async () => {
    const page = await openDemo(context, demo, 'redirect');
    await page.click(button(key));
    await page.waitForURL((url) => url.origin !== origin());
    await page.click('#approve');
    await page.waitForURL(/\/demo\/$/);
    await page.waitForSelector('body[data-ready="true"]');
    await expectSignedIn(page, key, 'redirect');
    expect(page.url()).not.toContain('code=');
  });

  it(`the session's access token is refreshed at the provider when stale; sign-out ${REVOKES.has(key) ? 'revokes the tokens there' : "goes through the provider's end-session page"}`, async () => {
    const page = await openDemo(context, demo, 'popup');
    await popupLogin(page, key);
    await sessionState(page, 'signed-in');
    const first = await (await serverSession())!.accessToken!();
    let current = first;
    // Stale after 1 s: the next call refreshes it (a condition awaited, not a sleep).
    await expect.poll(async () => (current = await (await serverSession())!.accessToken!()), { timeout: 6000, interval: 200 }).not.toBe(first);
    const standIn = demo.standIns[key]!;
    if (standIn.live) expect(standIn.live(current)).toBe(true);

    if (REVOKES.has(key)) {
      await page.locator('#session').locator('button[part="logout"]').click();
      await sessionState(page, 'signed-out');
      expect(standIn.live!(current)).toBe(false);
      expect(standIn.live!(first)).toBe(false);
    } else {
      // Microsoft: RP-initiated logout at its end-session endpoint, with the ID token as hint.
      await page.check('#provider-logout');
      await page.locator('#session').locator('button[part="logout"]').click();
      await page.waitForURL((url) => url.origin === standIn.url && url.pathname.endsWith('/oauth2/v2.0/logout'));
      const params = new URL(page.url()).searchParams;
      expect(params.get('id_token_hint')).toMatch(/^eyJ/);
      expect(params.get('post_logout_redirect_uri')).toBe(demo.url);
      expect(await page.textContent('h1')).toBe('You signed out of your account');
    }
    expect(await serverSession()).toBeNull();
  });

  it('a secret the provider no longer takes: login-error exchange_failed / invalid_client on the button, which then logs in again', async () => {
    const { client } = demo.standIns[key]!;
    const registered = client.clientSecret;
    const page = await openDemo(context, demo, 'popup');
    client.clientSecret = 'rotated-at-the-provider';
    try {
      await popupLogin(page, key);
      const error = await demoEvent(page, 'login-error', key);
      expect(error.detail).toMatchObject({ error: 'exchange_failed', status: 400, cause: 'invalid_client', mode: 'popup' });
    } finally {
      client.clientSecret = registered;
    }
    const el = page.locator(button(key));
    await expect.poll(() => el.evaluate((e) => e.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim())).not.toBe('');
    expect(await el.evaluate((e) => e.shadowRoot!.querySelector('button')!.getAttribute('aria-busy'))).toBe('false');
    await popupLogin(page, key);
    await expectSignedIn(page, key, 'popup');
  });

  it(`a code used once already: login-error exchange_failed / ${REUSED[key]}`, async () => {
    const page = await openDemo(context, demo, 'popup');
    // The first login's code, then the stand-in's next answer carrying that code instead of its own.
    let spent: string | undefined;
    await context.route(
      (url) => url.pathname === '/demo/callback.html' && url.searchParams.has('code'),
      async (route) => {
        const url = new URL(route.request().url());
        if (!spent) {
          spent = url.searchParams.get('code')!;
          return route.continue();
        }
        if (url.searchParams.get('code') === spent) return route.continue();
        url.searchParams.set('code', spent);
        return route.fulfill({ status: 302, headers: { location: url.href } });
      },
    );
    await popupLogin(page, key);
    await demoEvent(page, 'login-success', key);
    await popupLogin(page, key);
    const error = await demoEvent(page, 'login-error', key);
    expect(error.detail).toMatchObject({ error: 'exchange_failed', status: 400, cause: REUSED[key] });
  });

  it(key === 'naver' ? 'another redirect URI at the exchange: NAVER takes none there, so the login succeeds' : 'another redirect URI at the exchange than at authorize: login-error exchange_failed / invalid_grant', async () => {
    const page = await openDemo(context, demo, 'popup');
    // Both URIs are registered at the handler and the stand-in; the code is bound to the first.
    await context.route(`${origin()}/auth/${key}`, (route) => {
      const body = JSON.parse(route.request().postData()!) as { redirectUri: string };
      return route.continue({ postData: JSON.stringify({ ...body, redirectUri: body.redirectUri.replace('/demo/callback.html', '/demo/cdn-callback.html') }) });
    });
    await popupLogin(page, key);
    if (key === 'naver') return void (await expectSignedIn(page, key, 'popup'));
    const error = await demoEvent(page, 'login-error', key);
    expect(error.detail).toMatchObject({ error: 'exchange_failed', status: 400, cause: 'invalid_grant' });
  });

  it('an unregistered redirect URI: the stand-in refuses at its authorize page and never sends the browser there', async () => {
    const page = await openDemo(context, demo, 'popup');
    await page.locator(button(key)).evaluate((el, uri) => el.setAttribute('redirect-uri', uri), `${origin()}/demo/unregistered.html`);
    const popupPromise = page.waitForEvent('popup');
    await page.click(button(key));
    const popup = await popupPromise;
    await popup.waitForURL((url) => url.origin === demo.standIns[key]!.url);
    expect(await popup.textContent('h1')).toBe('redirect_uri is not registered');
    expect(await page.evaluate(() => window.demoEvents.map((e) => e.type))).toEqual(['login-start']);
    // The button is usable again once the person gives up.
    await page.locator(button(key)).evaluate((el) => (el as import('../../src/index.js').LoginButton).cancel());
    await demoEvent(page, 'login-cancel', key);
  });
});
