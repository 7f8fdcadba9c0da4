// The whole journey in Chromium against LemonLDAP::NG (a real OpenID Connect server from Debian's
// packages, its own login form and sessions), through a companion handler with sessions and kept
// tokens: popup and redirect login, the session across a reload, refresh with its real tokens,
// RP-initiated logout that ends its session there.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createLoginHandler, memoryStore, type LoginHandler } from '../../src/server/index.js';
import './context.js';
import { startSite, type RunningSite } from './site.js';
import { eventTypes, launchChromium, lemonldapSession, lemonldapSessionId, pageEvent, sessionState, signInAtLemonldap, userinfo } from './support.js';

const lemon = inject('interop');
const DWHO = { id: 'dwho', name: 'Doctor Who', email: 'dwho@badwolf.org' };

let site: RunningSite;
let handler: LoginHandler;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  handler = createLoginHandler({
    basePath: '/auth',
    allowedOrigins: [lemon.siteOrigin],
    providers: {
      lemon: { type: 'oauth', issuer: lemon.issuer, clientId: lemon.clientId, clientSecret: lemon.clientSecret, tokenEndpointAuthMethod: 'client_secret_post' },
    },
    session: { secret: randomBytes(32).toString('base64url'), store: memoryStore(), keepTokens: true },
  });
  [site, browser] = await Promise.all([startSite(lemon.siteOrigin, lemon.bundleDir, [handler]), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
});
afterEach(() => context.close());

/** The site's page: `<login-session>` around a LemonLDAP button in `mode`. */
function sitePage(mode: 'popup' | 'redirect', sessionAttributes = ''): string {
  return `<login-session endpoint="/auth" ${sessionAttributes}>
  <div slot="signed-out">
    <oauth-login provider="lemon" provider-label="LemonLDAP" mode="${mode}" client-id="${lemon.clientId}"
      authorize-endpoint="${lemon.issuer}oauth2/authorize" issuer="${lemon.issuer}" scope="openid profile email"
      redirect-uri="/callback.html" exchange-endpoint="/auth/lemon"></oauth-login>
  </div>
</login-session>`;
}

async function openSite(mode: 'popup' | 'redirect', sessionAttributes = ''): Promise<Page> {
  site.pages.set('/', sitePage(mode, sessionAttributes));
  const page = await context.newPage();
  await page.goto(site.origin + '/');
  expect(await sessionState(page)).toBe('signed-out');
  return page;
}

/** Clicks the button and signs in at LemonLDAP in its popup; resolves with the page's login-success. */
async function popupLogin(page: Page) {
  const popupPromise = page.waitForEvent('popup');
  await page.click('oauth-login');
  const popup = await popupPromise;
  await signInAtLemonldap(popup);
  return pageEvent(page, 'login-success');
}

const signedInText = (page: Page) => page.evaluate(() => document.querySelector('login-session')!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());

describe('LemonLDAP::NG: login', () => {
  it('popup: its login form → login-start, login-success with its user; signed in, also after a reload; its session exists', async () => {
    const page = await openSite('popup');
    const success = await popupLogin(page);
    expect(success.detail).toMatchObject({ provider: 'lemon', mode: 'popup', result: { provider: 'lemon', user: DWHO } });
    await page.waitForFunction(() => document.querySelector('login-session')?.getAttribute('state') === 'signed-in');
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);

    await page.reload();
    expect(await sessionState(page)).toBe('signed-in');
    expect(await signedInText(page)).toBe('Signed in as Doctor Who · Sign out');

    const id = await lemonldapSessionId(context, lemon.issuer);
    expect(await lemonldapSession(lemon.issuer, id!)).toMatchObject({ uid: 'dwho' });
  });
});
