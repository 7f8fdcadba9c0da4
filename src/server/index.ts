/**
 * login-elements/server: the companion endpoint (contract §4–§5) on the Fetch API only — no `node:*`
 * import, so Workers, Deno and Bun bundles stay clean. `toNodeListener` is in `login-elements/server/node`.
 */
export { createLoginHandler, type LoginHandler } from './handler.js';
export {
  createProviderClient,
  refresh,
  revoke,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_UPSTREAM_BYTES,
  type ExchangeInput,
  type ProviderClient,
  type UpstreamLimits,
} from './provider-client.js';
export { ENDPOINT_ERROR_STATUS, GUARD_ERROR_STATUS, IN_PROCESS_ERROR_STATUS, OAUTH_TOKEN_ERROR_CODES, type ServerErrorCode } from '../contract/errors.js';
export { EndpointError } from './shared/errors.js';
export { MAX_BODY_BYTES, DEFAULT_BODY_TIMEOUT_MS } from './http/request-body.js';
export type { LoginContext, LoginHandlerOptions, LoginTokens, LoginUser, ProviderConfig } from './types.js';
export type { ProviderType } from '../contract/wire.js';
export { memoryStore } from './session/memory-store.js';
export type { SessionStore } from './session/store.js';
export type { SessionOptions } from './session/options.js';
export type { Session } from './http/session-layer.js';
export type { SessionUser } from './session/record.js';
export type { NodeRequestLike, SessionRequest, SessionResponse } from './http/session-request.js';
export type { GuardedRoute } from './http/guard.js';
