import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/** Kakao (OpenID Connect with `openid`, docs/providers/kakao.md): nickname and picture consent, PKCE S256. */
export const kakao: ProviderProfile = {
  name: 'kakao',
  authorizeEndpoint: 'https://kauth.kakao.com/oauth/authorize',
  scope: 'openid profile_nickname profile_image',
  pkce: true,
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`), and the labels its brand guide prescribes. */
export const words = { en: { kakao: 'Kakao', signin_with: 'Login with {provider}', signin: 'Login' } } satisfies Words;
