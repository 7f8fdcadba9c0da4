import { ACK_TYPE, CHANNEL_NAME } from '../contract/messages.js';
import { isFlowMessage } from './messages.js';
import { deadline, DEFAULT_TIMEOUT_MS, finish, timeoutOf, misconfigured, type FlowCallback, type LoginFlow, type Reporter } from './outcome.js';
import { later } from './on-demand.js';
import type { AuthorizeRequest, LoginConfig } from './types.js';

/** How often the popup and the page's focus are read: cheap, and a real close is reported well inside 2 s. */
const POLL_MS = 100;
/**
 * How many looks at a popup showing a document make it "seen" (400 ms and more): Chromium lets the
 * opener glimpse the provider's page for 1–16 ms before it applies a COOP cut-off (measured), so one
 * look is not enough; a person does not close a page faster than this.
 */
const SEEN_LOOKS = 5;
/**
 * How long a popup may read closed before the flow decides anything, still listening: the callback
 * closes itself right after posting, and on a slow device its message can come after `closed` does.
 */
export const GRACE_MS = 1200;

/** Whether the popup shows a document of its own yet (the provider's, ours), not the initial about:blank. */
function showsDocument(popup: Window): boolean {
  try {
    return popup.location.href != 'about:blank';
  } catch {
    return true; // cross-origin: the provider's page has committed in a window we still hold
  }
}

/**
 * The popup half of a flow: navigates a blank popup to the authorize request, then waits for the
 * callback (postMessage, or the BroadcastChannel when COOP cut the opener off), the timeout or cancel().
 *
 * A popup that reads `closed` is either closed or cut off by Cross-Origin-Opener-Policy with the user
 * still at the provider: browsers show both the same way. After a grace period the flow reports
 * `popup_closed` only when the page can tell a real close (docs/decisions.md, "Closed or cut off"):
 * - where the browser reports focus (the page did not have it while the popup was open), the page has
 *   it back: closing a popup returns focus to its opener, while a cut-off popup keeps it;
 * - elsewhere (headless and emulated focus), the popup was seen showing a document (for 400 ms and
 *   more) before it read closed: COOP cuts it off at its first cross-origin document, so it goes from
 *   about:blank straight to "closed".
 * Otherwise the flow keeps listening: the result, a new click (`superseded`) or the timeout ends it.
 */
export function runPopup(
  flow: Reporter,
  config: LoginConfig,
  popup: Window,
  name: string,
  request: Promise<AuthorizeRequest> | undefined,
  callback: FlowCallback,
): LoginFlow {
  const { state, focused } = callback;
  const callbackOrigin = new URL(callback.redirectUri).origin;
  let listening = true;
  let looks = 0;
  // Focus is evidence only where the page had it when the flow began (a click gives it): a window
  // that never has focus (some headless set-ups) says nothing about the popup.
  let away = false;
  let closedAt = 0;

  // Each accepted result is acknowledged the way it came: the callback page closes only on this, and
  // otherwise tells its user that the login could not finish there.
  const onResult = (origin: string, data: unknown, reply: (ack: object) => void) => {
    if (!listening || !isFlowMessage(origin, data, callbackOrigin, state)) return;
    reply({ type: ACK_TYPE, state });
    stop();
    void finish(flow, config, data, callback);
  };
  // A same-origin callback page dispatches its message event here directly (callback.ts, decision 22).
  const onMessage = (event: MessageEvent) => onResult(event.origin, event.data, (ack) => (event.source as Window | null)?.postMessage(ack, event.origin));
  addEventListener('message', onMessage);
  // BroadcastChannel carries only same-origin messages: it can serve only a callback on our origin.
  const channel = callbackOrigin == location.origin ? new BroadcastChannel(CHANNEL_NAME) : undefined;
  if (channel) channel.onmessage = (event) => onResult(callbackOrigin, event.data, (ack) => channel.postMessage(ack));

  const poll = setInterval(() => {
    if (!popup.closed) {
      away = !!focused && !document.hasFocus();
      if (showsDocument(popup)) looks++;
      return;
    }
    closedAt ||= Date.now();
    if (Date.now() - closedAt < GRACE_MS) return;
    clearInterval(poll);
    if (away ? document.hasFocus() : looks >= SEEN_LOOKS) return flow.cancel('popup_closed');
    // Maybe cut off with the user still at the provider: no cancel. Without a timeout, a popup that
    // stays silent this long is taken as closed, so that the flow still ends.
    if (!timeoutOf(config)) deadline(flow, DEFAULT_TIMEOUT_MS, () => flow.cancel('popup_closed'));
  }, POLL_MS);

  /** Stops listening: every listener, interval and channel goes, and so does the popup. */
  const stop = () => {
    listening = false;
    removeEventListener('message', onMessage);
    channel?.close();
    clearInterval(poll);
    try {
      popup.close();
    } catch {
      /* a severed popup may refuse; nothing else to do */
    }
  };
  flow.signal.addEventListener('abort', stop);
  deadline(flow, timeoutOf(config));
  // Undefined: the popup opened at the provider already.
  if (request)
    Promise.all([request, later()]).then(([{ url, method }, parts]) => listening && !popup.closed && parts.navigatePopup(popup, name, url, method), misconfigured(flow));

  // The result is in (the exchange runs): nothing to show. A popup that reads closed cannot be shown.
  flow.focus = () => !listening || (!popup.closed && (popup.focus(), true));
  return flow;
}
