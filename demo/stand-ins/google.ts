/**
 * Google stand-in (docs/providers/google.md): discovery, GET /o/oauth2/v2/auth (scope with `openid`,
 * PKCE S256 or plain), `iss` in the callback; POST /token with client_secret_post or Basic, Google's
 * own errors (`redirect_uri_mismatch`, `invalid_grant` "Missing code verifier."), RS256 ID tokens,
 * a refresh token with access_type=offline; GET /v1/userinfo; POST /revoke (400 invalid_token for
 * a token it does not know).
 */
import { authorizeRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest } from './http.js';
import { bearerOf, discovery, idTokenTimes, rememberingDecision, rsaSigner, socialStandIn } from './social.js';

export const GOOGLE_USER = {
  sub: '110169484474386276334',
  name: 'Min-jun Kim',
  given_name: 'Min-jun',
  picture: 'https://lh3.googleusercontent.com/a/stand-in',
  email: 'minjun@example.com',
  email_verified: true,
};

/**
 * `options.idTokenIssuer` makes the ID tokens name another issuer (Google's legacy `accounts.google.com`);
 * `expiresIn` shortens the access tokens' life (seconds), so a test sees a refresh.
 */
export async function startGoogle(client: RegisteredClient, port = 0, options: { idTokenIssuer?: string; expiresIn?: number } = {}) {
  const store = new GrantStore();
  const asked = new Map<string, URLSearchParams>();
  const signer = rsaSigner();
  const access = new Set<string>();
  const refresh = new Map<string, string>();
  let issuer = '';
  const clientOk = (request: IncomingRequest, form: URLSearchParams) =>
    request.headers.authorization
      ? request.headers.authorization === 'Basic ' + btoa(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`)
      : form.get('client_id') === client.clientId && form.get('client_secret') === client.clientSecret;
  const tokens = (scope: string, nonce: string | null, offline: boolean) => {
    const at = `ya29.${token()}`;
    access.add(at);
    const body: Record<string, unknown> = { access_token: at, expires_in: options.expiresIn ?? 3599, scope, token_type: 'Bearer' };
    if (scope.split(' ').includes('openid'))
      body.id_token = signer.sign({ iss: options.idTokenIssuer ?? issuer, azp: client.clientId, aud: client.clientId, ...idTokenTimes(), ...GOOGLE_USER, ...(nonce ? { nonce } : {}) });
    if (offline) {
      const rt = `1//${token()}`;
      refresh.set(rt, scope);
      body.refresh_token = rt;
    }
    return json(body);
  };
  const server = await serve(
    {
      'GET /.well-known/openid-configuration': (request) =>
        discovery(issuer, {
          authorization_endpoint: `${issuer}/o/oauth2/v2/auth`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/v1/userinfo`,
          revocation_endpoint: `${issuer}/revoke`,
          jwks_uri: `${issuer}/oauth2/v3/certs`,
          code_challenge_methods_supported: ['plain', 'S256'],
          authorization_response_iss_parameter_supported: true,
        })(request),
      'GET /oauth2/v3/certs': () => signer.jwks(),
      'GET /o/oauth2/v2/auth': authorizeRoute(
        client,
        (params) =>
          params.get('response_type') !== 'code'
            ? html('<h1>Error 400: invalid_request</h1><p>Invalid response_type</p>', 400)
            : !params.get('scope')
              ? html('<h1>Error 400: invalid_request</h1><p>Missing required parameter: scope</p>', 400)
              : undefined,
        (params) => loginPage('Google', '#1a73e8', params, '/o/oauth2/v2/auth/decision', `Sign in with Google to continue (${params.get('scope')})`),
      ),
      'POST /o/oauth2/v2/auth/decision': rememberingDecision(store, asked, () => issuer),
      'POST /token': (request) => {
        const form = formOf(request);
        if (!clientOk(request, form)) return json({ error: 'invalid_client', error_description: 'Unauthorized' }, 401);
        if (form.get('grant_type') === 'refresh_token') {
          const scope = refresh.get(form.get('refresh_token') ?? '');
          if (scope === undefined) return json({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, 400);
          return tokens(scope, null, false);
        }
        if (form.get('grant_type') !== 'authorization_code') return json({ error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' + form.get('grant_type') }, 400);
        const code = form.get('code');
        const params = (code && asked.get(code)) || new URLSearchParams();
        if (params.get('code_challenge') && !form.get('code_verifier')) {
          if (code) store.redeem(code, '', null, null); // Google spends the code all the same
          return json({ error: 'invalid_grant', error_description: 'Missing code verifier.' }, 400);
        }
        const grant = store.redeem(code, client.clientId, form.get('redirect_uri'), form.get('code_verifier'));
        if ('error' in grant)
          return /redirect_uri/.test(grant.description)
            ? json({ error: 'redirect_uri_mismatch', error_description: 'Bad Request' }, 400)
            : json({ error: 'invalid_grant', error_description: /PKCE/.test(grant.description) ? 'Invalid code verifier.' : 'Bad Request' }, 400);
        return tokens(grant.scope, params.get('nonce'), params.get('access_type') === 'offline');
      },
      'GET /v1/userinfo': (request) => {
        const at = bearerOf(request);
        if (!at || !access.has(at)) return json({ error: 'invalid_request', error_description: 'Invalid Credentials' }, 401);
        return json(GOOGLE_USER);
      },
      'POST /revoke': (request) => {
        const value = formOf(request).get('token') ?? '';
        if (!access.delete(value) && !refresh.delete(value)) return json({ error: 'invalid_token', error_description: 'Token expired or revoked' }, 400);
        return json({});
      },
    },
    port,
  );
  issuer = server.url;
  return socialStandIn(server, (value: string) => access.has(value) || refresh.has(value), { authorize: '/o/oauth2/v2/auth', token: '/token', userinfo: '/v1/userinfo', revocation: '/revoke' });
}
