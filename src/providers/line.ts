import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/**
 * LINE Login v2.1 (OpenID Connect, docs/providers/line.md): `openid profile`, what every channel may ask
 * for (add `email` once LINE has granted the channel that permission), PKCE S256. The server dialect asks
 * for the same: this is its one home.
 */
export const line: ProviderProfile = {
  name: 'line',
  authorizeEndpoint: 'https://access.line.me/oauth2/v2.1/authorize',
  scope: 'openid profile',
  pkce: true,
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`). */
export const words = { en: { line: 'LINE' } } satisfies Words;
