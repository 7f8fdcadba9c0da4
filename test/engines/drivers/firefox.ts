import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { pageEngine, type Engine } from './engine.js';

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
  return pageEngine('firefox', page, {
    nextPopup: () => new Promise<Page>((resolve) => page.once('popup', (popup) => popup && resolve(popup))),
    pages: () => browser.pages(),
    quit: () => browser.close(),
  });
}
