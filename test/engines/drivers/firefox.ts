import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Engine, Popup } from './engine.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Firefox ESR over WebDriver BiDi (puppeteer-core), headless, with its popup blocker ON. */
export async function launchFirefox(): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // puppeteer's profile turns the popup blocker off; the suite is about what users' browsers do.
    extraPrefsFirefox: { 'dom.disable_open_during_load': true },
  });
  // A page of its own, brought to the front: the initial tab of a headless Firefox never gets focus,
  // and without it neither keys nor focus events reach the page.
  const page: Page = await browser.newPage();
  for (const other of await browser.pages()) if (other !== page) await other.close();
  await page.bringToFront();
  const popupOf = (popup: Page): Popup => ({
    waitFor: async (selector, timeout = 10_000) => void (await popup.waitForSelector(selector, { timeout })),
    click: (selector) => popup.click(selector),
    close: () => popup.close(),
  });
  return {
    name: 'firefox',
    activationFreeAfterMs: 5500,
    goto: async (url) => void (await page.goto(url)),
    run: <T>(expression: string) => page.evaluate(`JSON.parse(JSON.stringify(${expression}) ?? 'null')`) as Promise<T>,
    click: (selector) => page.click(selector),
    async pressEnter(selector) {
      await page.focus(selector);
      await page.keyboard.press('Enter');
    },
    async popupFrom(action) {
      const opened = new Promise<Page>((resolve) => page.once('popup', (popup) => popup && resolve(popup)));
      await action();
      return popupOf(await opened);
    },
    windowCount: async () => (await browser.pages()).length,
    async closeOthers() {
      for (const other of await browser.pages()) if (other !== page) await other.close().catch(() => {});
    },
    quit: () => browser.close(),
  };
}
