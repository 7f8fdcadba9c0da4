import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDemo } from '../../demo/server.js';
import { demoEvent, openDemo, startAll } from './support.js';

let demo: RunningDemo;
let browser: Browser;
beforeAll(async () => ({ demo, browser } = await startAll({ coop: true })));
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('Cross-Origin-Opener-Policy: same-origin on the demo and callback pages', () => {
  it.each(['bbaton', 'belladati', 'upbond', 'bitbadges', 'corp'])('<%s> popup login still succeeds', async (key) => {
    const context = await browser.newContext();
    const page = await openDemo(context, demo, 'popup');
    const response = await page.goto(page.url());
    expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
    await page.waitForSelector('body[data-ready="true"]');
    const popup = page.waitForEvent('popup');
    await page.click(`#buttons [data-key="${key}"]`);
    await (await popup).click('#approve');
    const success = await demoEvent(page, 'login-success', key, 20_000);
    expect(success.detail.mode).toBe('popup');
    await context.close();
  });
});
