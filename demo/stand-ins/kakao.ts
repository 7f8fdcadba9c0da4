/**
 * Kakao stand-in (docs/providers/kakao.md): GET /oauth/authorize (PKCE optional, `openid` for an
 * ID token); POST /oauth/token, form, client_secret as a parameter, errors as
 * `{error, error_description, error_code}` (KOE010, KOE303, KOE320); RS256 ID tokens with nickname
 * and picture; GET /v2/user/me (numeric `id`, `kakao_account.profile`), GET /v1/oidc/userinfo;
 * POST /v1/user/logout ends the access and refresh token; discovery.
 */
import { authorizeRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest, type Reply } from './http.js';
import { bearerOf, discovery, idTokenTimes, rememberingDecision, rsaSigner, socialStandIn } from './social.js';

export const KAKAO_ID = 4046289111;
export const KAKAO_ACCOUNT = {
  profile_nickname_needs_agreement: false,
  profile_image_needs_agreement: false,
  profile: { nickname: '라이언', thumbnail_image_url: 'https://k.kakaocdn.net/ryan_110x110.jpg', profile_image_url: 'https://k.kakaocdn.net/ryan_640x640.jpg', is_default_image: false },
  has_email: true,
  email_needs_agreement: false,
  is_email_valid: true,
  is_email_verified: true,
  email: 'ryan@kakao.example',
};

const koe = (status: number, error: string, error_code: string, error_description: string) => json({ error, error_description, error_code }, status);
const unknownToken = () => json({ msg: 'this access token does not exist', code: -401 }, 401);

/** `meId` makes /v2/user/me name another user than the ID token (for the mismatch case); `expiresIn`: the access tokens' life, seconds. */
export async function startKakao(client: RegisteredClient, port = 0, options: { meId?: number; expiresIn?: number } = {}) {
  const store = new GrantStore();
  const asked = new Map<string, URLSearchParams>();
  const signer = rsaSigner();
  const access = new Map<string, string>(); // access token → its refresh token
  const refresh = new Map<string, string>(); // refresh token → scope
  let issuer = '';
  const issue = (scope: string, nonce: string | null, withRefresh: boolean): Reply => {
    const at = token();
    const body: Record<string, unknown> = { token_type: 'bearer', access_token: at, expires_in: options.expiresIn ?? 21_599 };
    if (scope.split(' ').includes('openid'))
      body.id_token = signer.sign({ iss: issuer, aud: client.clientId, sub: String(KAKAO_ID), ...idTokenTimes(), auth_time: idTokenTimes().iat, nickname: KAKAO_ACCOUNT.profile.nickname, picture: KAKAO_ACCOUNT.profile.profile_image_url, email: KAKAO_ACCOUNT.email, ...(nonce ? { nonce } : {}) });
    const rt = token();
    refresh.set(rt, scope);
    access.set(at, rt);
    if (withRefresh) Object.assign(body, { refresh_token: rt, refresh_token_expires_in: 5_183_999 });
    if (scope) body.scope = scope;
    return json(body);
  };
  const signedIn = (request: IncomingRequest, reply: () => Reply): Reply => (access.has(bearerOf(request) ?? '') ? reply() : unknownToken());
  const server = await serve(
    {
      'GET /.well-known/openid-configuration': (request) =>
        discovery(issuer, {
          authorization_endpoint: `${issuer}/oauth/authorize`,
          token_endpoint: `${issuer}/oauth/token`,
          userinfo_endpoint: `${issuer}/v1/oidc/userinfo`,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          code_challenge_methods_supported: ['S256'],
        })(request),
      'GET /.well-known/jwks.json': () => signer.jwks(),
      'GET /oauth/authorize': authorizeRoute(
        client,
        (params) => (params.get('response_type') !== 'code' ? html(`<h1>KOE201</h1><p>Unsupported response type: ${params.get('response_type')}</p>`, 400) : undefined),
        (params) => loginPage('Kakao', '#191919', params, '/oauth/authorize/decision', `카카오계정으로 로그인 (${params.get('scope') || 'profile_nickname profile_image'})`),
      ),
      'POST /oauth/authorize/decision': rememberingDecision(store, asked),
      'POST /oauth/token': (request) => {
        const form = formOf(request);
        if (form.get('client_id') !== client.clientId) return koe(401, 'invalid_client', 'KOE101', 'Not exist client_id []');
        if (form.get('client_secret') !== client.clientSecret) return koe(401, 'invalid_client', 'KOE010', 'Bad client credentials');
        if (form.get('grant_type') === 'refresh_token') {
          const scope = refresh.get(form.get('refresh_token') ?? '');
          if (scope === undefined) return koe(400, 'invalid_grant', 'KOE322', 'refresh_token not found');
          return issue(scope, null, false);
        }
        const code = form.get('code');
        const params = (code && asked.get(code)) || new URLSearchParams();
        const grant = store.redeem(code, client.clientId, form.get('redirect_uri'), form.get('code_verifier'));
        if ('error' in grant)
          return /redirect_uri/.test(grant.description)
            ? koe(400, 'invalid_grant', 'KOE303', 'Redirect URI mismatch.')
            : /PKCE/.test(grant.description)
              ? koe(400, 'invalid_grant', 'KOE320', 'PKCE verification failed.')
              : koe(400, 'invalid_grant', 'KOE320', `authorization code not found for code=${code}`);
        return issue(grant.scope, params.get('nonce'), true);
      },
      'GET /v2/user/me': (request) => signedIn(request, () => json({ id: options.meId ?? KAKAO_ID, connected_at: '2026-12-01T09:00:00Z', properties: { nickname: KAKAO_ACCOUNT.profile.nickname }, kakao_account: KAKAO_ACCOUNT })),
      'GET /v1/oidc/userinfo': (request) =>
        signedIn(request, () => json({ sub: String(KAKAO_ID), nickname: KAKAO_ACCOUNT.profile.nickname, picture: KAKAO_ACCOUNT.profile.profile_image_url, email: KAKAO_ACCOUNT.email, email_verified: true })),
      'POST /v1/user/logout': (request) => {
        const at = bearerOf(request) ?? '';
        const rt = access.get(at);
        if (rt === undefined) return unknownToken();
        access.delete(at);
        refresh.delete(rt);
        return json({ id: KAKAO_ID });
      },
    },
    port,
  );
  issuer = server.url;
  return socialStandIn(server, (value: string) => access.has(value) || refresh.has(value), { authorize: '/oauth/authorize', token: '/oauth/token', userinfo: '/v2/user/me', revocation: '/v1/user/logout' });
}
