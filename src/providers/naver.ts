import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/**
 * Naver (OAuth 2.0, docs/providers/naver.md): no scope (the fields are chosen in Naver's console), no
 * PKCE; `state` is required at authorize and again at the token endpoint — the exchange body carries it.
 */
export const naver: ProviderProfile = {
  name: 'naver',
  authorizeEndpoint: 'https://nid.naver.com/oauth2.0/authorize',
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`). */
export const words = { en: { naver: 'NAVER' } } satisfies Words;
