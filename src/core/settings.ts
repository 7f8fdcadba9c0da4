import type { LoginConfig } from './types.js';

/**
 * Whether this flow uses PKCE: the `pkce` attribute wins over the provider's default. Only an explicit
 * `off` turns it off (`S256`, or a typo, keeps it on: never a silent downgrade).
 */
export function usesPkce(config: LoginConfig): boolean {
  return config.pkce ? config.pkce.toLowerCase() != 'off' : !!config.profile.pkce;
}

/** The authorize endpoint: the element's override, else the provider's default. */
export const authorizeEndpoint = (config: LoginConfig): string | undefined =>
  config.authorizeEndpoint || config.profile.authorizeEndpoint;

/** setTimeout's ceiling: a longer delay fires at once (one home for both sides: src/contract/limits.ts). */
export { MAX_TIMER_MS as MAX_DELAY_MS } from '../contract/limits.js';
