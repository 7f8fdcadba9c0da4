/** login-elements/server: the companion endpoint (SPEC §4–§5) on the Fetch API. */
export { createLoginHandler, type LoginHandler } from './handler.js';
export { toNodeListener } from './node.js';
export { createProviderClient, refresh, revoke, DEFAULT_TIMEOUT_MS, type ExchangeInput, type ProviderClient } from './provider-client.js';
export { EndpointError } from './errors.js';
export { MAX_BODY_BYTES } from './request-body.js';
export type { LoginContext, LoginHandlerOptions, LoginTokens, LoginUser, ProviderConfig } from './types.js';
export type { Dialect, UserContext } from './dialect.js';
