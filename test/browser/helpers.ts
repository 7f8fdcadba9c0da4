import { sendMouse } from '@web/test-runner-commands';
import type { LoginButton } from '../../src/elements/login-button.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';

export const ORIGIN = location.origin;
export const CALLBACK = '/test/browser/fixtures/callback.html';
export const AUTHORIZE = '/fixtures/authorize';
export const EXCHANGE = '/fixtures/exchange';

// The page's own timers and clock, kept before any test can put a fake clock in (fake-clock.ts): the
// helpers' waits and polls run in real time whatever the test does to time.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
const realNow = Date.now.bind(Date);

/** Resolves with the next `type` event on `target`; rejects after `ms`. */
export function oneEvent<T = unknown>(target: EventTarget, type: string, ms = 10_000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = realSetTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms);
    target.addEventListener(
      type,
      (event) => {
        realClearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/**
 * Resolves with the first event of any of `types` on `target`; rejects after `ms`. One timer and one
 * set of listeners, all removed at the end (a race of `oneEvent`s would leave the losers to reject later).
 */
export function firstEvent<T = unknown>(target: EventTarget, types: readonly string[], ms = 10_000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      realClearTimeout(timer);
      for (const type of types) target.removeEventListener(type, listener);
    };
    const listener = (event: Event) => {
      done();
      resolve(event as CustomEvent<T>);
    };
    const timer = realSetTimeout(() => {
      done();
      reject(new Error(`none of ${types.join(', ')} within ${ms} ms`));
    }, ms);
    for (const type of types) target.addEventListener(type, listener);
  });
}

/** Records every login event on `target`, in order. */
export function recordEvents(target: EventTarget): { type: string; detail: Record<string, unknown> }[] {
  const seen: { type: string; detail: Record<string, unknown> }[] = [];
  for (const type of ['login-start', 'login-success', 'login-error', 'login-cancel'])
    target.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  return seen;
}


/**
 * A fixed wait. Only to prove that something did NOT happen where no later event can show it, bounded
 * to the least that proves it; the caller says why in a comment. Everything else waits for its event
 * or condition (`oneEvent`, `until`).
 */
export const sleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/**
 * How long a person looks at the provider's page before closing it, in tests of a user's close: the
 * flow counts a popup that reads closed as closed by the user only once it saw it show a document for
 * SEEN_LOOKS looks of POLL_MS (popup-flow.ts: 500 ms). The flow's own clock decides, so this is a wait,
 * with one look to spare.
 */
export const SEEN_MS = 600;

/**
 * Resolves in a task queued after every timer of 0 ms already set (timers of equal delay run in the
 * order they were set): what the page deferred with `setTimeout(fn)` before this call has run.
 */
export const nextTask = () => new Promise<void>((resolve) => realSetTimeout(resolve));

/** A trusted click in the middle of the element, through the browser's input pipeline (user activation). */
export async function realClick(el: Element): Promise<void> {
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/**
 * Ends any transient user activation left by an earlier real click (a popup consumes it), so that a
 * synthetic click really has none.
 */
export function consumeActivation(): void {
  if (navigator.userActivation.isActive) window.open('about:blank', '_blank', 'popup')?.close();
}

/** Wraps window.open to keep every window it returned (null when blocked). */
export function capturePopups() {
  const original = window.open;
  const opened: (Window | null)[] = [];
  window.open = function (...args: Parameters<typeof window.open>) {
    const popup = original.apply(window, args);
    opened.push(popup);
    return popup;
  };
  return {
    opened,
    restore: () => {
      window.open = original;
      for (const popup of opened) popup?.close();
    },
  };
}

/** Creates an element with attributes, attaches it and waits for its first render. */
export async function fixture<T extends LoginButton>(tag: string, attributes: Record<string, string>): Promise<T> {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** How often `until` looks: a poll, not a wait for time. */
const POLL_MS = 25;
/** Waits until `check` is true (it may be async), looking every 25 ms, in real time. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = realNow() + ms;
  while (!(await check())) {
    if (realNow() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => realSetTimeout(resolve, POLL_MS));
  }
}

/**
 * A page button whose click calls `el.login()`, as an app's own button would; clicking it for real
 * starts the flow with user activation. `pending()` is the promise login() returned.
 */
export function loginButtonFor(el: { login(): Promise<unknown> }) {
  const trigger = document.createElement('button');
  trigger.textContent = 'Log in';
  let pending: Promise<unknown> | undefined;
  trigger.addEventListener('click', () => (pending = el.login()));
  document.body.append(trigger);
  return { click: () => realClick(trigger), pending: () => pending! };
}

/**
 * For every test of the file: start without user activation and with window.open recorded; close what
 * opened and empty the page after. `opened` is the current test's record.
 */
export function popupsPerTest(): { opened: (Window | null)[] } {
  const current = { opened: [] as (Window | null)[] };
  let popups: ReturnType<typeof capturePopups> | undefined;
  beforeEach(() => {
    consumeActivation();
    popups = capturePopups();
    current.opened = popups.opened;
  });
  afterEach(() => {
    popups?.restore();
    document.body.replaceChildren();
  });
  return current;
}

/** `<oauth-login>` in popup mode against the fixture provider and exchange, `extra` attributes on top. */
export const popupLogin = (extra: Record<string, string> = {}) =>
  fixture<OauthLogin>('oauth-login', {
    'client-id': 'test-client',
    'redirect-uri': CALLBACK,
    'authorize-endpoint': AUTHORIZE,
    'exchange-endpoint': EXCHANGE,
    mode: 'popup',
    provider: 'corp',
    ...extra,
  });
