import * as oauth from 'oauth4webapi';
import type { Dialect } from '../dialect.js';
import { serverWith } from '../dialect.js';
import { oidcUser } from '../userinfo.js';

/**
 * Any OAuth 2.0 / OIDC provider: `client_secret_basic` (default) or `client_secret_post`, PKCE,
 * the user from ID-token claims merged with the userinfo endpoint's; endpoints from discovery when
 * only `issuer` is configured.
 */
export const generic: Dialect = {
  server: (config) => {
    // With issuer alone, the endpoints come from its discovery document (provider-client.ts).
    if (!config.tokenEndpoint && !config.issuer) throw new TypeError('an oauth provider needs issuer (for discovery) or tokenEndpoint');
    return serverWith(config, { issuer: config.issuer ?? new URL(config.tokenEndpoint!).origin });
  },
  clientAuth: (config) =>
    config.tokenEndpointAuthMethod === 'client_secret_post' ? oauth.ClientSecretPost(config.clientSecret) : oauth.ClientSecretBasic(config.clientSecret),
  refresh: true,
  user: oidcUser,
};
