/**
 * Loads served.ts, the part of the `endpoint` attribute that no click waits for (the list is asked for
 * when an element connects): a chunk of its own for an app's bundler, as on-demand.ts's. It is not
 * reachable from `login-elements/core`, which knows an `endpoint` only through startLogin's `served`.
 * The classic CDN file uses served-on-demand-inline.ts instead (vite.config.ts): one file.
 */
export const servedParts = () => import('./served.js');
