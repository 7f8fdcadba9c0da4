// The six big providers end to end in Chromium (issue 24): each built-in element on the demo page, in
// its `endpoint` form, against its strict stand-in — popup and redirect logins through the stand-in's
// own page, the session the login made, its tokens refreshed and ended at the provider on sign-out
// (Microsoft: its end-session page), and the refusals a person can meet, as the page sees them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SocialProvider } from '../../demo/social-providers.js';
import { GITHUB_USER } from '../../demo/stand-ins/github.js';
import { GOOGLE_USER } from '../../demo/stand-ins/google.js';
import { KAKAO_ACCOUNT, KAKAO_ID } from '../../demo/stand-ins/kakao.js';
import { LINE_USER } from '../../demo/stand-ins/line.js';
import { MICROSOFT_USER } from '../../demo/stand-ins/microsoft.js';
import { NAVER_USER } from '../../demo/stand-ins/naver.js';
import { demoEvent, openDemo, useDemo } from './support.js';

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

// Access tokens at the stand-ins live 2 s: stale (refreshed first) after 1 s.
const e2e = useDemo({ tokens: { expiresIn: 2 } });

const button = (key: string) => `#buttons [data-key="${key}"]`;
const sessionState = (page: Page, state: 'signed-in' | 'signed-out') =>
  page.waitForFunction((s) => document.querySelector('#session')?.getAttribute('state') === s, state, { timeout: 10_000 });
const origin = () => new URL(e2e.demo.url).origin;

/** Forgets the page's events so far (the next step's are its own). */
const forgetEvents = (page: Page) => page.evaluate(() => void (window.demoEvents.length = 0));
const eventTypes = (page: Page) => page.evaluate(() => window.demoEvents.map((e) => e.type));

/** Clicks `key`'s button and approves at the stand-in's own page in the popup. */
async function popupLogin(page: Page, key: string) {
  const popup = page.waitForEvent('popup');
  await page.click(button(key));
  await (await popup).click('#approve');
}

/** The server's session for this browser's cookie (contract §6 `getSession`), as the site's own code reads it. */
async function serverSession() {
  const cookie = (await e2e.context.cookies(e2e.demo.url)).map(({ name, value }) => `${name}=${value}`).join('; ');
  return e2e.demo.handler.getSession({ headers: { cookie, host: new URL(e2e.demo.url).host } });
}

/** The user the page was told, and the signed-in `<login-session>`'s. */
async function expectSignedIn(page: Page, key: SocialProvider, mode: 'popup' | 'redirect') {
  const success = await demoEvent(page, 'login-success', key);
  expect(success.detail.mode).toBe(mode);
  // With sessions on, the provider's raw profile stays on the server (contract §6).
  const user = success.detail.result!.user!;
  expect(user).toMatchObject(USERS[key]);
  expect('raw' in user).toBe(false);
  expect('emailVerified' in user).toBe('emailVerified' in USERS[key]);
  await sessionState(page, 'signed-in');
  const shown = await page.evaluate(() => {
    const session = document.querySelector('#session') as import('../../src/index.js').LoginSession;
    return { provider: session.provider, user: session.user };
  });
  expect(shown).toEqual({ provider: key, user: expect.objectContaining(USERS[key]) });
}

