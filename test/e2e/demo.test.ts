import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BBATON_USER } from '../../demo/stand-ins/bbaton.js';
import { BITBADGES_ADDRESS } from '../../demo/stand-ins/bitbadges.js';
import { OIDC_USER } from '../../demo/stand-ins/oidc.js';
import { UPBOND_USER } from '../../demo/stand-ins/upbond.js';
import { demoEvent, eventTypes, openDemo, useDemo, type DemoFixture } from './support.js';

/** The five elements, by the key the demo mounts them under, and the user each stand-in signs in. */
const PROVIDERS: [key: string, user: Record<string, unknown> | null][] = [
  ['bbaton', { id: BBATON_USER.user_id, adult: true }],
  ['belladati', null],
  ['upbond', { id: UPBOND_USER.sub, email: UPBOND_USER.email }],
  ['bitbadges', { id: BITBADGES_ADDRESS }],
  ['corp', { id: OIDC_USER.sub, email: OIDC_USER.email }],
];

const e2e = useDemo();

async function expectLoadsClean({ context, demo }: DemoFixture) {
  const page = await context.newPage();
  const failed: string[] = [];
  const console: string[] = [];
  page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
  page.on('console', (message) => ['warning', 'error'].includes(message.type()) && console.push(message.text()));
  await page.goto(demo.url);
  await page.waitForSelector('body[data-ready="true"]');
  // The browser asks for the icon the page names (a data: URL here), never /favicon.ico.
  await page.waitForTimeout(300);
  expect(failed).toEqual([]);
  expect(console).toEqual([]);
}

const button = (key: string) => `#buttons [data-key="${key}"]`;

describe.each(PROVIDERS)('<%s> end to end in Chromium', (key, user) => {
  it('popup login → login-success with the user from the companion endpoint', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    const popup = page.waitForEvent('popup');
    await page.click(button(key));
    await (await popup).click('#approve');
    const success = await demoEvent(page, 'login-success', key);
    expect(success.detail.mode).toBe('popup');
    if (user) expect(success.detail.result!.user).toMatchObject(user);
    else expect(success.detail.result!.user).toBeNull();
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);
  });

  it('redirect login → back on the page, the same event and user', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'redirect');
    await page.click(button(key));
    await page.click('#approve');
    await page.waitForURL(/\/demo\/$/);
    await page.waitForSelector('body[data-ready="true"]');
    const success = await demoEvent(page, 'login-success', key);
    expect(success.detail.mode).toBe('redirect');
    if (user) expect(success.detail.result!.user).toMatchObject(user);
    else expect(success.detail.result!.user).toBeNull();
    expect(page.url()).not.toContain('code=');
  });

  it('"Deny" → login-error access_denied', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    const popup = page.waitForEvent('popup');
    await page.click(button(key));
    await (await popup).click('#deny');
    const error = await demoEvent(page, 'login-error', key);
    expect(error.detail).toMatchObject({ error: 'access_denied', mode: 'popup' });
  });

  it('the user closes the popup → login-cancel', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    const popupPromise = page.waitForEvent('popup');
    await page.click(button(key));
    const popup = await popupPromise;
    await popup.waitForSelector('#approve');
    // A person sees the provider's page before closing it (the flow tells a close from COOP by having seen it).
    await popup.waitForTimeout(800);
    await popup.close();
    const cancel = await demoEvent(page, 'login-cancel', key, 5000);
    expect(cancel.detail).toMatchObject({ reason: 'popup_closed', mode: 'popup' });
  });
});

