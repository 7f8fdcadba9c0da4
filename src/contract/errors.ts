/**
 * The error codes of both sides, as frozen data (docs/contract.md §2 and §4), and their types. Browser
 * code imports only the types from here, so these lists cost a browser bundle no byte.
 */

/** The codes a `login-error` carries when the browser side decides the failure itself. */
export const BROWSER_ERROR_CODES = /* @__PURE__ */ Object.freeze([
  'popup_blocked',
  'popup_unreachable',
  'timeout',
  'state_mismatch',
  'iss_mismatch',
  'invalid_config',
  'config_unavailable',
  'storage_unavailable',
  'exchange_failed',
  'invalid_request',
] as const);
export type BrowserErrorCode = (typeof BROWSER_ERROR_CODES)[number];

/**
 * The provider's own codes on the callback URL, passed on verbatim: those RFC 6749 §4.1.2.1 and
 * OpenID Connect Core §3.1.2.6 register. A provider that sends another code has it passed on too;
 * the type names the registered ones.
 */
export const PROVIDER_ERROR_CODES = /* @__PURE__ */ Object.freeze([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'interaction_required',
  'login_required',
  'account_selection_required',
  'consent_required',
  'invalid_request_uri',
  'invalid_request_object',
  'request_not_supported',
  'request_uri_not_supported',
  'registration_not_supported',
] as const);
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

/** `detail.error` of a `login-error`, and `error` of a rejected `login()`. */
export type LoginErrorCode = BrowserErrorCode | ProviderErrorCode;

/**
 * The token endpoint's error codes RFC 6749 §5.2 registers: the only provider codes the endpoint
 * passes on (as a 400); anything else a provider sends becomes `invalid_provider_response`.
 */
export const OAUTH_TOKEN_ERROR_CODES = /* @__PURE__ */ Object.freeze(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'] as const);
export type OAuthTokenErrorCode = (typeof OAUTH_TOKEN_ERROR_CODES)[number];

/** Every code the companion endpoint answers, with its HTTP status (openapi.yaml lists the same). */
export const ENDPOINT_ERROR_STATUS = /* @__PURE__ */ Object.freeze({
  invalid_request: 400,
  invalid_client: 400,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  forbidden_origin: 403,
  unknown_provider: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  server_error: 500,
  invalid_provider_response: 502,
  session_store_unavailable: 503,
  provider_timeout: 504,
} as const satisfies Record<string, number>);

/** Codes only server code sees (a rejected `getSession`/`accessToken`), never an HTTP answer. */
export const IN_PROCESS_ERROR_STATUS = /* @__PURE__ */ Object.freeze({ session_ended: 401 } as const satisfies Record<string, number>);

/** Codes the session guards answer on the site's own routes (`requireSession`), not on the endpoint's. */
export const GUARD_ERROR_STATUS = /* @__PURE__ */ Object.freeze({ signed_out: 401 } as const satisfies Record<string, number>);

type ServerErrorStatus = typeof ENDPOINT_ERROR_STATUS & typeof IN_PROCESS_ERROR_STATUS & typeof GUARD_ERROR_STATUS;
/** The code of an `EndpointError`. */
export type ServerErrorCode = keyof ServerErrorStatus;
/** The HTTP status that goes with `code`. */
export type StatusOf<C extends ServerErrorCode> = ServerErrorStatus[C];

/** Whether a provider's token-endpoint code is one the endpoint passes on. */
export const isOAuthTokenError = (code: string): code is OAuthTokenErrorCode => (OAUTH_TOKEN_ERROR_CODES as readonly string[]).includes(code);
