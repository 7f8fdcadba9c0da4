/** login-elements/core: the framework-free flow (no Lit). */
export { startLogin, resumeRedirect, type LoginFlow } from './flow.js';
export { buildAuthorizeRequest, type FlowSecrets } from './authorize-url.js';
export { configProblem, safeUrl } from './config-check.js';
export { isFlowMessage, MESSAGE_TYPE, ACK_TYPE, CHANNEL_NAME } from './messages.js';
export { readEnvironment, type Environment } from './environment.js';
export { pkceChallenge, randomToken } from './random.js';
export { exchangeCode, type ExchangeBody, type ExchangeFailure } from './exchange.js';
export type { RedirectTransaction } from './transaction.js';
export * from '../providers/index.js';
export type * from './types.js';
export { readSession, endSession, watchSession, type Session, type SessionUser, type SessionWatch, type LogoutOptions, type LogoutResult } from './session.js';
