import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/** UPBOND Login 3.0 (Auth0-shaped): `audience`, PKCE S256 only, OIDC scopes. */
export const upbond: ProviderProfile = {
  name: 'upbond',
  authorizeEndpoint: 'https://auth3.upbond.io/authorize',
  scope: 'openid profile email',
  pkce: true,
  authorize: ({ extras }, request) => {
    if (extras?.audience) request.url.searchParams.set('audience', extras.audience);
    return request;
  },
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`). */
export const words = { en: { upbond: 'UPBOND' } } satisfies Words;
