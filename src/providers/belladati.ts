import { safeUrl } from '../core/config-check.js';
import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/**
 * BellaDati: `response_type=CODE` (upper case), on the installation's own base URL (`base-url`). Its
 * docs show a GET on `/auth/oauth/request:new` and a POST on `/auth/oauth/request`;
 * `authorize-method="post"` submits a form into the popup.
 */
export const belladati: ProviderProfile = {
  name: 'belladati',
  authorizeEndpoint: 'https://service.belladati.com/auth/oauth/request:new',
  responseType: 'CODE',
  authorize: ({ extras, authorizeEndpoint }, { url }) => {
    const post = extras?.['authorize-method']?.toLowerCase() == 'post';
    if (!authorizeEndpoint) {
      // Resolved as configProblem checked it: against the page (a same-site installation may be relative).
      const base = safeUrl(extras?.['base-url'] || url.origin)!;
      url.href = base.href.replace(/\/*$/, '/auth/oauth/request' + (post ? '' : ':new')) + url.search;
    }
    return { url, method: post ? 'post' : 'get' };
  },
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`). */
export const words = { en: { belladati: 'BellaDati' } } satisfies Words;
