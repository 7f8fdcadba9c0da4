import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/** GitHub (OAuth 2.0, docs/providers/github.md): `read:user user:email`, PKCE S256 (supported since 2025). */
export const github: ProviderProfile = {
  name: 'github',
  authorizeEndpoint: 'https://github.com/login/oauth/authorize',
  scope: 'read:user user:email',
  pkce: true,
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`), and the labels its brand guide prescribes. */
export const words = { en: { github: 'GitHub', signin_with: 'Sign in with {provider}', signin: 'Sign in' } } satisfies Words;
