import type { ProviderProfile } from '../core/types.js';
import type { Words } from '../i18n/en.js';

/**
 * Microsoft Entra ID (OpenID Connect, docs/providers/microsoft.md): the `tenant` attribute (`common`,
 * `organizations`, `consumers` or a tenant id) picks `https://login.microsoftonline.com/{tenant}/…`;
 * PKCE S256; a 483×600 popup as MSAL.js opens. A set `authorize-endpoint` (or a served one) wins.
 */
export const microsoft: ProviderProfile = {
  name: 'microsoft',
  authorizeEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  scope: 'openid profile email offline_access',
  pkce: true,
  popup: { width: 483, height: 600 },
  authorize: ({ extras, authorizeEndpoint }, request) => {
    const tenant = extras?.tenant;
    if (tenant && !authorizeEndpoint) request.url.pathname = request.url.pathname.replace('common', encodeURIComponent(tenant));
    return request;
  },
};

/** Its button's English words: the provider's name as it writes it (also the server's default `label`), and the labels its brand guide prescribes. */
export const words = { en: { microsoft: 'Microsoft', signin_with: 'Sign in with {provider}', signin: 'Sign in' } } satisfies Words;