describe('the demo as people see it', () => {
  it('loads without a 404 (favicon included) or a console warning such as "Lit is in dev mode"', () => expectLoadsClean(e2e));

  it('cards as tall as their content; the log keyboard-scrollable, labelled, its JSON collapsed', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.setViewportSize({ width: 1100, height: 900 });
    const [mode, buttons] = await Promise.all(['#mode-title', '#buttons-title'].map((s) => page.locator(s).locator('..').boundingBox()));
    expect(mode!.height).toBeLessThan(buttons!.height - 50);
    const log = page.locator('#log');
    expect(await log.getAttribute('role')).toBe('log');
    expect(await log.getAttribute('tabindex')).toBe('0');
    expect(await log.getAttribute('aria-label')).toBe('Events');
    const popup = page.waitForEvent('popup');
    await page.click(button('corp'));
    await (await popup).click('#approve');
    await demoEvent(page, 'login-success', 'corp');
    // The button and the profile card name the provider alike.
    expect(await page.locator('#profile dd').first().textContent()).toBe('OpenID Connect');
    expect(await page.locator(button('corp')).getAttribute('provider-label')).toBe('OpenID Connect');
    // Newest first: the session's change follows the login's success.
    const entry = page.locator('#log li', { hasText: 'login-success' });
    expect(await entry.locator('strong').textContent()).toBe('login-success · OpenID Connect · popup');
    expect(await entry.locator('pre').isVisible()).toBe(false);
  });

  it('a language switch puts the whole page in Korean or Japanese: <html lang>, the buttons, the page\'s own texts', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.click('#language label:has(input[value="ko"])');
    await expect.poll(() => page.locator(button('bbaton')).evaluate((el) => el.shadowRoot!.querySelector('button')!.innerText.trim())).toBe('비바톤 계정으로 로그인');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.textContent('#session-title')).toBe('세션');
    await page.click('#language label:has(input[value="ja"])');
    await expect.poll(() => page.locator(button('corp')).evaluate((el) => el.shadowRoot!.querySelector('button')!.innerText.trim())).toBe('OpenID Connect でログイン');
    const texts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent!.trim()),
      api: document.querySelector('#api-me')!.textContent,
      mode: document.querySelector('#mode label')!.textContent!.trim(),
      badge: document.querySelector('.badge')!.textContent,
    }));
    expect(texts).toEqual({ lang: 'ja', headings: ['セッション', '方式', '言語', 'ログイン方法', 'プロフィール', 'イベント クリア'], api: 'GET /api/me を呼ぶ', mode: 'ポップアップ', badge: '代役' });
    // Back to English, and a reload keeps the choice.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('#session-title')!.textContent])).toEqual(['ja', 'セッション']);
    await page.click('#language label:has(input[value="en"])');
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('#session-title')!.textContent])).toEqual(['en', 'Session']);
  });

  it.each(['light', 'dark'] as const)('on a 390 px phone (%s): every login button is the same height (no label wraps)', async (colorScheme) => {
    const phone = await e2e.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const page = await openDemo(phone, e2e.demo, 'popup');
    const heights = await page.evaluate(() => [...document.querySelectorAll('#buttons [data-key]')].map((el) => el.getBoundingClientRect().height));
    expect(heights).toEqual(e2e.demo.buttons.map(() => 44));
  });

  it.each(['light', 'dark'] as const)('on a phone (360 px, %s): no horizontal scroll, every button on one line or wrapped inside', async (colorScheme) => {
    const phone = await e2e.newContext({ viewport: { width: 360, height: 740 }, colorScheme });
    const page = await openDemo(phone, e2e.demo, 'popup');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const { key } of e2e.demo.buttons) {
      const fits = await page.locator(button(key)).evaluate((el) => {
        const inner = el.shadowRoot!.querySelector('button')!;
        return inner.scrollWidth <= inner.clientWidth;
      });
      expect(fits, key).toBe(true);
    }
  });
});

