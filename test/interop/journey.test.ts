// The whole journey in Chromium against LemonLDAP::NG (a real OpenID Connect server from Debian's
// packages, its own login form and sessions), through a companion handler with sessions and kept
// tokens: popup and redirect login, the session across a reload, refresh with its real tokens,
// RP-initiated logout that ends its session there.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandler } from '../../src/server/index.js';
import './context.js';
import { clickForPopup, signInThroughPopup, useSite } from './harness.js';
import { eventTypes, sessionChanges, lemonldapSession, lemonldapSessionId, pageEvent, sessionState, signInAtLemonldap, userinfo } from './support.js';

const lemon = inject('interop');
const DWHO = { id: 'dwho', name: 'Doctor Who', email: 'dwho@badwolf.org' };

let handler: LoginHandler;
const run = useSite(() => {
  handler = createLoginHandler({
    basePath: '/auth',
    allowedOrigins: [lemon.siteOrigin],
    providers: {
      lemon: { type: 'oauth', issuer: lemon.issuer, clientId: lemon.clientId, clientSecret: lemon.clientSecret },
    },
    session: { secret: randomBytes(32).toString('base64url'), store: memoryStore(), keepTokens: true },
  });
  return [handler];
});

/**
 * The site's page: `<login-session>` around a LemonLDAP button (for a popup, the default mode `auto`)
 * configured by the server (`endpoint`): client id, authorize endpoint, issuer, scope and the served
 * callback page (`/auth/callback`) come from `GET /auth/providers`.
 */
function sitePage(mode: 'popup' | 'redirect', sessionAttributes = ''): string {
  return `<login-session endpoint="/auth" ${sessionAttributes}>
  <div slot="signed-out"><oauth-login provider="lemon" endpoint="/auth"${mode == 'redirect' ? ' mode="redirect"' : ''}></oauth-login></div>
</login-session>`;
}

async function openSite(mode: 'popup' | 'redirect', sessionAttributes = ''): Promise<Page> {
  const page = await run.open(sitePage(mode, sessionAttributes));
  expect(await sessionState(page)).toBe('signed-out');
  return page;
}

/**
 * Clicks the button and signs in at LemonLDAP in its popup; resolves with the page's login-success
 * and the authorize request's parameters as LemonLDAP received them.
 */
async function popupLogin(page: Page) {
  const authorize = await signInThroughPopup(page);
  return { success: await pageEvent(page, 'login-success'), authorize };
}

const signedInText = (page: Page) => page.evaluate(() => document.querySelector('login-session')!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());

describe('LemonLDAP::NG: login', () => {
  it('popup: its login form → login-start, login-success with its user; signed in, also after a reload; its session exists', async () => {
    const page = await openSite('popup');
    const { success, authorize } = await popupLogin(page);
    expect(success.detail).toMatchObject({ provider: 'lemon', mode: 'popup', result: { provider: 'lemon', user: DWHO } });
    // What the server's settings put in the authorize request; the nonce came back in its ID token.
    expect(Object.fromEntries(authorize)).toMatchObject({ client_id: lemon.clientId, redirect_uri: `${run.site.origin}/auth/callback`, scope: 'openid profile email', code_challenge_method: 'S256' });
    expect(authorize.get('nonce')).toMatch(/^[\w-]{22,}$/);
    await page.waitForFunction(() => document.querySelector('login-session')?.getAttribute('state') === 'signed-in');
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);
    expect(await sessionChanges(page)).toEqual([
      { state: 'signed-out', provider: null, user: null },
      { state: 'signed-in', provider: 'lemon', user: expect.objectContaining(DWHO) },
    ]);

    await page.reload();
    expect(await sessionState(page)).toBe('signed-in');
    expect(await signedInText(page)).toBe('Signed in as Doctor Who Sign out');
    expect(await sessionChanges(page)).toEqual([{ state: 'signed-in', provider: 'lemon', user: expect.objectContaining(DWHO) }]);

    const id = await lemonldapSessionId(run.context, lemon.issuer);
    expect(await lemonldapSession(lemon.issuer, id!)).toMatchObject({ uid: 'dwho' });
  });

  it('redirect: the page goes to its login form and comes back → login-start, login-success (mode redirect); signed in', async () => {
    const page = await openSite('redirect');
    await page.click('oauth-login');
    await page.waitForURL((url) => url.href.startsWith(lemon.issuer));
    await signInAtLemonldap(page);
    await page.waitForURL(run.site.origin + '/');
    const success = await pageEvent(page, 'login-success');
    expect(success.detail).toMatchObject({ provider: 'lemon', mode: 'redirect', result: { provider: 'lemon', user: DWHO } });
    expect(await sessionState(page)).toBe('signed-in');
    // The page that came back is a fresh document: it is told the outcome, once.
    expect(await eventTypes(page)).toEqual(['login-success']);
  });
});

