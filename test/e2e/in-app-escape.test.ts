// The way out of in-app browsers (contract §8, docs/in-app-browsers.md), in real Chromium with each app's
// user agent and real clicks: a provider that refuses embedded browsers, or `escape-in-app`, starts no
// login there — no authorize request, no window — and sends the page to the system browser (KakaoTalk's
// scheme, LINE's openExternalBrowser=1, an Android intent) or, on iOS, says how; a normal browser logs in as before.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { USER_AGENTS } from '../support/user-agents.js';
import { useDemo } from './support.js';

const e2e = useDemo();

const AUTHORIZE = '/never-authorize';
const WAY_OUT_TEXT = 'Log in from your browser: tap ••• or ⋮, then Open in browser.';
const APPS = ['KakaoTalk', 'LINE', 'Instagram', 'Facebook'].flatMap((app) => USER_AGENTS.filter((c) => c.inApp === app));

interface Seen {
  page: Page;
  /** Every navigation the page asked for (CDP: also those to schemes Chromium hands to the system). */
  navigations: string[];
  /** Requests to the authorize endpoint. */
  authorize: string[];
  /** Windows opened after the page. */
  windows: number;
  /** The login events the page saw, recorded here (they outlive a navigation). */
  events: { type: string; detail: Record<string, unknown> }[];
}

/**
 * A page of the demo's origin holding `<oauth-login escape-in-app>` (#flag), a plain `<oauth-login>`
 * (#plain) and an element whose profile refuses in-app browsers (#refusing), each pointed at an
 * authorize endpoint that must never be asked.
 */
async function open(userAgent: string | undefined, lang = 'en'): Promise<Seen> {
  const context = await e2e.newContext(userAgent ? { userAgent } : {});
  const seen: Seen = { page: await context.newPage(), navigations: [], authorize: [], windows: 0, events: [] };
  await seen.page.exposeFunction('recordEvent', (event: Seen['events'][number]) => seen.events.push(event));
  context.on('page', () => seen.windows++);
  context.on('request', (request) => request.url().includes(AUTHORIZE) && seen.authorize.push(request.url()));
  const cdp: CDPSession = await context.newCDPSession(seen.page);
  await cdp.send('Page.enable');
  cdp.on('Page.frameRequestedNavigation', (event) => seen.navigations.push(event.url));
  await seen.page.goto(e2e.demo.url + '?next=%2Fcart');
  // A string: the test runner must not rewrite the page's import().
  await seen.page.evaluate(`(async () => {
    document.documentElement.lang = ${JSON.stringify(lang)};
    const m = await import(${JSON.stringify(e2e.demo.packageModule)});
    class RefusingLogin extends m.OauthLogin {
      static profile = { ...m.OauthLogin.profile, name: 'refusing', refusesInAppBrowsers: true };
    }
    customElements.define('refusing-login', RefusingLogin);
    const attributes = 'client-id="c" redirect-uri="/callback.html" authorize-endpoint="' + location.origin + '${AUTHORIZE}" provider-label="Corp"';
    document.body.insertAdjacentHTML('afterbegin', '<oauth-login id="flag" escape-in-app ' + attributes + '></oauth-login><oauth-login id="plain" ' + attributes + '></oauth-login><refusing-login id="refusing" ' + attributes + '></refusing-login>');
    for (const type of ['login-start', 'login-success', 'login-error', 'login-cancel'])
      document.addEventListener(type, (e) => window.recordEvent({ type, detail: e.detail }));
    // The on-demand parts are in once the page has loaded (warm.ts), as on a real page.
    await new Promise((resolve) => setTimeout(resolve, 300));
  })()`);
  await seen.page.waitForLoadState('networkidle');
  return seen;
}

const status = (page: Page, id: string) => page.locator(`#${id}`).locator('[part="status"]').textContent();

