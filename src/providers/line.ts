import type { ProviderProfile } from '../core/types.js';

/**
 * LINE Login v2.1 (OpenID Connect, docs/providers/line.md): `profile openid` (add `email` once LINE has
 * granted the channel that permission), PKCE S256.
 */
export const line: ProviderProfile = {
  name: 'line',
  authorizeEndpoint: 'https://access.line.me/oauth2/v2.1/authorize',
  scope: 'profile openid',
  pkce: true,
};
