import type { ProviderProfile } from '../core/types.js';

/**
 * Google (OpenID Connect, docs/providers/google.md): PKCE S256, `openid email profile`. Google refuses embedded browsers (`disallowed_useragent`): a
 * click in one offers the system browser instead.
 */
export const google: ProviderProfile = {
  name: 'google',
  authorizeEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  scope: 'openid email profile',
  pkce: true,
  refusesInAppBrowsers: true,
};
