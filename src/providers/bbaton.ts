import type { ProviderProfile } from '../core/types.js';

/** BBaton (adult verification): `scope=read_profile`, no PKCE, a 400×500 popup as in its docs. */
export const bbaton: ProviderProfile = {
  name: 'bbaton',
  authorizeEndpoint: 'https://bauth.bbaton.com/oauth/authorize',
  scope: 'read_profile',
  popup: { width: 400, height: 500 },
};
