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
  /** Whether a user-activation-free script runs right after a driver call (WebDriver: yes; puppeteer: ~5 s later). */
  readonly activationFreeAfterMs: number;
  quit(): Promise<void>;
}

export interface Popup {
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Closes the window as a user would. */
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true. */
export async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}
