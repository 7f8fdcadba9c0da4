/**
 * login-elements/core: the framework-free flow (no Lit), the session calls and the provider profiles.
 * What the flow uses inside (the authorize request, PKCE, the callback message, the exchange call) is
 * not exported: it is no API (docs/decisions.md, 28). Beside `src/core/`, not in it: the profiles it
 * exports import core's types, so the folders stay layers (decision 35).
 */
export * from './core/public.js';
export { startLogin, resumeRedirect, type LoginFlow } from './core/flow.js';
export * from './providers/index.js';
export { readSession, endSession, watchSession, type SessionWatch } from './core/session.js';
