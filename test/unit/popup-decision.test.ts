// @vitest-environment happy-dom
// The popup flow's "closed or cut off" decision (docs/decisions.md, 7) on a scripted popup and fake
// clocks: what a page is told for each thing a browser lets it see. Real browsers run the same cases in
// test/browser, test/e2e and test/engines.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLogin } from '../../src/core/flow.js';
import { MESSAGE_TYPE } from '../../src/contract/messages.js';
import { GRACE_MS } from '../../src/core/popup-flow.js';
import type { LoginConfig } from '../../src/core/types.js';
import { oauth } from '../../src/providers/index.js';
import { openAs } from '../support/open-as.js';

const CALLBACK = 'https://app.example/cb.html';
let focused = true;

/** A popup as the opener sees it: `about:blank` until the flow navigates it, then "the provider's page". */
function scriptedPopup() {
  return { closed: false, close: vi.fn(), focus: vi.fn(), location: { href: 'about:blank' } };
}

function start(extra: Partial<LoginConfig> = {}) {
  const popup = scriptedPopup();
  openAs(popup);
  const target = new EventTarget();
  const events: [string, Record<string, unknown>][] = [];
  for (const type of ['login-start', 'login-success', 'login-error', 'login-cancel'])
    target.addEventListener(type, (e) => events.push([type, (e as CustomEvent).detail]));
  const flow = startLogin(
    { provider: 'corp', profile: oauth, clientId: 'id', redirectUri: CALLBACK, authorizeEndpoint: 'https://idp.example/authorize', mode: 'popup', ...extra },
    target,
  );
  return { popup, flow, events, types: () => events.map(([type]) => type) };
}
/**
 * The flow has sent the popup to the provider (the authorize URL is built asynchronously, on
 * WebCrypto). Waits on the real event loop without moving the fake clock, so no poll runs meanwhile.
 */
async function navigated(popup: ReturnType<typeof scriptedPopup>) {
  // performance.now() is real time here (only timers and Date are faked); WebCrypto may take a while on a busy machine.
  const end = performance.now() + 10_000;
  while (!popup.location.href.includes('state=')) {
    if (performance.now() > end) throw new Error('the popup was never navigated');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  focused = true;
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a popup that reads closed', () => {
  it('seen showing the provider, then closed (no focus reports): popup_closed after the grace period', async () => {
    const { popup, types, flow } = start();
    await navigated(popup);
    await vi.advanceTimersByTimeAsync(550);
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(GRACE_MS - 200);
    expect(types()).toEqual(['login-start']);
    await vi.advanceTimersByTimeAsync(400);
    expect(types()).toEqual(['login-start', 'login-cancel']);
    await expect(flow.promise).rejects.toMatchObject({ reason: 'popup_closed' });
  });

  it('closed before it ever showed a document (COOP cut it off at the commit): no cancel; the result still succeeds', async () => {
    const { popup, types, flow } = start();
    await navigated(popup);
    // The fake clock has not moved: no poll has seen the navigation commit before the cut-off.
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(types()).toEqual(['login-start']);
    expect(flow.focus()).toBe(false); // a click would supersede it
    const state = new URL(popup.location.href).searchParams.get('state');
    window.dispatchEvent(new MessageEvent('message', { origin: 'https://app.example', data: { type: MESSAGE_TYPE, state, code: 'c' } }));
    await expect(flow.promise).resolves.toMatchObject({ code: 'c' });
    expect(types()).toEqual(['login-start', 'login-success']);
  });

  it('cut off and silent: the flow ends at its timeout, as timeout', async () => {
    const { popup, types } = start({ timeout: 30_000 });
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(29_000);
    expect(types()).toEqual(['login-start']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(types()).toEqual(['login-start', 'login-error']);
  });

  it('cut off and silent with timeout="0": still ends, after 5 minutes, as popup_closed', async () => {
    const { popup, types } = start({ timeout: 0 });
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(299_000);
    expect(types()).toEqual(['login-start']);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 2000);
    expect(types()).toEqual(['login-start', 'login-cancel']);
  });

  it('a glimpse of the provider before the cut-off (a few looks) is not "seen": no cancel', async () => {
    const { popup, types } = start();
    await navigated(popup);
    await vi.advanceTimersByTimeAsync(350);
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(types()).toEqual(['login-start']);
  });

  it('where focus is reported: closed while the popup kept focus is a cut-off (no cancel), even after it showed the provider', async () => {
    const { popup, types } = start();
    await navigated(popup);
    focused = false; // the popup has focus
    await vi.advanceTimersByTimeAsync(500);
    popup.closed = true; // COOP of a page the provider redirected to
    await vi.advanceTimersByTimeAsync(5000);
    expect(types()).toEqual(['login-start']);
  });

  it('where focus is reported: closed and focus back on the page is a real close', async () => {
    const { popup, types } = start();
    await navigated(popup);
    focused = false;
    await vi.advanceTimersByTimeAsync(500);
    popup.closed = true;
    focused = true;
    await vi.advanceTimersByTimeAsync(GRACE_MS + 200);
    expect(types()).toEqual(['login-start', 'login-cancel']);
  });

  it('a message handled 1 s after the popup closed itself is a success, never a cancel', async () => {
    const { popup, types, flow } = start();
    await navigated(popup);
    const state = new URL(popup.location.href).searchParams.get('state');
    await vi.advanceTimersByTimeAsync(600);
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(1000);
    window.dispatchEvent(new MessageEvent('message', { origin: 'https://app.example', data: { type: MESSAGE_TYPE, state, code: 'late' } }));
    await expect(flow.promise).resolves.toMatchObject({ code: 'late' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(types()).toEqual(['login-start', 'login-success']);
  });
});
