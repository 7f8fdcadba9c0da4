import type { ProviderProfile } from '../core/types.js';

/** Kakao (OpenID Connect with `openid`, docs/providers/kakao.md): nickname and picture consent, PKCE S256. */
export const kakao: ProviderProfile = {
  name: 'kakao',
  authorizeEndpoint: 'https://kauth.kakao.com/oauth/authorize',
  scope: 'openid profile_nickname profile_image',
  pkce: true,
};
