/**
 * `<login-session>`'s signed-in card (session-card.ts: its template, styles and the label lookup) is
 * loaded when a session is signed in, not with the page: a signed-out page never needs it, and an app's
 * bundler (and the CDN module) puts it in a chunk of its own. The classic CDN file uses
 * card-on-demand-inline.ts instead (vite.config.ts): one file.
 */
export const loadCard = () => import('./session-card.js');
