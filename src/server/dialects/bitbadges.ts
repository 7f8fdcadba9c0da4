import * as oauth from 'oauth4webapi';
import type { Dialect } from '../upstream/dialect.js';
import { authorizeWith, serverWith } from '../upstream/dialect.js';
import { userId } from '../upstream/userinfo.js';

const API = 'https://api.bitbadges.io/api/v0';

/**
 * BitBadges: a JSON token request carrying the client credentials, with `x-api-key`; tokens expire at
 * `access_token_expires_at` (epoch ms) instead of `expires_in`; errors are HTTP 500 `{errorMessage}`.
 * The user is the `address` in the token response. Refresh tokens rotate; revoke is supported.
 */
export const bitbadges: Dialect = {
  server: (config) =>
    serverWith(config, {
      issuer: 'https://bitbadges.io',
      authorization_endpoint: 'https://bitbadges.io/oauth',
      token_endpoint: `${API}/oauth/token`,
      revocation_endpoint: `${API}/oauth/token/revoke`,
    }),
  // No default scope: without one the person picks on BitBadges' own page.
  authorize: authorizeWith('', 'off'),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  adaptRequest: (config, init) => ({
    ...init,
    headers: { ...init.headers, 'content-type': 'application/json', 'x-api-key': config.apiKey ?? '' },
    body: JSON.stringify(Object.fromEntries(init.body as URLSearchParams)),
  }),
  async adaptResponse(response) {
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('json')) return response;
    const body: unknown = await response.clone().json().catch(() => undefined);
    if (typeof body !== 'object' || body === null) return response;
    const fields = body as Record<string, unknown>;
    if (!response.ok && typeof fields.errorMessage === 'string') {
      // BitBadges refuses a bad code, client or token with a 500 and a message; in OAuth terms that is
      // invalid_grant, or invalid_client when the message is about the client.
      const error = /client|api key/i.test(fields.errorMessage) ? 'invalid_client' : 'invalid_grant';
      return new Response(JSON.stringify({ error }), { status: 400, headers: { 'content-type': 'application/json' } });
    }
    if (response.ok && typeof fields.access_token_expires_at === 'number' && fields.expires_in === undefined) {
      const expires_in = Math.max(0, Math.round((fields.access_token_expires_at - Date.now()) / 1000));
      return new Response(JSON.stringify({ ...fields, expires_in }), { status: response.status, headers: response.headers });
    }
    return response;
  },
  refresh: true,
  async user({ tokens }) {
    const id = userId(typeof tokens.address === 'string' ? tokens.address : undefined, 'address');
    return { id, raw: { address: id } };
  },
};
