import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium-args.js';

/**
 * The system Chromium with its popup blocker ON (Playwright turns it off by default) and, with
 * `bfcache`, its back/forward cache too (Playwright turns that off by default as well).
 */
export function launchChromium({ bfcache = false } = {}): Promise<Browser> {
  const ignoreDefaultArgs = ['--disable-popup-blocking', ...(bfcache ? ['--disable-back-forward-cache'] : [])];
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true, ignoreDefaultArgs });
}
