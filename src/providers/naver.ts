import type { ProviderProfile } from '../core/types.js';

/**
 * Naver (OAuth 2.0, docs/providers/naver.md): no scope (the fields are chosen in Naver's console), no
 * PKCE; `state` is required at authorize and again at the token endpoint — the exchange body carries it.
 */
export const naver: ProviderProfile = {
  name: 'naver',
  authorizeEndpoint: 'https://nid.naver.com/oauth2.0/authorize',
};
