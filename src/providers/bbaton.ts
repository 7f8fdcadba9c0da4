import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/** BBaton (adult verification): `scope=read_profile`, no PKCE, a 400×500 popup as in its docs. */
export const bbaton: ProviderProfile = {
  name: 'bbaton',
  authorizeEndpoint: 'https://bauth.bbaton.com/oauth/authorize',
  scope: 'read_profile',
  popup: { width: 400, height: 500 },
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`). */
export const words = { en: { bbaton: 'BBaton' } } satisfies Words;
