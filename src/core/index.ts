/**
 * login-elements/core: the framework-free flow (no Lit), the session calls and the provider profiles.
 * What the flow uses inside (the authorize request, PKCE, the callback message, the exchange call) is
 * not exported: it is no API (docs/decisions.md, 28).
 */
export { startLogin, resumeRedirect, type LoginFlow } from './flow.js';
export { readEnvironment, type Environment } from './environment.js';
export type { InAppEscape } from './escape.js';
export { LoginError } from './login-error.js';
export * from '../providers/index.js';
export type {
  BrowserErrorCode,
  FlowMode,
  LoginCancelDetail,
  LoginCodeDetail,
  LoginConfig,
  LoginErrorCode,
  LoginErrorDetail,
  LoginEventMap,
  LoginMode,
  LoginResultDetail,
  LoginStartDetail,
  LoginSuccessDetail,
  ProviderErrorCode,
  ProviderProfile,
  AuthorizeRequest,
} from './types.js';
export { readSession, endSession, watchSession, type SessionView, type SessionUser, type SessionWatch, type LogoutOptions, type LogoutResult } from './session.js';
