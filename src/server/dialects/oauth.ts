import * as oauth from 'oauth4webapi';
import type { Dialect } from '../dialect.js';
import { serverWith } from '../dialect.js';
import { oidcUser } from '../userinfo.js';

/**
 * Any OAuth 2.0 / OIDC provider: `client_secret_basic` (default) or `client_secret_post`, PKCE,
 * the user from ID-token claims or the userinfo endpoint.
 */
export const generic: Dialect = {
  server: (config) => {
    if (!config.tokenEndpoint) throw new TypeError('an oauth provider needs tokenEndpoint');
    return serverWith(config, { issuer: config.issuer ?? new URL(config.tokenEndpoint).origin });
  },
  clientAuth: (config) =>
    config.tokenEndpointAuthMethod === 'client_secret_post' ? oauth.ClientSecretPost(config.clientSecret) : oauth.ClientSecretBasic(config.clientSecret),
  refresh: true,
  user: oidcUser,
};
