import { safeUrl } from './config-check.js';
import { later } from './on-demand.js';

/**
 * Puts the scripts the callback page loads into the HTTP cache before the login needs them, so the
 * popup runs the callback at once instead of fetching `callback.js` mid-login (docs/decisions.md, 19).
 * Same-origin callback pages only. The work itself (prefetch.ts) comes on demand: nothing waits for it.
 * The on-demand parts load here in any case (after page load, the element's first call), so that a
 * click finds the authorize-request builder in (flow.ts awaits it only after the popup opened).
 */
export function warmCallback(redirectUri: string): void {
  const page = safeUrl(redirectUri);
  void later().then((parts) => page?.origin == location.origin && parts.prefetchScripts(page));
}
