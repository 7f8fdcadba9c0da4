import { safeUrl } from './config-check.js';
import { later } from './on-demand.js';
import { pkceChallenge, randomToken } from './random.js';

/** What a click needs to build its authorize request at once: the on-demand parts, a PKCE verifier and its challenge. */
type Ahead = [parts: Awaited<ReturnType<typeof later>>, verifier: string, challenge: string];

/**
 * The next flow's parts and PKCE pair, made ahead (the S256 challenge needs an `await`): a click that
 * finds them builds its authorize request at once and opens the popup straight at the provider
 * (docs/decisions.md, 22). One slot; each pair serves one flow.
 */
export const ahead: Ahead[] = [];

/**
 * Puts the scripts the callback page loads into the HTTP cache before the login needs them, so the
 * popup runs the callback at once instead of fetching `callback.js` mid-login (docs/decisions.md, 19).
 * Same-origin callback pages only. The work itself (prefetch.ts) comes on demand: nothing waits for it.
 * It also readies the next click (`ahead`): after page load (the element's first call), and at each
 * click for the one after.
 */
export function warmCallback(redirectUri: string): void {
  // None yet (an `endpoint` serves it): only the next click is readied.
  const page = redirectUri ? safeUrl(redirectUri) : undefined;
  const verifier = randomToken();
  Promise.all([later(), pkceChallenge(verifier)]).then(
    ([parts, challenge]) => {
      ahead[0] = [parts, verifier, challenge];
      if (page?.origin == location.origin) parts.prefetchScripts(page);
    },
    () => {}, // offline (no chunk) or no WebCrypto: nothing readied, the click builds its request later
  );
}
