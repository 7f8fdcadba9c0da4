import { safeUrl } from './config-check.js';
import { later } from './on-demand.js';
import { pkceChallenge, randomToken } from './random.js';

/** The flow's on-demand parts (later.ts), once loaded. */
export type Parts = Awaited<ReturnType<typeof later>>;

/**
 * What a click needs to build its authorize request within the click itself, made ahead because each
 * needs an `await`: the on-demand parts, and a PKCE verifier with its S256 challenge.
 */
export interface Readied {
  parts: Parts;
  verifier: string;
  challenge: string;
}

/** One slot: the next click's readied parts; each set serves one flow. */
let readied: Readied | undefined;
/** The latest readying, settled once the slot is filled (or could not be). */
let readying: Promise<void> | undefined;

/** Settles once the latest `warmCallback` readied the next click (or could not): for tests and the bench, which must know the fast path is armed. */
export const whenReadied = (): Promise<void> | undefined => readying;

/**
 * The parts readied for this click, taken from the slot (the next click gets its own), or nothing when
 * none are ready yet (the first click before the page warmed up, offline, no WebCrypto): the click then
 * opens a blank popup and builds its request after. Synchronous on purpose: the click opens the popup
 * straight at the provider with them, in the same task as the click (docs/decisions.md, 22 and 36).
 */
export function takeReadied(): Readied | undefined {
  const taken = readied;
  readied = undefined;
  return taken;
}

/**
 * Puts the scripts the callback page loads into the HTTP cache before the login needs them, so the
 * popup runs the callback at once instead of fetching `callback.js` mid-login (docs/decisions.md, 19).
 * Same-origin callback pages only. The work itself (prefetch.ts) comes on demand: nothing waits for it.
 * It also readies the next click (`takeReadied`): after page load (the element's first call), and at
 * each click for the one after. `redirectUri` as given, or already parsed (a click's, flow.ts).
 */
export function warmCallback(redirectUri: string | URL | undefined): void {
  // None yet (an `endpoint` serves it): only the next click is readied.
  const page = typeof redirectUri == 'string' ? redirectUri && safeUrl(redirectUri) : redirectUri;
  const verifier = randomToken();
  readying = Promise.all([later(), pkceChallenge(verifier)]).then(
    ([parts, challenge]) => {
      readied = { parts, verifier, challenge };
      if (page && page.origin == location.origin) parts.prefetchScripts(page);
    },
    () => {}, // offline (no chunk) or no WebCrypto: nothing readied, the click builds its request later
  );
}
