/**
 * The contract between the browser side and the companion endpoint (docs/contract.md): wire bodies,
 * error codes with their statuses, message names. A leaf: no DOM, no `node:` import, no other module
 * of the project; both sides import from here.
 */
export * from './errors.js';
export * from './messages.js';
export * from './limits.js';
export * from './urls.js';
export type * from './wire.js';
