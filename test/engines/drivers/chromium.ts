import type { Page } from 'playwright-core';
import { launchChromium } from '../../e2e/support.js';
import type { Engine, Popup } from './engine.js';

/** Chromium through Playwright, behind the same interface as the other engines (popup blocker on). */
export async function launchChromiumEngine(): Promise<Engine> {
  const browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  const popupOf = (popup: Page): Popup => ({
    waitFor: async (selector, timeout = 10_000) => void (await popup.waitForSelector(selector, { timeout })),
    click: (selector) => popup.click(selector),
    close: () => popup.close(),
  });
  return {
    name: 'chromium',
    activationFreeAfterMs: 5500,
    goto: async (url) => void (await page.goto(url)),
    run: <T>(expression: string) => page.evaluate(`JSON.parse(JSON.stringify(${expression}) ?? 'null')`) as Promise<T>,
    click: (selector) => page.click(selector),
    async pressEnter(selector) {
      await page.focus(selector);
      await page.keyboard.press('Enter');
    },
    async popupFrom(action) {
      const opened = page.waitForEvent('popup');
      await action();
      return popupOf(await opened);
    },
    windowCount: async () => context.pages().length,
    async closeOthers() {
      for (const other of context.pages()) if (other !== page) await other.close();
    },
    quit: () => browser.close(),
  };
}
