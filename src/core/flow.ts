import type { LoginErrorCode } from '../contract/errors.js';
import { configProblem, safeUrl } from './config-check.js';
import { later } from './on-demand.js';
import { autoMode, environmentNow, isAndroidWebView } from './environment.js';
import { emit } from './events.js';
import { deadline, fail, misconfigured, reporter, timeoutOf, type LoginFlow, type Reporter } from './outcome.js';
import { openPopup } from './popup.js';
import { runPopup } from './popup-flow.js';
import { pkceChallenge, randomToken } from './random.js';
import { runRedirect } from './redirect-flow.js';
import { usesPkce } from './settings.js';
import type { FlowMode, LoginConfig } from './types.js';
import { takeReadied, warmCallback, type Parts } from './warm.js';

export { resumeRedirect } from './resume.js';
export type { LoginFlow } from './outcome.js';

/** Why a provider list gave no settings: a login-error's fields (`error` when not config_unavailable), or an Error. */
type Failure = { message?: unknown; error?: LoginErrorCode; status?: number };

/**
 * Opens the flow's popup (window `name`) at `url` ('' = blank, navigated later) when it runs in a popup,
 * and decides what a window that does not open means: a redirect instead, or the flow's end. Null: no popup.
 */
function openWindow(flow: Reporter, config: LoginConfig, url: string, name: string, env: { storage: boolean }): Window | null {
  const size = config.profile.popup;
  let popup: Window | null = null;
  if (flow.mode == 'popup') {
    const activation = navigator.userActivation;
    const active = activation?.isActive;
    // An Android webview loads what window.open asks for into the whole view unless its app opted in to
    // windows: the page would go blank under a popup_blocked. Nothing is opened there: it counts as blocked.
    popup = isAndroidWebView(navigator.userAgent) ? null : openPopup(url, name, config.popupWidth || size?.width || 500, config.popupHeight || size?.height || 650);
    // null although the click's activation was spent: a window did open, elsewhere (a noopener handler,
    // a home-screen app handing it to the system browser). Following it with a redirect would log in
    // twice; nothing can come back from it, so the flow ends here (docs/decisions.md, 19).
    if (!popup && active && !activation.isActive) fail(flow, { error: 'popup_unreachable', message: 'The login window opened out of reach' });
    else if (!popup && config.mode == 'popup') fail(flow, { error: 'popup_blocked', message: 'Popup blocked' });
    else if (!popup) flow.mode = 'redirect';
  }
  // A redirect keeps its transaction in sessionStorage: where that throws, it could never come back.
  if (!popup && !env.storage) fail(flow, { error: 'storage_unavailable', message: 'sessionStorage is blocked' });
  return popup;
}

/**
 * Starts a login the way a click does. Call it synchronously from the click handler: the popup is
 * opened before anything is awaited. Fires login-start, then exactly one of login-success / -error /
 * -cancel on `target`.
 * `served` gives the whole configuration when `config` names an `endpoint` (contract §7, endpoint.ts): at
 * once, or a promise of it — then the popup opens blank in the click and goes to the provider when it
 * arrives; thrown or rejected, the flow ends with that login-error (default `config_unavailable`).
 * A config with an `endpoint` needs `served` (the elements and `login()` pass it): without it, what
 * the list would fill in is not checked.
 */
export function startLogin(config: LoginConfig, target: EventTarget, served?: () => LoginConfig | Promise<LoginConfig>): LoginFlow {
  const configured = config.mode || 'auto';
  const env = environmentNow();
  const flow = reporter(config, target, configured == 'auto' ? autoMode(env) : (configured as FlowMode));
  // A list that cannot be had ends the flow as config_unavailable, with what the request said (status…).
  const unavailable = (failure: Failure) => fail(flow, { error: 'config_unavailable', ...failure, message: String(failure.message) });
  let full: LoginConfig | Promise<LoginConfig> = config;
  let failure: Failure | undefined;
  try {
    if (served && safeUrl(config.endpoint!)) full = served();
  } catch (thrown) {
    failure = thrown as Failure;
  }
  const ready = full instanceof Promise ? undefined : full;
  const problem = configProblem(ready || config);
  if (problem) {
    flow.mode = configured as FlowMode;
    misconfigured(flow)(problem);
  } else if (!emit(target, 'login-start', { provider: config.provider, mode: configured }, true)) {
    flow.cancel();
  } else if (failure) unavailable(failure);
  else if (env.inApp && (config.escapeInApp || config.profile.refusesInAppBrowsers)) {
    // A login the provider would refuse in here (contract §8): the flow ends saying how to reach the system
    // browser and sends the page there (way-out.ts, on demand: in since page load, so within the click).
    // Where it cannot load (offline), the flow ends `aborted`: nothing to say how.
    later().then((parts) => parts.wayOut(flow, env), () => flow.cancel());
    return flow;
  }
  if (flow.settled) return flow;
  const state = randomToken();
  // A window of its own per flow: two elements, or two providers, never take over each other's popup.
  const name = 'login-elements-' + state.slice(0, 16);
  // Read before the popup takes focus: whether this browser reports focus at all (see runPopup).
  const focused = document.hasFocus();

  /**
   * The flow with its whole configuration: builds the authorize request (at once when warm.ts readied
   * its parts), opens the popup at it unless one is open already (`opened`), and waits for the answer.
   */
  const proceed = (config: LoginConfig, opened?: Window | null): LoginFlow => {
    const readied = takeReadied();
    const codeVerifier = usesPkce(config) ? (readied?.verifier ?? randomToken()) : undefined;
    // OpenID Connect (OIDC Core §3.1.2.1): a fresh nonce per flow, checked in the ID token at the exchange.
    const nonce = /(^| )openid( |$)/.test(config.scope ?? config.profile.scope ?? '') ? randomToken() : undefined;
    const page = safeUrl(config.redirectUri)!;
    warmCallback(page);
    const redirectUri = page.href;
    // Every URL that goes into the request passed configProblem (a provider hook builds only from those).
    const build = (parts: Parts, codeChallenge?: string) => parts.buildAuthorizeRequest({ ...config, redirectUri }, { state, nonce, codeChallenge });
    // The fast path: readied ahead (warm.ts), the request is built here, in the click's own task, and the
    // popup opens straight at the provider, 20 ms sooner than a blank one navigated once the request is
    // built (docs/decisions.md, 22). Nothing between the click and window.open may await (decision 36;
    // test/browser/fast-path.test.ts fails if the popup opens later).
    const now = readied && build(readied.parts, codeVerifier && readied.challenge);
    const request = now ? Promise.resolve(now) : later().then(async (parts) => build(parts, codeVerifier && (await pkceChallenge(codeVerifier))));
    const direct = !opened && now?.method == 'get';
    const popup = opened === undefined ? openWindow(flow, config, direct ? now!.url.href : '', name, env) : opened;
    if (flow.settled) return flow;
    const callback = { state, redirectUri, codeVerifier, nonce, focused };
    return popup ? runPopup(flow, config, popup, name, direct ? undefined : request, callback) : runRedirect(flow, config, request, callback);
  };

  if (ready) return proceed(ready);
  const popup = openWindow(flow, config, '', name, env);
  if (flow.settled) return flow;
  deadline(flow, timeoutOf(config));
  flow.signal.addEventListener('abort', () => popup?.close());
  (full as Promise<LoginConfig>).then((full) => {
    const problem = configProblem(full);
    if (problem) misconfigured(flow)(problem);
    else if (!flow.settled) proceed(full, popup);
  }, unavailable);
  return flow;
}
