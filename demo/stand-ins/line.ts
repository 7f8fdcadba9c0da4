/**
 * LINE Login v2.1 stand-in (docs/providers/line.md): GET /oauth2/v2.1/authorize (state and scope
 * required, PKCE S256 only); POST /oauth2/v2.1/token, form, client id and secret as parameters,
 * 400 `{error, error_description}`; HS256 ID tokens signed with the channel secret (while discovery
 * lists ES256, as LINE's does); GET /oauth2/v2.1/userinfo and /v2/profile; POST
 * /oauth2/v2.1/revoke with `access_token`.
 */
import { authorizeRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type Reply } from './http.js';
import { bearerOf, discovery, hs256, idTokenTimes, rememberingDecision, socialStandIn } from './social.js';

export const LINE_USER = { sub: 'U4af4980629a1b2c3d4e5f60718293a4b', name: 'Brown', picture: 'https://profile.line-scdn.net/abcdefghijklmn', email: 'brown@line.example' };

const refused = (error: string, error_description: string) => json({ error, error_description }, 400);

/** `expiresIn`: the access tokens' life, seconds. */
export async function startLine(client: RegisteredClient, port = 0, options: { expiresIn?: number } = {}) {
  const store = new GrantStore();
  const asked = new Map<string, URLSearchParams>();
  const access = new Set<string>();
  const refresh = new Map<string, string>();
  let issuer = '';
  const issue = (scope: string, nonce: string | null, idToken: boolean): Reply => {
    const at = `eyJhbGciOiJIUzI1NiJ9.${token()}`;
    access.add(at);
    const rt = token(15);
    refresh.set(rt, scope);
    const body: Record<string, unknown> = { access_token: at, expires_in: options.expiresIn ?? 2_592_000, refresh_token: rt, scope, token_type: 'Bearer' };
    if (idToken && scope.split(' ').includes('openid')) {
      const { email, ...profile } = LINE_USER;
      const claims = { iss: issuer, aud: client.clientId, ...idTokenTimes(), auth_time: idTokenTimes().iat, amr: ['linesso'], ...profile, ...(scope.includes('email') ? { email } : {}), ...(nonce ? { nonce } : {}) };
      body.id_token = hs256(claims, client.clientSecret);
    }
    return json(body);
  };
  const server = await serve(
    {
      'GET /.well-known/openid-configuration': (request) =>
        discovery(issuer, {
          authorization_endpoint: `${issuer}/oauth2/v2.1/authorize`,
          token_endpoint: `${issuer}/oauth2/v2.1/token`,
          revocation_endpoint: `${issuer}/oauth2/v2.1/revoke`,
          userinfo_endpoint: `${issuer}/oauth2/v2.1/userinfo`,
          scopes_supported: ['openid', 'profile', 'email'],
          jwks_uri: `${issuer}/oauth2/v2.1/certs`,
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['ES256'],
          code_challenge_methods_supported: ['S256'],
        })(request),
      'GET /oauth2/v2.1/authorize': authorizeRoute(
        client,
        (params) =>
          params.get('response_type') !== 'code' || !params.get('state') || !params.get('scope')
            ? html('<h1>400 Bad Request</h1><p>response_type, state and scope are required</p>', 400)
            : params.get('code_challenge') && params.get('code_challenge_method') !== 'S256'
              ? html('<h1>400 Bad Request</h1><p>code_challenge_method must be S256</p>', 400)
              : undefined,
        (params) => loginPage('LINE', '#06c755', params, '/oauth2/v2.1/authorize/decision', `LINEでログイン (${params.get('scope')})`),
      ),
      'POST /oauth2/v2.1/authorize/decision': rememberingDecision(store, asked),
      'POST /oauth2/v2.1/token': (request) => {
        const form = formOf(request);
        if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret) return refused('invalid_client', 'invalid client_secret');
        if (form.get('grant_type') === 'refresh_token') {
          const rt = form.get('refresh_token') ?? '';
          const scope = refresh.get(rt);
          if (scope === undefined) return refused('invalid_grant', 'invalid refresh token');
          refresh.delete(rt);
          return issue(scope, null, false);
        }
        const code = form.get('code');
        const params = (code && asked.get(code)) || new URLSearchParams();
        if (params.get('code_challenge') && !form.get('code_verifier')) {
          if (code) store.redeem(code, '', null, null);
          return refused('invalid_request', 'code_verifier is required');
        }
        const grant = store.redeem(code, client.clientId, form.get('redirect_uri'), form.get('code_verifier'));
        if ('error' in grant)
          return refused('invalid_grant', /redirect_uri/.test(grant.description) ? 'redirect_uri does not match' : /PKCE/.test(grant.description) ? 'invalid code_verifier' : 'invalid authorization code');
        return issue(grant.scope, params.get('nonce'), true);
      },
      'GET /oauth2/v2.1/userinfo': (request) =>
        access.has(bearerOf(request) ?? '') ? json({ sub: LINE_USER.sub, name: LINE_USER.name, picture: LINE_USER.picture }) : json({ error: 'invalid_token', error_description: 'access token expired' }, 401),
      'GET /v2/profile': (request) =>
        access.has(bearerOf(request) ?? '')
          ? json({ userId: LINE_USER.sub, displayName: LINE_USER.name, pictureUrl: LINE_USER.picture, statusMessage: 'Hello, LINE!' })
          : json({ message: 'Authentication failed' }, 401),
      'POST /oauth2/v2.1/revoke': (request) => {
        const form = formOf(request);
        if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret) return refused('invalid_client', 'invalid client_secret');
        access.delete(form.get('access_token') ?? '');
        return { status: 200 };
      },
    },
    port,
  );
  issuer = server.url;
  return socialStandIn(server, (value: string) => access.has(value), { authorize: '/oauth2/v2.1/authorize', token: '/oauth2/v2.1/token', userinfo: '/oauth2/v2.1/userinfo', revocation: '/oauth2/v2.1/revoke' });
}
