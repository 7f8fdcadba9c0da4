import { configProblem, safeUrl } from './config-check.js';
import { later } from './on-demand.js';
import { autoMode, isAndroidWebView, readEnvironment } from './environment.js';
import { emit } from './events.js';
import { fail, reporter, type LoginFlow } from './outcome.js';
import { openPopup } from './popup.js';
import { runPopup } from './popup-flow.js';
import { pkceChallenge, randomToken } from './random.js';
import { runRedirect } from './redirect-flow.js';
import { usesPkce } from './settings.js';
import type { AuthorizeRequest, FlowMode, LoginConfig } from './types.js';
import { ahead, warmCallback } from './warm.js';

export { resumeRedirect } from './redirect-flow.js';
export type { LoginFlow } from './outcome.js';

/**
 * Starts a login the way a click does. Call it synchronously from the click handler: the popup is
 * opened before anything is awaited. Fires login-start, then exactly one of login-success / -error /
 * -cancel on `target`.
 */
export function startLogin(config: LoginConfig, target: EventTarget): LoginFlow {
  const configured = config.mode || 'auto';
  const env = readEnvironment();
  const flow = reporter(config, target, configured == 'auto' ? autoMode(env) : (configured as FlowMode));
  const problem = configProblem(config);
  if (problem) {
    flow.mode = configured as FlowMode;
    fail(flow, { error: 'invalid_config', message: problem });
  } else if (!emit(target, 'login-start', { provider: config.provider, mode: configured }, true)) {
    flow.cancel();
  }
  if (flow.settled) return flow;
  const state = randomToken();
  const ready = ahead.pop();
  const codeVerifier = usesPkce(config) ? (ready?.[1] ?? randomToken()) : undefined;
  warmCallback(config.redirectUri);
  const redirectUri = safeUrl(config.redirectUri)!.href;
  // Readied ahead (warm.ts), the request is built within this call, and the popup opens straight at the
  // provider: 20 ms sooner than a blank one navigated once the request is built (docs/decisions.md, 22).
  // Every URL that goes into it passed configProblem (a provider hook builds only from those).
  let now = undefined as AuthorizeRequest | undefined;
  const request = (async () =>
    (now = (ready ? ready[0] : await later()).buildAuthorizeRequest(
      { ...config, redirectUri },
      { state, codeChallenge: codeVerifier && (ready?.[2] ?? (await pkceChallenge(codeVerifier))) },
    )))();
  // A window of its own per flow: two elements, or two providers, never take over each other's popup.
  const name = 'login-elements-' + state.slice(0, 16);
  const { width, height } = config.profile.popup || { width: 500, height: 650 };
  // Read before the popup takes focus: whether this browser reports focus at all (see runPopup).
  const focused = document.hasFocus();
  const direct = now?.method == 'get';
  let popup: Window | null = null;
  if (flow.mode == 'popup') {
    const activation = navigator.userActivation;
    const active = activation?.isActive;
    // An Android webview loads what window.open asks for into the whole view unless its app opted in to
    // windows: the page would go blank under a popup_blocked. Nothing is opened there: it counts as blocked.
    popup = isAndroidWebView(navigator.userAgent) ? null : openPopup(direct ? now!.url.href : '', name, config.popupWidth || width, config.popupHeight || height);
    // null although the click's activation was spent: a window did open, elsewhere (a noopener handler,
    // a home-screen app handing it to the system browser). Following it with a redirect would log in
    // twice; nothing can come back from it, so the flow ends here (docs/decisions.md, 19).
    if (!popup && active && !activation.isActive) fail(flow, { error: 'popup_unreachable', message: 'The login window opened out of reach' });
    else if (!popup && configured == 'popup') fail(flow, { error: 'popup_blocked', message: 'Popup blocked' });
    else if (!popup) flow.mode = 'redirect';
  }
  // A redirect keeps its transaction in sessionStorage: where that throws, it could never come back.
  if (!popup && !env.storage) fail(flow, { error: 'storage_unavailable', message: 'sessionStorage is blocked' });
  if (flow.settled) return flow;
  const callback = { state, redirectUri, codeVerifier, focused };
  return popup ? runPopup(flow, config, popup, name, direct ? undefined : request, callback) : runRedirect(flow, config, request, callback);
}
