import type * as oauth from 'oauth4webapi';
import type { Dialect } from '../upstream/dialect.js';
import { paramsOf, serverWith } from '../upstream/dialect.js';
import { authMethodFor, genericClientAuth } from '../upstream/client-auth.js';
import { oidcUser } from '../upstream/userinfo.js';

/** What an OpenID Connect provider is asked for unless the config says otherwise (contract §7). */
const OIDC_SCOPES = ['openid', 'profile', 'email'];

/** `openid profile email`, less what the metadata's `scopes_supported` (where it has one) leaves out. */
export function defaultOidcScope(server: oauth.AuthorizationServer): string {
  const supported = server.scopes_supported;
  return OIDC_SCOPES.filter((scope) => !Array.isArray(supported) || supported.includes(scope)).join(' ');
}

/**
 * Any OAuth 2.0 / OIDC provider: `client_secret_basic` (default), `client_secret_post` or
 * `private_key_jwt` (client-auth.ts), PKCE,
 * the user from ID-token claims merged with the userinfo endpoint's; endpoints from discovery when
 * only `issuer` is configured.
 */
export const generic: Dialect = {
  server: (config) => {
    // With issuer alone, the endpoints come from its discovery document (provider-client.ts).
    if (!config.tokenEndpoint && !config.issuer) throw new TypeError('an oauth provider needs issuer (for discovery) or tokenEndpoint');
    return serverWith(config, { issuer: config.issuer ?? new URL(config.tokenEndpoint!).origin });
  },
  authorize: (config, server) => ({
    authorizeEndpoint: server.authorization_endpoint,
    // An entry with an issuer is OpenID Connect: a newcomer expects a name and an email back.
    scope: config.scope ?? (config.issuer ? defaultOidcScope(server) : ''),
    pkce: config.pkce ?? 's256',
    params: paramsOf(config),
  }),
  clientAuth: (config, { name, key }) => genericClientAuth(name, config, key),
  authMethod: authMethodFor,
  refresh: true,
  user: oidcUser,
};
