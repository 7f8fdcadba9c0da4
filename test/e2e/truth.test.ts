// What a page is told, end to end in Chromium against the demo's stand-ins: a login the user finishes is
// exactly login-start → login-success — under COOP with the user taking their time, on a throttled CPU,
// by keyboard — and Back from the provider leaves the button usable.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEvent, eventTypes, openDemo, useDemo } from './support.js';

const button = (key: string) => `#buttons [data-key="${key}"]`;
const busy = (page: Page, key: string) => page.$eval(button(key), (el) => el.hasAttribute('busy'));

describe('COOP: same-origin on every demo page (helmet’s default)', () => {
  const coop = useDemo({ coop: true });

  it.each(['bbaton', 'corp'])('<%s>: the user takes 4.5 s at the provider → no cancel, exactly start → success', async (key) => {
    const page = await openDemo(coop.context, coop.demo, 'popup');
    const popupPromise = page.waitForEvent('popup');
    await page.click(button(key));
    const popup = await popupPromise;
    await popup.waitForSelector('#approve');
    await popup.waitForTimeout(4500);
    expect(await eventTypes(page)).toEqual(['login-start']);
    expect(await busy(page, key)).toBe(true);
    await popup.click('#approve');
    await demoEvent(page, 'login-success', key, 20_000);
    await page.waitForTimeout(500);
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);
    expect(await busy(page, key)).toBe(false);
  });

  it('a close that COOP hides: the button stays usable — a new click supersedes and that login succeeds', async () => {
    const page = await openDemo(coop.context, coop.demo, 'popup');
    const first = page.waitForEvent('popup');
    await page.click(button('bbaton'));
    const hidden = await first;
    await hidden.waitForSelector('#approve');
    await hidden.waitForTimeout(800);
    await hidden.close();
    await page.waitForTimeout(2500);
    expect(await eventTypes(page)).toEqual(['login-start']);
    const second = page.waitForEvent('popup');
    await page.click(button('bbaton'));
    await (await second).click('#approve');
    await demoEvent(page, 'login-success', 'bbaton');
    const events = await page.evaluate(() => window.demoEvents.map((e) => [e.type, e.detail.reason ?? e.detail.mode]));
    expect(events).toEqual([
      ['login-start', 'popup'],
      ['login-cancel', 'superseded'],
      ['login-start', 'popup'],
      ['login-success', 'popup'],
    ]);
  });
});

describe('no COOP', () => {
  const e2e = useDemo({ bfcache: true });

  it('a CPU throttled ×6: 10 logins in a row, each exactly start → success', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    const cdp = await e2e.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => (window.demoEvents = []));
      const popupPromise = page.waitForEvent('popup');
      await page.click(button('bbaton'));
      const popup = await popupPromise;
      const popupCdp = await e2e.context.newCDPSession(popup);
      await popupCdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      await popup.click('#approve');
      await demoEvent(page, 'login-success', 'bbaton', 30_000);
      // Past the grace period: nothing may follow the success.
      await page.waitForTimeout(1500);
      expect(await eventTypes(page), `login ${i + 1}`).toEqual(['login-start', 'login-success']);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.close();
  }, 240_000);

  it('the keyboard: Tab to the button, Enter → popup → success', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.focus(button('upbond'));
    const popupPromise = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    await (await popupPromise).click('#approve');
    await demoEvent(page, 'login-success', 'upbond');
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);
    await page.close();
  });

  it('the code never reaches a Referer header (the callback page says no-referrer)', async () => {
    const leaks: string[] = [];
    const onRequest = (request: { headers(): Record<string, string>; url(): string }) => {
      const referer = request.headers()['referer'] ?? '';
      if (referer && new URL(referer).pathname.endsWith('callback.html') && /[?#&](code|state)=/.test(referer)) leaks.push(`${request.url()} ← ${referer}`);
    };
    e2e.context.on('request', onRequest);
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    for (const key of ['bbaton', 'corp']) {
      const popupPromise = page.waitForEvent('popup');
      await page.click(button(key));
      await (await popupPromise).click('#approve');
      await demoEvent(page, 'login-success', key);
    }
    // The CDN-only page's callback relies on its <meta name="referrer"> alone. (A fresh context: the
    // corp stand-in would remember the consent and skip its page.)
    const fresh = await e2e.newContext();
    fresh.on('request', onRequest);
    const cdn = await fresh.newPage();
    await cdn.goto(e2e.demo.url + 'cdn.html');
    await cdn.waitForSelector('oauth-login');
    const popupPromise = cdn.waitForEvent('popup');
    await cdn.click('oauth-login');
    const popup = await popupPromise;
    const callbackRequests: string[] = [];
    popup.on('request', (request) => callbackRequests.push(request.url()));
    await popup.click('#approve');
    await cdn.waitForFunction(() => document.getElementById('result')!.textContent!.length > 0);
    expect(callbackRequests.some((url) => url.endsWith('/dist/cdn/callback.js'))).toBe(true);
    e2e.context.off('request', onRequest);
    expect(leaks).toEqual([]);
    await page.close();
  });

  it('Back from the provider (redirect mode, back/forward cache on): the page is restored usable, and a new click logs in', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'redirect');
    await page.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)));
    await page.click(button('bbaton'));
    await page.waitForSelector('#approve');
    // A page restored from the cache fires pageshow, not load.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { restored?: boolean }).restored === true, undefined, { timeout: 10_000 });
    // The same page, restored from the cache: its event log lives on.
    const cancel = await demoEvent(page, 'login-cancel', 'bbaton', 5000);
    expect(cancel.detail).toMatchObject({ reason: 'aborted', mode: 'redirect' });
    expect(await busy(page, 'bbaton')).toBe(false);
    expect(await eventTypes(page)).toEqual(['login-start', 'login-cancel']);
    await page.click(button('bbaton'));
    await page.click('#approve');
    await page.waitForURL(/\/demo\/$/);
    await page.waitForSelector('body[data-ready="true"]');
    const success = await demoEvent(page, 'login-success', 'bbaton');
    expect(success.detail.mode).toBe('redirect');
    await page.close();
  });
});
