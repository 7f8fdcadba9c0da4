import { emit } from './events.js';
import { LoginError } from './login-error.js';
import { later } from './on-demand.js';
import { MAX_DELAY_MS } from './settings.js';
import { DEFAULT_FLOW_TIMEOUT_MS } from '../contract/limits.js';
import type { CallbackMessage } from '../contract/messages.js';
import type { FlowMode, LoginCancelDetail, LoginConfig, LoginErrorDetail, LoginSuccessDetail } from './types.js';

// How one flow ends, whichever way it ran: shared by popup and redirect mode.

/** The `timeout` attribute's default: 5 minutes (src/contract/limits.ts). */
export const DEFAULT_TIMEOUT_MS = DEFAULT_FLOW_TIMEOUT_MS;

/** A running login. It ends exactly once: one of login-success, -error or -cancel, and `promise` settles with it. */
export interface LoginFlow {
  readonly promise: Promise<LoginSuccessDetail>;
  /**
   * What a second click does: false when the flow can no longer show its window (its popup reads
   * closed — maybe cut off by COOP), so the caller should supersede it; true otherwise (an open popup
   * was brought to the front, or there is nothing to show: a redirect or an exchange under way).
   */
  focus(): boolean;
  /** Ends the flow with `login-cancel` (`aborted` by default): closes the popup, aborts the exchange. */
  cancel(reason?: 'aborted' | 'superseded'): void;
  /** Whether the flow has ended (true already while its event is dispatched). */
  readonly settled: boolean;
  /** The mode the flow uses: `popup` once its window opened, `redirect` when it leaves the page. */
  readonly mode: FlowMode;
}

type Outcome = 'success' | 'error' | 'cancel';

/**
 * One flow's single ending: the first `end()` settles the promise, fires its event and aborts `signal`,
 * which everything the flow started (popup watch, timer, exchange) listens to; later calls do nothing.
 * It is the LoginFlow of a flow with nothing to show a second click (ended already, redirecting,
 * resumed); a popup flow replaces `focus`.
 */
export function reporter(config: LoginConfig, target: EventTarget, mode: FlowMode) {
  const abort = new AbortController();
  let settle!: (ok: boolean, value: unknown) => void;
  const r = {
    mode,
    settled: false,
    signal: abort.signal,
    promise: new Promise<LoginSuccessDetail>((resolve, reject) => {
      settle = (ok, value) => (ok ? resolve(value as LoginSuccessDetail) : reject(new LoginError(value as LoginErrorDetail)));
    }),
    end(outcome: Outcome, detail: object) {
      if (r.settled) return;
      r.settled = true;
      abort.abort();
      const full = { provider: config.provider, mode: r.mode, ...detail };
      settle(outcome == 'success', full);
      emit(target, 'login-' + outcome, full);
    },
    focus: () => true,
    cancel: (reason: LoginCancelDetail['reason'] = 'aborted') => r.end('cancel', { reason }),
  };
  // Callers that never await must not see unhandled rejections: the events carry the outcome too.
  r.promise.catch(() => {});
  return r;
}
export type Reporter = ReturnType<typeof reporter>;

/** What a login-error adds to `{provider, mode}`. */
type Failure = Omit<LoginErrorDetail, 'provider' | 'mode'>;
export const fail = (flow: Reporter, failure: Failure) => flow.end('error', failure);

/** The configured timeout in ms, or undefined for none (0, or past setTimeout's range: contract §2 reads it as none). */
export const timeoutOf = (config: LoginConfig): number | undefined => {
  const ms = config.timeout ?? DEFAULT_TIMEOUT_MS;
  return ms > 0 && ms <= MAX_DELAY_MS ? ms : undefined;
};

/** Ends the flow with `login-error` `timeout`. */
export const timedOut = (flow: Reporter) => fail(flow, { error: 'timeout', message: 'No result within the timeout' });

/**
 * Ends the flow after `ms` (at once when ms ≤ 0; never when undefined), by default with `timeout`;
 * the timer goes when the flow ends another way.
 */
export function deadline(flow: Reporter, ms: number | undefined, end = () => timedOut(flow)): void {
  if (ms === undefined) return;
  const timer = setTimeout(end, ms);
  flow.signal.addEventListener('abort', () => clearTimeout(timer));
}

/**
 * Turns a callback message into the flow's outcome (finish.ts, loaded on demand like the exchange it
 * runs: no click waits for it). Shared by popup and redirect modes. The on-demand chunk failing to load
 * (offline) is an `exchange_failed` too.
 */
export const finish = (flow: Reporter, config: LoginConfig, message: CallbackMessage, secrets: FlowSecrets) =>
  later().then(
    (parts) => parts.finish(flow, config, message, secrets),
    (failure) => fail(flow, { error: 'exchange_failed', message: String(failure) }),
  );

/**
 * Ends the flow with `invalid_config` and why: a configuration the checks refuse (configProblem), or a
 * provider hook or URL that cannot make a safe request (a bad base-url, say).
 */
export const misconfigured = (flow: Reporter) => (error: unknown) => fail(flow, { error: 'invalid_config', message: String(error) });

/** What the exchange needs from the flow's start: where the answer went, the PKCE verifier, the OpenID Connect nonce. */
export interface FlowSecrets {
  redirectUri: string;
  codeVerifier?: string;
  nonce?: string;
}

/** What a flow keeps for its callback: the state it sent and its secrets. */
export interface FlowCallback extends FlowSecrets {
  state: string;
  /** Whether the page had focus when the flow began (before its popup opened). */
  focused?: boolean;
}
