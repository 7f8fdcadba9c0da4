import type { ProviderProfile } from '../core/types.js';

/**
 * Google (OpenID Connect, docs/providers/google.md): PKCE S256, `openid email profile`, a 500×600 popup
 * as Google Identity Services opens. Google refuses embedded browsers (`disallowed_useragent`): a
 * click in one offers the system browser instead.
 */
export const google: ProviderProfile = {
  name: 'google',
  authorizeEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  scope: 'openid email profile',
  pkce: true,
  popup: { width: 500, height: 600 },
  refusesInAppBrowsers: true,
};
