import { authorizeEndpoint, buildAuthorizeRequest, usesPkce } from './authorize-url.js';
import { emit } from './events.js';
import { exchangeCode, type ExchangeFailure } from './exchange.js';
import { CHANNEL_NAME, isFlowMessage } from './messages.js';
import { navigatePopup, openBlankPopup, submitForm } from './popup.js';
import { pkceChallenge, randomToken } from './random.js';
import { isExpired, saveTransaction, takeCompletedTransaction } from './transaction.js';
import type { CallbackMessage, FlowMode, LoginConfig, LoginErrorDetail, LoginSuccessDetail } from './types.js';

export const DEFAULT_TIMEOUT_MS = 300_000;
/** How often a popup's `closed` is read: a real close is reported well inside SPEC's 2 s. */
const CLOSED_POLL_MS = 400;

/** A running login. `promise` settles once; a result arriving after a "closed" report still fires events. */
export interface LoginFlow {
  readonly promise: Promise<LoginSuccessDetail>;
  /** Brings the flow's popup to the front, if it has one that is open. */
  focus(): void;
  /** Stops the flow: closes the popup and removes everything it listens with. */
  cancel(): void;
  /** Whether the flow still listens for a result (also after a "closed" report, until its timeout). */
  listening(): boolean;
  /** Whether the flow has reported its outcome (true already while that event is dispatched). */
  settled(): boolean;
}

type Outcome = 'success' | 'error' | 'cancel';

/**
 * One flow's outcome reporting: `login-{outcome}` fires on the target every time (a late success
 * after a "closed" report included); the promise settles only on the first.
 */
function reporter(config: LoginConfig, target: EventTarget, mode: FlowMode) {
  let settle!: (ok: boolean, value: unknown) => void;
  const r = {
    mode,
    settled: false,
    promise: new Promise<LoginSuccessDetail>((resolve, reject) => {
      settle = (ok, value) => (ok ? resolve(value as LoginSuccessDetail) : reject(value));
    }),
    end(outcome: Outcome, detail: object) {
      const full = { provider: config.provider, mode: r.mode, ...detail };
      if (!r.settled) settle(outcome == 'success', full);
      // Settled already while listeners run (promise callbacks come after them), so that they can
      // tell this flow's outcome from a late one.
      r.settled = true;
      emit(target, 'login-' + outcome, full);
    },
  };
  // Callers that never await must not see unhandled rejections: the events carry the outcome too.
  r.promise.catch(() => {});
  return r;
}
type Reporter = ReturnType<typeof reporter>;
/** A flow with no window of its own: it only reports (failed at once, redirecting, or resumed). */
const passive = (flow: Reporter): LoginFlow => ({ promise: flow.promise, focus() {}, cancel() {}, listening: () => false, settled: () => flow.settled });
/** What a login-error adds to `{provider, mode}`. */
type Failure = Omit<LoginErrorDetail, 'provider' | 'mode'>;
const fail = (flow: Reporter, failure: Failure) => flow.end('error', failure);

function configError(config: LoginConfig): string | undefined {
  if (!config.clientId) return 'client-id is required';
  if (!config.redirectUri) return 'redirect-uri is required';
  if (!authorizeEndpoint(config)) return 'authorize-endpoint is required';
  if (!/^(popup|redirect|auto)?$/.test(config.mode || '')) return `mode ${config.mode} is invalid`;
  // A bad authorize URL surfaces when the request is built, as invalid_config too.
  try {
    absolute(config.redirectUri);
  } catch {
    return 'redirect-uri is invalid';
  }
}

const absolute = (url: string) => new URL(url, document.baseURI).href;

/**
 * Turns a callback message into the flow's outcome: provider error, `iss` check (RFC 9207), then the
 * companion-endpoint exchange when configured. Shared by popup and redirect modes.
 */
async function finish(
  flow: Reporter,
  config: LoginConfig,
  { error, error_description: description, iss, code }: CallbackMessage,
  redirectUri: string,
  codeVerifier?: string,
  signal?: AbortSignal,
): Promise<void> {
  const issuer = config.issuer || config.profile.issuer;
  if (error) return fail(flow, { error, message: description || error, description });
  if (iss && issuer && iss !== issuer) return fail(flow, { error: 'iss_mismatch', message: `Issuer ${iss} is not ${issuer}` });
  if (!code) return fail(flow, { error: 'invalid_request', message: 'No code returned' });
  if (!config.exchangeEndpoint) return flow.end('success', { code, redirectUri, codeVerifier });
  try {
    const body = { code, redirectUri, codeVerifier, iss };
    flow.end('success', { result: await exchangeCode(absolute(config.exchangeEndpoint), body, signal) });
  } catch (failure) {
    if (!signal?.aborted) fail(flow, { error: 'exchange_failed', ...(failure as ExchangeFailure) });
  }
}

/**
 * Starts a login the way a click does. Call it synchronously from the click handler: the popup is
 * opened before anything is awaited. Fires login-start / -success / -error / -cancel on `target`.
 */
