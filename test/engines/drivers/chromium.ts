import { launchChromium } from '../../support/chromium.js';
import { pageEngine, type Engine } from './engine.js';

/** Chromium through Playwright, behind the same interface as the other engines (popup blocker on). */
export async function launchChromiumEngine(): Promise<Engine> {
  const browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  return pageEngine('chromium', page, {
    nextPopup: () => page.waitForEvent('popup'),
    pages: async () => context.pages(),
    quit: () => browser.close(),
  });
}
