import * as oauth from 'oauth4webapi';
import type { Dialect } from '../upstream/dialect.js';
import { paramsOf, serverWith } from '../upstream/dialect.js';
import { oidcUser } from '../upstream/userinfo.js';

/**
 * UPBOND Login 3.0 (Auth0-shaped): client_secret_post, `code_verifier`, `audience`; the user from the
 * ID token's claims (iss, aud, exp checked) or from `/userinfo`. `offline_access` brings a refresh token.
 */
export const upbond: Dialect = {
  server: (config) =>
    serverWith(config, {
      issuer: 'https://auth3.upbond.io/',
      authorization_endpoint: 'https://auth3.upbond.io/authorize',
      token_endpoint: 'https://auth3.upbond.io/oauth/token',
      userinfo_endpoint: 'https://auth3.upbond.io/userinfo',
    }),
  authorize: (config, server) => ({
    authorizeEndpoint: server.authorization_endpoint,
    scope: config.scope ?? 'openid profile email',
    pkce: 's256',
    params: paramsOf(config, { audience: config.audience }),
  }),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  tokenParameters: (config): Record<string, string> => (config.audience ? { audience: config.audience } : {}),
  refresh: true,
  user: oidcUser,
};
