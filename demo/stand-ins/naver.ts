/**
 * Naver stand-in (docs/providers/naver.md): GET /oauth2.0/authorize (state required, registered
 * callback URL); /oauth2.0/token (GET or POST) with client id and secret as parameters and the
 * authorize request's `state`, answering errors as `{error, error_description}` with 200 and
 * `expires_in` as a string; grant_type refresh_token and delete; GET /v1/nid/me answering
 * `{resultcode, message, response}`. No PKCE; no redirect_uri at the token endpoint.
 */
import { authorizeRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest, type Reply } from './http.js';
import { bearerOf, rememberingDecision } from './social.js';

export const NAVER_USER = {
  id: '32742776',
  nickname: 'OpenAPI',
  name: '오픈 API',
  email: 'openapi@naver.example',
  gender: 'F',
  age: '40-49',
  birthday: '10-01',
  profile_image: 'https://ssl.pstatic.net/static/pwe/address/nodata_33x33.gif',
};

/** Naver answers its token errors with 200. */
const refused = (error: string, error_description: string) => json({ error, error_description });

/** `meResultcode`: another `resultcode` than `00` from /v1/nid/me, for the hostile case; `expiresIn`: the access tokens' life, seconds. */
export async function startNaver(client: RegisteredClient, port = 0, options: { meResultcode?: string; expiresIn?: number } = {}) {
  const store = new GrantStore();
  const asked = new Map<string, URLSearchParams>();
  const access = new Set<string>();
  const refresh = new Set<string>();
  const issue = (withRefresh: boolean): Reply => {
    const at = token();
    access.add(at);
    const body: Record<string, unknown> = { access_token: at, token_type: 'bearer', expires_in: String(options.expiresIn ?? 3600) };
    if (withRefresh) {
      const rt = token();
      refresh.add(rt);
      body.refresh_token = rt;
    }
    return json(body);
  };
  const tokenRoute = (request: IncomingRequest): Reply => {
    const form = request.method === 'GET' ? request.url.searchParams : formOf(request);
    if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret) return refused('invalid_client', 'client authentication failed');
    switch (form.get('grant_type')) {
      case 'authorization_code': {
        const code = form.get('code');
        const params = (code && asked.get(code)) || new URLSearchParams();
        // Naver takes no redirect_uri here: the code is bound to the client and the state.
        const grant = store.redeem(code, client.clientId, params.get('redirect_uri'), null);
        if ('error' in grant || !form.get('state') || form.get('state') !== params.get('state')) return refused('invalid_request', 'no valid data in session');
        return issue(true);
      }
      case 'refresh_token':
        return refresh.has(form.get('refresh_token') ?? '') ? issue(false) : refused('invalid_request', 'invalid refresh_token');
      case 'delete':
        if (form.get('service_provider') !== 'NAVER') return refused('invalid_request', 'service_provider must be NAVER');
        return access.delete(form.get('access_token') ?? '') ? json({ access_token: form.get('access_token'), result: 'success' }) : refused('invalid_request', 'invalid access_token');
      default:
        return refused('unsupported_grant_type', 'grant_type is not supported');
    }
  };
  const server = await serve(
    {
      'GET /oauth2.0/authorize': authorizeRoute(
        client,
        (params) => (params.get('response_type') !== 'code' || !params.get('state') ? html('<h1>invalid_request</h1><p>response_type=code and state are required</p>', 400) : undefined),
        (params) => loginPage('NAVER', '#03a94d', params, '/oauth2.0/authorize/decision', '네이버 아이디로 로그인'),
      ),
      'POST /oauth2.0/authorize/decision': rememberingDecision(store, asked),
      'GET /oauth2.0/token': tokenRoute,
      'POST /oauth2.0/token': tokenRoute,
      'GET /v1/nid/me': (request) =>
        access.has(bearerOf(request) ?? '')
          ? json({ resultcode: options.meResultcode ?? '00', message: 'success', response: NAVER_USER })
          : json({ resultcode: '024', message: 'Authentication failed / 인증에 실패했습니다.' }, 401),
    },
    port,
  );
  return {
    ...server,
    live: (value: string) => access.has(value),
    endpoints: {
      authorizeEndpoint: `${server.url}/oauth2.0/authorize`,
      tokenEndpoint: `${server.url}/oauth2.0/token`,
      userinfoEndpoint: `${server.url}/v1/nid/me`,
      revocationEndpoint: `${server.url}/oauth2.0/token`,
    },
  };
}
