/**
 * The set-up every interop file shares: the site (with the file's companion handlers) and Chromium,
 * started once per file; a fresh browser context per test; the page opened on the site; the popup
 * a click opens, signed in at LemonLDAP::NG.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import type { LoginHandler } from '../../src/server/index.js';
import './context.js';
import { startSite, type RunningSite } from './site.js';
import { launchChromium, signInAtLemonldap } from './support.js';

/** Registers the file's hooks; `handlers` is called once, before the site starts. */
export function useSite(handlers: () => LoginHandler[]) {
  const lemon = inject('interop');
  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    [site, browser] = await Promise.all([startSite(lemon.siteOrigin, lemon.bundleDir, handlers()), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext();
  });
  afterEach(() => context?.close());
  return {
    get site(): RunningSite {
      return site!;
    },
    get context(): BrowserContext {
      return context!;
    },
    /** Opens the site's `/` with `markup` as its body, in this test's context, once the elements are defined. */
    async open(markup: string): Promise<Page> {
      site!.pages.set('/', markup);
      const page = await context!.newPage();
      await page.goto(site!.origin + '/');
      await page.waitForFunction(() => customElements.get('oauth-login'));
      return page;
    },
  };
}

/** Clicks the page's button; resolves with the popup it opens. */
export async function clickForPopup(page: Page): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await page.click('oauth-login');
  return popup;
}

/**
 * Clicks the button and signs in at LemonLDAP in its popup, as a person would; resolves with the
 * authorize request's parameters as LemonLDAP received them.
 */
export async function signInThroughPopup(page: Page): Promise<URLSearchParams> {
  const popup = await clickForPopup(page);
  await popup.waitForSelector('#userfield');
  const authorize = new URL(popup.url()).searchParams;
  await signInAtLemonldap(popup);
  return authorize;
}
