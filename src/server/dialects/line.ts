import * as oauth from 'oauth4webapi';
import type { Dialect } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import { oidcUser } from '../upstream/userinfo.js';
import { line as profile } from '../../providers/line.js';
import { formPost, revocationCall } from './answers.js';

/**
 * LINE Login v2.1 (OpenID Connect, docs/providers/line.md): client id and secret as form
 * parameters, PKCE; ID tokens of web logins are HS256 (signed with the channel secret), though the
 * discovery document lists only ES256; the user is the ID token (email lives only there) merged
 * with userinfo. Refresh at the token endpoint; revocation takes `access_token`, not RFC 7009's
 * `token`. No end-session endpoint.
 */
export const line: Dialect = {
  server: (config) => {
    if (config.issuer && !config.tokenEndpoint) return serverWith(config, { issuer: config.issuer });
    return serverWith(config, {
      issuer: 'https://access.line.me',
      authorization_endpoint: 'https://access.line.me/oauth2/v2.1/authorize',
      token_endpoint: 'https://api.line.me/oauth2/v2.1/token',
      userinfo_endpoint: 'https://api.line.me/oauth2/v2.1/userinfo',
      revocation_endpoint: 'https://api.line.me/oauth2/v2.1/revoke',
    });
  },
  client: () => ({ id_token_signed_response_alg: 'HS256' }),
  // The element's default (src/providers/line.ts): `email` only once LINE has granted the channel that permission.
  authorize: authorizeWith(profile.scope!),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  refresh: true,
  user: oidcUser,
  revoke: ({ config, server, token, fetch }) =>
    revocationCall(
      fetch,
      server.revocation_endpoint!,
      formPost({ access_token: token, client_id: config.clientId, client_secret: config.clientSecret! }),
      () => false,
    ),
};
