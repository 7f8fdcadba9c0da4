import { safeUrl } from './config-check.js';
import { later } from './on-demand.js';

/**
 * Puts the scripts the callback page loads into the HTTP cache before the login needs them, so the
 * popup runs the callback at once instead of fetching `callback.js` mid-login (docs/decisions.md, 13).
 * Same-origin callback pages only. The work itself (prefetch.ts) comes on demand: nothing waits for it.
 */
export function warmCallback(redirectUri: string): void {
  const page = safeUrl(redirectUri);
  if (page?.origin == location.origin) void later().then((parts) => parts.prefetchScripts(page));
}
