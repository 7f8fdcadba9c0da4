import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/**
 * BitBadges: scope is comma-separated labels ("Create Address Lists,Complete Claims"); without one the
 * user picks on BitBadges' own page, so there is no default.
 */
export const bitbadges: ProviderProfile = {
  name: 'bitbadges',
  authorizeEndpoint: 'https://bitbadges.io/oauth',
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`). */
export const words = { en: { bitbadges: 'BitBadges' } } satisfies Words;
