/**
 * Loads the parts of a flow that no click waits for (later.ts: the authorize request, built after the
 * popup opened; warming the callback page; the companion-endpoint exchange): an app's bundler puts
 * them in a chunk of their own, as it does the languages, which warm.ts loads once the page has
 * loaded. Nothing before `window.open` awaits it. The classic CDN file uses on-demand-inline.ts instead
 * (vite.config.ts): one file.
 */
export const later = () => import('./later.js');
