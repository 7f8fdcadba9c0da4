import type { ProviderProfile } from '../core/types.js';

/** Any OAuth 2.0 / OIDC provider: the page names the authorize endpoint; PKCE S256 on by default. */
export const oauth: ProviderProfile = {
  name: 'oauth',
  pkce: true,
};
