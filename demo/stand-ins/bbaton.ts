/**
 * BBaton stand-in: GET /oauth/authorize (scope read_profile), POST /oauth/token with raw Basic
 * base64(client_id:secret) and a form body, GET /v2/user/me with `Authorization: {token_type} {token}`.
 */
import { authorizeRoute, decisionRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest } from './http.js';

export const BBATON_USER = {
  user_id: 'bbaton-7f3a9c',
  adult_flag: 'Y',
  birth_year: '1990',
  gender: 'F',
  income: 'N/A',
  student: 'N',
  result_code: '00',
  result_message: 'SUCCESS',
};

export async function startBbaton(client: RegisteredClient, port = 0) {
  const store = new GrantStore();
  const tokens = new Map<string, string>();
  const expectedBasic = 'Basic ' + Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
  const server = await serve(
    {
      'GET /oauth/authorize': authorizeRoute(
        client,
        (params) =>
          params.get('response_type') !== 'code'
            ? html('<h1>page not found</h1>', 400)
            : params.get('scope') !== 'read_profile'
              ? html('<h1>invalid scope</h1>', 400)
              : undefined,
        (params) => loginPage('BBaton', '#1c1c1c', params, '/oauth/authorize/decision', 'Share your adult verification with this site?'),
      ),
      'POST /oauth/authorize/decision': decisionRoute(store),
      'POST /oauth/token': (request: IncomingRequest) => {
        // Exactly the docs' raw Basic: a form-encoded id (RFC 6749 §2.3.1) differs for ids with + / =.
        if (request.headers.authorization !== expectedBasic) return json({ error: 'invalid_client' }, 401, { 'www-authenticate': 'Basic' });
        const form = formOf(request);
        if (form.get('grant_type') !== 'authorization_code') return json({ error: 'unsupported_grant_type' }, 400);
        const grant = store.redeem(form.get('code'), client.clientId, form.get('redirect_uri'), null);
        if ('error' in grant) return json({ error: grant.error, error_description: grant.description }, 400);
        const access = token();
        tokens.set(access, grant.clientId);
        return json({ access_token: access, token_type: 'bearer', expires_in: 86_400, scope: 'read_profile' });
      },
      'GET /v2/user/me': (request) => {
        const [scheme, value] = (request.headers.authorization ?? '').split(' ');
        if (scheme?.toLowerCase() !== 'bearer' || !value || !tokens.has(value)) return json({ result_code: '401', result_message: 'Unauthorized' }, 401);
        return json(BBATON_USER);
      },
    },
    port,
  );
  return {
    ...server,
    /** Approves a login without the page (benchmarks): the code the redirect would carry. */
    issueCode: (redirectUri: string) => store.issue({ clientId: client.clientId, redirectUri, scope: 'read_profile', extra: {} }),
    endpoints: {
      authorizeEndpoint: `${server.url}/oauth/authorize`,
      tokenEndpoint: `${server.url}/oauth/token`,
      userinfoEndpoint: `${server.url}/v2/user/me`,
    },
  };
}
