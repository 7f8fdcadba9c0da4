import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { startDemo, type DemoOptions, type RunningDemo } from '../../demo/server.js';
import { launchChromium } from '../support/chromium.js';

export type Mode = 'popup' | 'redirect' | 'auto';
export type DemoEvent = { type: string; detail: Record<string, unknown> & { result?: { user?: Record<string, unknown> | null } } };

export { launchChromium };

export interface DemoSetup {
  /** Every page with Cross-Origin-Opener-Policy: same-origin. */
  coop?: boolean;
  /** The browser with its back/forward cache on. */
  bfcache?: boolean;
  tokens?: DemoOptions['tokens'];
  /** The live Vite dev server of `npm start` instead of the run's production build (decision 38). */
  dev?: boolean;
}

/** The demo's servers, the browser, and the test's own browser context: see `useDemo`. */
export interface DemoFixture {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** A fresh context for this test (closed after it). */
  readonly context: BrowserContext;
  /** Another fresh context, closed after the test too. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Starts the demo (in the run's build unless `dev`) with `options`; the caller closes it. */
export function startTestDemo(options: Omit<DemoSetup, 'bfcache'> = {}): Promise<RunningDemo> {
  return startDemo({ quiet: true, coop: options.coop, tokens: options.tokens, built: options.dev ? undefined : inject('demoBuild') });
}

/**
 * One demo and one browser for the file (or the describe block it is called in), started before its
 * first test and closed after its last; a fresh browser context for each test, closed after it.
 */
export function useDemo(options: DemoSetup = {}): DemoFixture {
  let demo: RunningDemo | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const contexts: BrowserContext[] = [];
  const fixture: DemoFixture = {
    get demo() {
      return demo!;
    },
    get browser() {
      return browser!;
    },
    get context() {
      return context!;
    },
    async newContext(contextOptions) {
      const made = await browser!.newContext(contextOptions);
      contexts.push(made);
      return made;
    },
  };
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startTestDemo(options), launchChromium({ bfcache: options.bfcache })]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  beforeEach(async () => {
    context = await fixture.newContext();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return fixture;
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

/** What the page itself gets from the package's `readEnvironment()` (a string: the test runner must not rewrite the import). */
export const readEnvironment = (target: Page | Frame, demo: RunningDemo) => target.evaluate(`import(${JSON.stringify(demo.packageModule)}).then((m) => m.readEnvironment())`);