export function startLogin(config: LoginConfig, target: EventTarget): LoginFlow {
  const configured = config.mode || 'auto';
  const flow = reporter(config, target, configured == 'redirect' ? 'redirect' : 'popup');
  const idle = passive(flow);
  const problem = configError(config);
  if (problem) {
    flow.mode = configured as FlowMode;
    fail(flow, { error: 'invalid_config', message: problem });
    return idle;
  }
  if (!emit(target, 'login-start', { provider: config.provider, mode: configured }, true)) {
    flow.end('cancel', { reason: 'aborted' });
    return idle;
  }
  const name = 'login-elements-' + config.provider;
  const { width, height } = config.profile.popup || { width: 500, height: 650 };
  const popup = flow.mode == 'popup' ? openBlankPopup(name, config.popupWidth || width, config.popupHeight || height) : null;
  if (!popup) {
    if (configured == 'popup') {
      fail(flow, { error: 'popup_blocked', message: 'Popup blocked' });
      return idle;
    }
    flow.mode = 'redirect';
  }
  const redirectUri = absolute(config.redirectUri);
  const state = randomToken();
  const codeVerifier = usesPkce(config) ? randomToken() : undefined;
  const prepared = (async () =>
    buildAuthorizeRequest({ ...config, redirectUri }, { state, codeChallenge: codeVerifier && (await pkceChallenge(codeVerifier)) }))();

  // A provider hook or URL that cannot make a request (a bad base-url, say) is a configuration error.
  const unbuildable = (error: unknown) => fail(flow, { error: 'invalid_config', message: String(error) });

  if (!popup) {
    prepared.then(({ url, method }) => {
      saveTransaction({ state, provider: config.provider, codeVerifier, redirectUri, returnUrl: location.href, createdAt: Date.now() });
      if (method == 'post') submitForm(url, '_self');
      else location.assign(url);
    }, unbuildable);
    return idle;
  }

  // Popup mode: race the message, the BroadcastChannel, the closed-poll, the timeout and cancel().
  const callbackOrigin = new URL(redirectUri).origin;
  const exchange = new AbortController();
  let looksClosed = false;
  let done = false;
  const onResult = (origin: string, message: unknown) => {
    if (done || !isFlowMessage(origin, message, callbackOrigin, state)) return;
    stop();
    void finish(flow, config, message, redirectUri, codeVerifier, exchange.signal);
  };
  const onMessage = (event: MessageEvent) => onResult(event.origin, event.data);
  addEventListener('message', onMessage);
  // BroadcastChannel carries only same-origin messages: it can serve only a callback on our origin.
  const channel = callbackOrigin == location.origin ? new BroadcastChannel(CHANNEL_NAME) : undefined;
  if (channel) channel.onmessage = (event) => onResult(callbackOrigin, event.data);
  const onTimeout = () => {
    stop();
    if (!looksClosed) fail(flow, { error: 'timeout', message: `No result in ${limit} ms` });
  };
  const limit = config.timeout ?? DEFAULT_TIMEOUT_MS;
  let timer = limit > 0 ? setTimeout(onTimeout, limit) : undefined;
  const poll = setInterval(() => {
    if (!popup.closed) return;
    // Under COOP "closed" may only mean "cut off": report it, but keep listening until the timeout
    // (with timeout 0, for the default time) so that a login the user finishes is not lost.
    looksClosed = true;
    clearInterval(poll);
    timer ??= setTimeout(onTimeout, DEFAULT_TIMEOUT_MS);
    flow.end('cancel', { reason: 'popup_closed' });
  }, CLOSED_POLL_MS);
  /** Ends the flow's wait: every listener, interval, timer and channel goes, and so does the popup. */
  const stop = () => {
    done = true;
    removeEventListener('message', onMessage);
    channel?.close();
    clearInterval(poll);
    clearTimeout(timer);
    try {
      popup.close();
    } catch {
      /* a severed popup may refuse; nothing else to do */
    }
  };
  prepared.then(
    ({ url, method }) => done || popup.closed || navigatePopup(popup, name, url, method),
    (error: unknown) => {
      stop();
      unbuildable(error);
    },
  );

  return {
    promise: flow.promise,
    listening: () => !done,
    settled: () => flow.settled,
    focus: () => done || popup.focus(),
    cancel() {
      const pending = !flow.settled;
      stop();
      exchange.abort();
      if (pending) flow.end('cancel', { reason: 'aborted' });
    },
  };
}

/**
 * Completes a redirect-mode login on the page the user came back to: takes this provider's stored
 * transaction (if the callback filled one) and fires the same events as popup mode.
 * Returns undefined when there is nothing to complete.
 */
export function resumeRedirect(config: LoginConfig, target: EventTarget): LoginFlow | undefined {
  const tx = takeCompletedTransaction(config.provider);
  if (!tx?.result) return;
  const flow = reporter(config, target, 'redirect');
  if (isExpired(tx)) fail(flow, { error: 'timeout', message: 'Login expired' });
  else if (tx.result.state != tx.state) fail(flow, { error: 'state_mismatch', message: 'Unknown state' });
  else void finish(flow, config, tx.result, tx.redirectUri, tx.codeVerifier);
  return passive(flow);
}
