import type { ProviderProfile } from '../core/types.js';

/** GitHub (OAuth 2.0, docs/providers/github.md): `read:user user:email`, PKCE S256 (supported since 2025). */
export const github: ProviderProfile = {
  name: 'github',
  authorizeEndpoint: 'https://github.com/login/oauth/authorize',
  scope: 'read:user user:email',
  pkce: true,
};
