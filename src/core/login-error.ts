import type { ExchangeFailure } from './exchange.js';
import type { FlowMode, LoginCancelDetail, LoginErrorCode, LoginErrorDetail, LoginMode } from './types.js';

/**
 * How a promise of this package rejects (docs/contract.md §2): an `Error` that carries the fields of
 * the event detail that ended the flow — `error` and `message` (and `description`, `status`, `cause`)
 * for a failure, `reason` for a cancellation — or, from `<login-session>`'s `refresh()`/`logout()`,
 * `exchange_failed` with the endpoint's `status` and its code as `cause`.
 */
export class LoginError extends Error {
  declare readonly provider?: string;
  declare readonly mode?: LoginMode | FlowMode;
  /** What failed; absent when the login was cancelled (see `reason`). */
  declare readonly error?: LoginErrorCode;
  /** Why the login was cancelled; absent when it failed. */
  declare readonly reason?: LoginCancelDetail['reason'];
  declare readonly description?: string;
  /** The companion endpoint's HTTP status, for `exchange_failed`. */
  declare readonly status?: number;
  /** The companion endpoint's own error code, for `exchange_failed`. */
  declare readonly cause?: string;

  constructor(detail: LoginErrorDetail | LoginCancelDetail | (ExchangeFailure & { error: 'exchange_failed' })) {
    super((detail as { message?: string }).message || (detail as LoginCancelDetail).reason);
    Object.assign(this, detail);
  }
}