describe('inside an in-app browser, a click starts no login the provider would refuse', () => {
  const expected = (escape: string | null, url: string) =>
    escape == 'kakaotalk'
      ? 'kakaotalk://web/openExternal?url=' + encodeURIComponent(url)
      : escape == 'line'
        ? url.replace('?next=%2Fcart', '?next=%2Fcart&openExternalBrowser=1')
        : escape == 'intent'
          ? `intent://${new URL(url).host}${new URL(url).pathname}?next=%2Fcart#Intent;scheme=http;package=com.android.chrome;S.browser_fallback_url=${encodeURIComponent(url)};end`
          : undefined;

  for (const app of APPS) {
    for (const id of ['flag', 'refusing']) {
      it(`${app.what}, ${id == 'flag' ? '<oauth-login escape-in-app>' : 'a profile with refusesInAppBrowsers'}: ${app.escape}`, async () => {
        const { page, navigations, authorize, windows, events } = await open(app.ua);
        const url = page.url();
        expect(await page.evaluate(`import(${JSON.stringify(e2e.demo.packageModule)}).then((m) => m.readEnvironment().escape)`)).toBe(app.escape);
        await page.click(`#${id}`);
        await expect.poll(() => events.map((e) => e.type)).toContain('login-cancel');
        const to = expected(app.escape, url);
        if (to) await expect.poll(() => navigations).toContain(to);
        else {
          await page.waitForTimeout(300);
          expect(navigations).toEqual([]);
          expect(page.url()).toBe(url);
        }
        expect(events).toEqual([
          { type: 'login-start', detail: { provider: id == 'flag' ? 'oauth' : 'refusing', mode: 'auto' } },
          { type: 'login-cancel', detail: { provider: id == 'flag' ? 'oauth' : 'refusing', mode: 'redirect', reason: 'in_app_browser', message: WAY_OUT_TEXT } },
        ]);
        // LINE reopens the page itself (in the app, here): the text is checked where the page stays.
        if (app.escape != 'line') expect(await status(page, id)).toBe(WAY_OUT_TEXT);
        expect(authorize).toEqual([]);
        expect(windows).toBe(0); // no window opened
      });
    }
  }

  it('iOS, in Korean and Japanese: the instruction in the element’s language', async () => {
    const instagram = APPS.find((c) => c.what == 'Instagram on iOS')!;
    for (const [lang, text] of [
      ['ko', '브라우저에서 로그인하세요'],
      ['ja', 'ブラウザでログインしてください'],
    ]) {
      const { page, authorize } = await open(instagram.ua, lang!);
      // The language's chunk is in once the button speaks it.
      await page.waitForFunction(() => {
        const label = document.querySelector('#flag')?.shadowRoot?.querySelector('button')?.textContent ?? '';
        return label.includes('Corp') && !label.includes('Log in with');
      });
      await page.click('#flag');
      await expect.poll(() => status(page, 'flag')).toContain(text);
      expect(authorize).toEqual([]);
    }
  });

  it('without escape-in-app and without the profile flag, the login runs in the app as before (a redirect to the provider)', async () => {
    const kakao = APPS.find((c) => c.what == 'KakaoTalk on Android')!;
    const { page, authorize, events } = await open(kakao.ua);
    await page.click('#plain');
    await expect.poll(() => authorize.length).toBe(1);
    expect(events[0]).toEqual({ type: 'login-start', detail: { provider: 'oauth', mode: 'auto' } });
  });
});

describe('a normal browser is unaffected', () => {
  it('desktop Chromium: escape null, and both elements open the popup at the provider', async () => {
    const { page, authorize, navigations, events } = await open(undefined);
    expect(await page.evaluate(`import(${JSON.stringify(e2e.demo.packageModule)}).then((m) => m.readEnvironment().escape)`)).toBeNull();
    for (const id of ['flag', 'refusing']) {
      const popup = page.waitForEvent('popup');
      await page.click(`#${id}`);
      await (await popup).close();
    }
    await expect.poll(() => authorize.length).toBe(2);
    expect(events.filter((e) => e.detail.reason == 'in_app_browser')).toEqual([]);
    expect(navigations.filter((u) => !u.startsWith('http'))).toEqual([]);
  });
});