describe('the whole demo', () => {
  it('the client secrets never appear in anything the browser received', async () => {
    const bodies: Promise<string>[] = [];
    const urls: string[] = [];
    e2e.context.on('response', (response) => {
      urls.push(response.url());
      bodies.push(
        response
          .body()
          .then((b) => b.toString('utf8') + JSON.stringify(response.headers()))
          .catch(() => JSON.stringify(response.headers())),
      );
    });
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    // Every button, the six big providers' too (issue 24).
    for (const { key } of e2e.demo.buttons) {
      const popup = page.waitForEvent('popup');
      await page.click(button(key));
      await (await popup).click('#approve');
      await demoEvent(page, 'login-success', key);
    }
    const everything = (await Promise.all(bodies)).join('\n') + urls.join('\n');
    expect(everything.length).toBeGreaterThan(10_000);
    for (const secret of e2e.demo.secrets) expect(everything).not.toContain(secret);
  });

  it('a plain HTML page with only the CDN bundle logs in', async () => {
    const page = await e2e.context.newPage();
    await page.goto(e2e.demo.url + 'cdn.html');
    await page.waitForSelector('oauth-login');
    const popupPromise = page.waitForEvent('popup');
    await page.click('oauth-login');
    const popup = await popupPromise;
    const callbackScripts: string[] = [];
    popup.on('request', (request) => {
      if (request.resourceType() === 'script') callbackScripts.push(new URL(request.url()).pathname);
    });
    await popup.click('#approve');
    await page.waitForFunction(() => document.getElementById('result')!.textContent!.length > 0);
    const result = JSON.parse((await page.textContent('#result'))!) as { result: { user: { id: string } } };
    expect(result.result.user.id).toBe(OIDC_USER.sub);
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
    expect(scripts).toEqual([e2e.demo.url.replace(/\/demo\/$/, '') + '/dist/cdn/login-elements.js']);
    // The popup ran the CDN callback.js, not the npm module.
    expect(callbackScripts).toEqual(['/dist/cdn/callback.js']);
  });

  it('the classic-script (IIFE) bundle registers the elements and exposes LoginElements', async () => {
    const page = await e2e.context.newPage();
    await page.goto(e2e.demo.url + 'cdn-iife.html');
    await page.waitForFunction(() => !!customElements.get('bbaton-login'));
    const shape = await page.evaluate(() => ({
      tags: ['oauth-login', 'bbaton-login', 'belladati-login', 'upbond-login', 'bitbadges-login'].every((t) => customElements.get(t)),
      login: typeof (window as unknown as { LoginElements: { login: unknown } }).LoginElements.login,
      label: document.querySelector('bbaton-login')!.shadowRoot!.querySelector('button')!.textContent!.trim(),
    }));
    expect(shape).toEqual({ tags: true, login: 'function', label: 'Log in with BBaton' });
  });

  // Into a temporary file: a test run leaves the tree as it found it. `npm run screenshots` sets
  // DEMO_SCREENSHOT=docs/demo.png to redraw the README's picture.
  it('takes the README screenshot after a login', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.setViewportSize({ width: 1100, height: 900 });
    const popup = page.waitForEvent('popup');
    await page.click(button('bbaton'));
    await (await popup).click('#approve');
    await demoEvent(page, 'login-success', 'bbaton');
    await page.waitForSelector('#profile[data-provider="bbaton"]');
    const png = await page.screenshot({ path: process.env.DEMO_SCREENSHOT ?? join(tmpdir(), 'login-elements-demo.png'), fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

// Every test above runs against the run's production build of the pages (decision 38); `npm start`
// serves the same pages live through Vite's dev server: that loads clean too, and logs in both ways.
describe('npm start: the live dev server', () => {
  const dev = useDemo({ dev: true });

  it('loads without a 404 or a console warning', () => expectLoadsClean(dev));

  it.each(['popup', 'redirect'] as const)('a %s login → login-success with the user', async (mode) => {
    const page = await openDemo(dev.context, dev.demo, mode);
    const popup = mode === 'popup' ? page.waitForEvent('popup') : undefined;
    await page.click(button('corp'));
    await (popup ? await popup : page).click('#approve');
    if (mode === 'redirect') await page.waitForURL(/\/demo\/$/);
    const success = await demoEvent(page, 'login-success', 'corp');
    expect(success.detail).toMatchObject({ mode, result: { user: { id: OIDC_USER.sub } } });
  });
});
