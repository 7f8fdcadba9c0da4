import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemo, type DemoOptions, type RunningDemo } from '../../demo/server.js';
import { launchChromium } from '../support/chromium.js';

export type Mode = 'popup' | 'redirect' | 'auto';
export type DemoEvent = { type: string; detail: Record<string, unknown> & { result?: { user?: Record<string, unknown> | null } } };

export { launchChromium };

export async function startAll(options: { coop?: boolean; bfcache?: boolean; tokens?: DemoOptions['tokens'] } = {}): Promise<{ demo: RunningDemo; browser: Browser }> {
  const [demo, browser] = await Promise.all([startDemo({ quiet: true, coop: options.coop, tokens: options.tokens }), launchChromium(options)]);
  return { demo, browser };
}

/** Opens the demo page in `mode`, ready to click. */
export async function openDemo(context: BrowserContext, demo: RunningDemo, mode: Mode, path = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demo.url + path);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click(`#mode label:has(input[value="${mode}"])`);
  return page;
}

/** Waits for the page's first `type` event of `provider` and returns it. */
export async function demoEvent(page: Page, type: string, provider: string, timeout = 15_000): Promise<DemoEvent> {
  await page.waitForFunction(
    ([t, p]) => window.demoEvents?.some((e) => e.type === t && e.detail.provider === p),
    [type, provider] as const,
    { timeout },
  );
  return page.evaluate(([t, p]) => window.demoEvents.find((e) => e.type === t && e.detail.provider === p)!, [type, provider] as const) as Promise<DemoEvent>;
}

export const eventTypes = (page: Page) => page.evaluate(() => window.demoEvents.map((e) => e.type));
