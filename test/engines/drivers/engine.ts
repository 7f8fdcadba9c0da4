/**
 * What the cross-engine suite needs from a browser, whatever drives it: real clicks and keys in the
 * page (user activation), scripts without activation, and the popup windows the page opens.
 */
export interface Engine {
  readonly name: string;
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the main page and returns its JSON value. */
  run<T>(expression: string): Promise<T>;
  /** A real pointer click on the element in the main page. */
  click(selector: string): Promise<void>;
  /** Focuses the element, then a real Enter key press. */
  pressEnter(selector: string): Promise<void>;
  /** Runs `action` and returns the window it opened. */
  popupFrom(action: () => Promise<void>): Promise<Popup>;
  /** How many windows are open (main page included). */
  windowCount(): Promise<number>;
  /** Closes every window but the main one (what an earlier test left open). */
  closeOthers(): Promise<void>;
  /** How long after a driver call a script runs without user activation, once a popup has used it up (0 ms in both). */
  readonly activationFreeAfterMs: number;
  quit(): Promise<void>;
}

export interface Popup {
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Closes the window as a user would. */
  close(): Promise<void>;
}

/**
 * A fixed wait: only where time is the subject, or to prove that something did NOT happen where no later
 * event can show it, bounded to the least that proves it; the caller says why.
 */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How often `until` looks: each look is a round trip through the driver. */
const POLL_MS = 100;

/**
 * Polls `check` until it is true. A check that throws counts as "not yet": while a page navigates
 * its document can have no body, or the driver's execution context can be gone for a moment.
 */
export async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** What Playwright's and puppeteer's pages have alike: enough to drive a page and its popups. */
export interface DriverPage {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  waitForSelector(selector: string, options: { timeout: number }): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * An Engine on a Playwright or puppeteer page; the driver says how a popup is caught and which other
 * pages are open. WebDriver (WebKit) works by window handles instead: its own file.
 */
export function pageEngine<P extends DriverPage>(
  name: string,
  page: P,
  driver: { nextPopup(): Promise<P>; pages(): Promise<P[]>; quit(): Promise<void> },
): Engine {
  const popupOf = (popup: P): Popup => ({
    waitFor: async (selector, timeout = 10_000) => void (await popup.waitForSelector(selector, { timeout })),
    click: (selector) => popup.click(selector),
    close: () => popup.close(),
  });
  return {
    name,
    // Both drivers' clicks and evaluations grant about 5 s of user activation, which a popup opened
    // and closed uses up at once (engines.test.ts's clickWithoutGesture; measured in Firefox ESR 153).
    activationFreeAfterMs: 0,
    goto: async (url) => void (await page.goto(url)),
    run: <T>(expression: string) => page.evaluate(`JSON.parse(JSON.stringify(${expression}) ?? 'null')`) as Promise<T>,
    click: (selector) => page.click(selector),
    async pressEnter(selector) {
      await page.focus(selector);
      await page.keyboard.press('Enter');
    },
    async popupFrom(action) {
      const opened = driver.nextPopup();
      await action();
      return popupOf(await opened);
    },
    windowCount: async () => (await driver.pages()).length,
    async closeOthers() {
      for (const other of await driver.pages()) if (other !== page) await other.close().catch(() => {});
    },
    quit: driver.quit,
  };
}
