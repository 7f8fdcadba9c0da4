/**
 * What `login-elements` and `login-elements/core` both export, listed once: the public types
 * (types.ts), `LoginError`, `readEnvironment` and the session's types. Each entry adds its own.
 */
export type * from './types.js';
export { LoginError } from './login-error.js';
export { readEnvironment, type Environment } from './environment.js';
export type { InAppEscape } from './escape.js';
export type { LogoutOptions, LogoutResult, SessionView, SessionUser } from './session.js';
