/**
 * Loads the parts of a flow that no click waits for (later.ts: warming the callback page, the
 * companion-endpoint exchange) when first needed: an app's bundler puts them in a chunk of their own,
 * as it does the languages. Nothing before `window.open` awaits it. The CDN files use
 * on-demand-inline.ts instead (vite.config.ts): one file.
 */
export const later = () => import('./later.js');
