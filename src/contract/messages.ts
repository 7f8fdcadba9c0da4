/**
 * What the callback page and the page that started a flow say to each other (docs/contract.md §3),
 * and the names of the channels they say it on. Shared by `login-elements/callback` and the flow.
 */
import type { LoginErrorCode } from './errors.js';

/** `type` of the result the callback page hands back. */
export const MESSAGE_TYPE = 'login-elements:callback';
/** `type` of the opener's acknowledgement of a result it took. */
export const ACK_TYPE = 'login-elements:ack';
/** The BroadcastChannel a popup without `window.opener` (COOP) hands its result on. */
export const CHANNEL_NAME = 'login-elements';
/** The BroadcastChannel tabs tell each other a sign-in or sign-out on, followed by the endpoint's URL (§6). */
export const SESSION_CHANNEL_PREFIX = 'login-elements:session ';

/** The callback URL's parameters the callback page hands back, and removes from the address bar. */
export const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'iss'] as const;

/** The callback page's result (§3), posted to the opener and on `CHANNEL_NAME`, or kept for a redirect. */
export interface CallbackMessage {
  type: typeof MESSAGE_TYPE;
  state: string;
  code?: string;
  /** The provider's code, verbatim: one of those RFC 6749 and OpenID Connect register, or its own. */
  error?: LoginErrorCode;
  error_description?: string;
  iss?: string;
}

/** The opener's acknowledgement of a result it took (§3): the callback page may close. */
export interface AckMessage {
  type: typeof ACK_TYPE;
  state: string;
}
