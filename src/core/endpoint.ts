import { safeUrl } from './config-check.js';
import { servedParts } from './served-on-demand.js';
import type { LoginConfig } from './types.js';
import { warmCallback } from './warm.js';

/** served.ts once it is in: a click then reads an arrived list without waiting. */
let parts: Awaited<ReturnType<typeof servedParts>> | undefined;

/**
 * startLogin's `served` for an element with an `endpoint` (contract §7): its configuration with the
 * provider's settings from `{endpoint}/providers` — at once when the list is in, else a promise of it.
 */
export const withServed = (config: LoginConfig): LoginConfig | Promise<LoginConfig> =>
  parts ? parts.withServed(config) : servedParts().then((loaded) => (parts = loaded).withServed(config));

/** The provider list at `{endpoint}/providers` (`<login-chooser>`): the same one request per page as the elements'. */
export const servedProviders = (endpoint: string) => servedParts().then((loaded) => (parts = loaded).servedList(endpoint));

/**
 * What an element with an `endpoint` does when it connects: asks for the list (one request per page),
 * and once it is in, warms the callback page it names (warm.ts) — and so warns about a contradicting
 * attribute, or a callback page that answers 404, before anyone clicks.
 */
export function readyServed(config: LoginConfig): void {
  if (safeUrl(config.endpoint!))
    Promise.resolve(config)
      .then(withServed)
      .then((full) => warmCallback(full.redirectUri), () => {});
}
