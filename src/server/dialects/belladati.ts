import * as oauth from 'oauth4webapi';
import type { Dialect } from '../upstream/dialect.js';
import { paramsOf, serverWith } from '../upstream/dialect.js';
import { fetchJson, userId } from '../upstream/userinfo.js';

const DEFAULT_BASE = 'https://service.belladati.com';

/**
 * BellaDati: `client_id` + `client_secret` as form parameters to `{baseUrl}/oauth/v2/accessToken` (the
 * docs' example puts them in the query string; a form body keeps the secret out of access logs).
 * No user endpoint is documented: the user is null unless `userinfoEndpoint` is configured.
 */
export const belladati: Dialect = {
  server: (config) => {
    const base = (config.baseUrl || DEFAULT_BASE).replace(/\/+$/, '');
    // Its docs show a GET on `/auth/oauth/request:new` and a POST (a form into the popup) on `/auth/oauth/request`.
    const authorize = `${base}/auth/oauth/request${config.authorizeMethod == 'post' ? '' : ':new'}`;
    return serverWith(config, { issuer: base, authorization_endpoint: authorize, token_endpoint: `${base}/oauth/v2/accessToken` });
  },
  authorize: (config, server) => ({
    authorizeEndpoint: server.authorization_endpoint,
    scope: config.scope ?? '',
    pkce: 'off',
    params: paramsOf(config),
    authorizeMethod: config.authorizeMethod == 'post' ? 'post' : 'get',
  }),
  clientAuth: (config) => oauth.ClientSecretPost(config.clientSecret!),
  refresh: true,
  async user(context) {
    const endpoint = context.server.userinfo_endpoint;
    if (!endpoint) return null;
    const raw = await fetchJson(context, endpoint, `Bearer ${context.tokens.access_token}`);
    return { id: userId(raw.id ?? raw.sub ?? raw.username, 'id, sub or username'), raw };
  },
};
