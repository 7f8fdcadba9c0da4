/**
 * BellaDati stand-in: GET /auth/oauth/request:new or POST /auth/oauth/request with response_type=CODE
 * (upper case only), POST /oauth/v2/accessToken with client_id + client_secret as parameters.
 * Refresh tokens work; there is no user endpoint.
 */
import { authorizeRoute, decisionRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest, type Route } from './http.js';

export async function startBelladati(client: RegisteredClient, port = 0) {
  const store = new GrantStore();
  const refreshTokens = new Set<string>();
  const authorize: Route = authorizeRoute(
    client,
    (params) => (params.get('response_type') !== 'CODE' ? html('<h1>Unsupported response_type (expected CODE)</h1>', 400) : undefined),
    (params) => loginPage('BellaDati', '#0b6fb8', params, '/auth/oauth/decision', 'Allow this application to access your BellaDati domain?'),
  );
  const issue = () => {
    const refresh = token();
    refreshTokens.add(refresh);
    return json({ access_token: token(), token_type: 'bearer', expires_in: 3600, refresh_token: refresh });
  };
  const server = await serve(
    {
      'GET /auth/oauth/request:new': authorize,
      'POST /auth/oauth/request': authorize,
      'POST /auth/oauth/decision': decisionRoute(store),
      'POST /oauth/v2/accessToken': (request: IncomingRequest) => {
        // Parameters, as documented (query string in the docs' example; a form body is accepted too).
        const params = new URLSearchParams([...request.url.searchParams, ...formOf(request)]);
        if (params.get('client_id') !== client.clientId || params.get('client_secret') !== client.clientSecret)
          return json({ error: 'invalid_client', error_description: 'client_id and client_secret parameters are required' }, 401);
        if (params.get('grant_type') === 'refresh_token') {
          if (!refreshTokens.delete(params.get('refresh_token') ?? '')) return json({ error: 'invalid_grant' }, 400);
          return issue();
        }
        if (params.get('grant_type') !== 'authorization_code') return json({ error: 'unsupported_grant_type' }, 400);
        const grant = store.redeem(params.get('code'), client.clientId, params.get('redirect_uri'), null);
        if ('error' in grant) return json({ error: grant.error, error_description: grant.description }, 400);
        return issue();
      },
    },
    port,
  );
  return {
    ...server,
    endpoints: { baseUrl: server.url, authorizeEndpoint: `${server.url}/auth/oauth/request:new`, tokenEndpoint: `${server.url}/oauth/v2/accessToken` },
  };
}
