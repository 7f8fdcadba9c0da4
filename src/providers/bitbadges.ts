import type { ProviderProfile } from '../core/types.js';

/**
 * BitBadges: scope is comma-separated labels ("Create Address Lists,Complete Claims"); without one the
 * user picks on BitBadges' own page, so there is no default.
 */
export const bitbadges: ProviderProfile = {
  name: 'bitbadges',
  authorizeEndpoint: 'https://bitbadges.io/oauth',
};