describe.each(KEYS)('<%s-login endpoint="/auth"> end to end in Chromium', (key) => {
  const standIn = () => e2e.demo.standIns[key]!;

  it(`popup: through the stand-in's page to login-success with the normalised user and a signed-in <login-session>; the session's token refreshed when stale; sign-out ${REVOKES.has(key) ? 'revokes it at the provider' : "through the provider's end-session page"}`, async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await sessionState(page, 'signed-out');
    await popupLogin(page, key);
    await expectSignedIn(page, key, 'popup');
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);

    // The site's own code reads the session's access token; stale after 1 s, the next read refreshes it.
    const first = await (await serverSession())!.accessToken!();
    let current = first;
    await expect.poll(async () => (current = await (await serverSession())!.accessToken!()), { timeout: 6000, interval: 200 }).not.toBe(first);
    const { live, url } = standIn();
    if (live) expect(live(current)).toBe(true);

    if (REVOKES.has(key)) {
      await page.locator('#session').locator('button[part="logout"]').click();
      await sessionState(page, 'signed-out');
      expect(live!(current)).toBe(false);
    } else {
      // Microsoft: RP-initiated logout at its end-session endpoint, the ID token as the hint.
      await page.check('#provider-logout');
      await page.locator('#session').locator('button[part="logout"]').click();
      await page.waitForURL((next) => next.origin === url && next.pathname.endsWith('/oauth2/v2.0/logout'));
      const params = new URL(page.url()).searchParams;
      expect(params.get('id_token_hint')).toMatch(/^eyJ/);
      expect(params.get('post_logout_redirect_uri')).toBe(e2e.demo.url);
      expect(await page.textContent('h1')).toBe('You signed out of your account');
    }
    expect(await serverSession()).toBeNull();
  });

  it('redirect: away to the stand-in and back, the same user and session, no code left in the address', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'redirect');
    await page.click(button(key));
    await page.waitForURL((url) => url.origin === standIn().url);
    await page.click('#approve');
    await page.waitForURL(/\/demo\/$/);
    await page.waitForSelector('body[data-ready="true"]');
    await expectSignedIn(page, key, 'redirect');
    expect(page.url()).not.toContain('code=');
  });

  it(`refusals seen from the page: a secret the provider no longer takes (invalid_client; the button logs in again after), a reused code (${REUSED[key]}), ${key === 'naver' ? 'another redirect URI at the exchange (NAVER takes none there: a login)' : 'another redirect URI at the exchange (invalid_grant)'}, an unregistered redirect URI (the stand-in's error page)`, async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    const el = page.locator(button(key));
    const exchangeFailed = async (cause: string) => {
      const error = await demoEvent(page, 'login-error', key);
      expect(error.detail).toMatchObject({ error: 'exchange_failed', status: 400, cause, mode: 'popup' });
      await forgetEvents(page);
    };

    // The provider has rotated the secret: the site's is refused. The button says so and is usable again.
    const { client } = standIn();
    const registered = client.clientSecret;
    client.clientSecret = 'rotated-at-the-provider';
    try {
      await popupLogin(page, key);
      await exchangeFailed('invalid_client');
    } finally {
      client.clientSecret = registered;
    }
    await expect.poll(() => el.evaluate((e) => e.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim())).not.toBe('');
    expect(await el.evaluate((e) => e.shadowRoot!.querySelector('button')!.getAttribute('aria-busy'))).toBe('false');
    await popupLogin(page, key);
    await expectSignedIn(page, key, 'popup');
    await forgetEvents(page);

    // A reused code: the stand-in's next approval redirects with the code just spent (the approval
    // itself is routed: Playwright routes no redirected request).
    let spent: string | undefined;
    const approval = (url: URL) => url.origin === standIn().url && url.pathname.endsWith('/decision');
    await e2e.context.route(approval, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location!);
      if (!spent) spent = location.searchParams.get('code')!;
      else location.searchParams.set('code', spent);
      await route.fulfill({ response, headers: { ...response.headers(), location: location.href } });
    });
    await popupLogin(page, key);
    await demoEvent(page, 'login-success', key);
    await forgetEvents(page);
    await popupLogin(page, key);
    await exchangeFailed(REUSED[key]);
    await e2e.context.unroute(approval);

    // Another redirect URI at the exchange than at authorize: both are registered, the code is bound to the first.
    await e2e.context.route(`${origin()}/auth/${key}`, (route) => {
      const body = JSON.parse(route.request().postData()!) as { redirectUri: string };
      return route.continue({ postData: JSON.stringify({ ...body, redirectUri: body.redirectUri.replace('/demo/callback.html', '/demo/cdn-callback.html') }) });
    });
    await popupLogin(page, key);
    if (key === 'naver') await expectSignedIn(page, key, 'popup');
    else await exchangeFailed('invalid_grant');
    await e2e.context.unroute(`${origin()}/auth/${key}`);
    await forgetEvents(page);

    // An unregistered redirect URI: the stand-in answers its error page and never sends the browser there.
    await el.evaluate((e, uri) => e.setAttribute('redirect-uri', uri), `${origin()}/demo/unregistered.html`);
    const popupPromise = page.waitForEvent('popup');
    await el.click();
    const popup = await popupPromise;
    await popup.waitForURL((url) => url.origin === standIn().url);
    expect(await popup.textContent('h1')).toBe('redirect_uri is not registered');
    expect(await eventTypes(page)).toEqual(['login-start']);
    // The person gives up: the button is free again.
    await el.evaluate((e) => (e as import('../../src/index.js').LoginButton).cancel());
    await demoEvent(page, 'login-cancel', key);
  });
});
