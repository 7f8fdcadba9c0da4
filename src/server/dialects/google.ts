import * as oauth from 'oauth4webapi';
import type { Dialect } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import { oidcUser } from '../upstream/userinfo.js';
import { expectingIssuer, formPost, jsonObject, jsonResponse, revocationCall } from './answers.js';

const ISSUER = 'https://accounts.google.com';

/**
 * Google (OpenID Connect, docs/providers/google.md): client_secret_post, PKCE, the user from the ID
 * token merged with userinfo. Google's ID tokens may name the legacy issuer `accounts.google.com`;
 * `redirect_uri_mismatch` at the token endpoint is RFC 6749's `invalid_grant`; its revocation answers
 * 400 `invalid_token` for a token already gone, which RFC 7009 counts as revoked. With `issuer`
 * alone, discovery finds the endpoints.
 */
export const google: Dialect = {
  server: (config) => {
    if (config.issuer && !config.tokenEndpoint) return serverWith(config, { issuer: config.issuer });
    const server = serverWith(config, {
      issuer: ISSUER,
      authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      token_endpoint: 'https://oauth2.googleapis.com/token',
      userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
      revocation_endpoint: 'https://oauth2.googleapis.com/revoke',
    });
    // Google's ID tokens carry `https://accounts.google.com` or, from older paths, `accounts.google.com`.
    return server.issuer === ISSUER ? expectingIssuer(server, (claims) => (claims.iss === 'accounts.google.com' ? 'accounts.google.com' : ISSUER)) : server;
  },
  authorize: authorizeWith('openid email profile'),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  async adaptResponse(response) {
    if (response.status !== 400) return response;
    return (await jsonObject(response))?.error === 'redirect_uri_mismatch' ? jsonResponse({ error: 'invalid_grant' }, 400) : response;
  },
  refresh: true,
  user: oidcUser,
  revoke: ({ server, token, fetch }) =>
    revocationCall(
      fetch,
      server.revocation_endpoint!,
      formPost({ token }),
      (status, body) => status === 400 && (body as { error?: unknown } | undefined)?.error === 'invalid_token',
    ),
};
