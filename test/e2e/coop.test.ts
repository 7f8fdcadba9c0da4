import { describe, expect, it } from 'vitest';
import { demoEvent, openDemo, useDemo } from './support.js';

const e2e = useDemo({ coop: true });

describe('Cross-Origin-Opener-Policy: same-origin on the demo and callback pages', () => {
  it.each(['bbaton', 'belladati', 'upbond', 'bitbadges', 'corp'])('<%s> popup login still succeeds', async (key) => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    const response = await page.goto(page.url());
    expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
    await page.waitForSelector('body[data-ready="true"]');
    const popup = page.waitForEvent('popup');
    await page.click(`#buttons [data-key="${key}"]`);
    await (await popup).click('#approve');
    const success = await demoEvent(page, 'login-success', key, 20_000);
    expect(success.detail.mode).toBe('popup');
  });
});