describe('LemonLDAP::NG: after the login', () => {
  /** The site's session as its own routes see it, with this browser context's cookies. */
  async function siteSession() {
    const cookie = (await run.context.cookies(run.site.origin)).map((c) => `${c.name}=${c.value}`).join('; ');
    return handler.getSession(new Request(run.site.origin + '/', { headers: { cookie } }));
  }

  it(`refresh with its real tokens: its access token expires (${lemon.accessTokenSeconds} s) and accessToken() gets a new one from its token endpoint`, async () => {
    const page = await openSite('popup');
    await popupLogin(page);
    const first = await (await siteSession())!.accessToken!();
    expect(await userinfo(lemon.issuer, first)).toEqual({ status: 200, sub: 'dwho' });

    // LemonLDAP itself refuses the token once its lifetime is over.
    await expect.poll(async () => (await userinfo(lemon.issuer, first)).status, { timeout: (lemon.accessTokenSeconds + 5) * 1000, interval: 250 }).toBe(401);
    // Three callers at once: one refresh at its token endpoint, one new token for all.
    const session = (await siteSession())!;
    const seconds = await Promise.all([session.accessToken!(), session.accessToken!(), session.accessToken!()]);
    expect(new Set(seconds).size).toBe(1);
    expect(seconds[0]).not.toBe(first);
    expect(await userinfo(lemon.issuer, seconds[0]!)).toEqual({ status: 200, sub: 'dwho' });
  });

  it('RP-initiated logout ends its session: its REST API no longer has it, and the next login shows its login form again', async () => {
    const page = await openSite('popup', 'provider-logout');
    await popupLogin(page);
    await page.waitForFunction(() => document.querySelector('login-session')?.getAttribute('state') === 'signed-in');
    const id = (await lemonldapSessionId(run.context, lemon.issuer))!;
    expect(await lemonldapSession(lemon.issuer, id)).toMatchObject({ uid: 'dwho' });

    await page.locator('login-session').locator('button[part="logout"]').click();
    // Its end-session endpoint asks the person to confirm; they accept.
    await page.waitForURL((url) => url.href.startsWith(`${lemon.issuer}oauth2/logout`));
    // The handler's redirect brought the kept ID token as the hint, and the page to come back to.
    const logout = new URL(page.url()).searchParams;
    expect(logout.get('client_id')).toBe(lemon.clientId);
    expect(logout.get('post_logout_redirect_uri')).toBe(run.site.origin + '/');
    expect(logout.get('id_token_hint')?.split('.')).toHaveLength(3);
    await page.click('#form button.positive');
    await page.waitForURL(run.site.origin + '/');
    expect(await sessionState(page)).toBe('signed-out');
    expect(await lemonldapSession(lemon.issuer, id)).toBeNull();

    const popup = await clickForPopup(page);
    await popup.waitForSelector('#userfield');
    expect(await page.getAttribute('login-session', 'state')).toBe('signed-out');
  });
});
