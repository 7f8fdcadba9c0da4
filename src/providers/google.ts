import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

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

/** Its button's English words: the provider's name as it writes it (also the server's default `label`), and the labels its brand guide prescribes. */
export const words = { en: { google: 'Google', signin_with: 'Sign in with {provider}', signin: 'Sign in' } } satisfies Words;
