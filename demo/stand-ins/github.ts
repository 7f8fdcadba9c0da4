/**
 * GitHub stand-in (docs/providers/github.md): GET /login/oauth/authorize (PKCE S256 optional);
 * POST /login/oauth/access_token answering JSON only with `Accept: application/json` (else a form
 * body), and its errors with 200 (`incorrect_client_credentials`, `redirect_uri_mismatch`,
 * `bad_verification_code`); `expiring` tokens (GitHub Apps) with refresh; GET /user and
 * /user/emails (scope `user:email`), 403 without a User-Agent; DELETE /applications/{id}/token.
 */
import { authorizeRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest, type Reply } from './http.js';
import { bearerOf, rememberingDecision } from './social.js';

export const GITHUB_USER = { login: 'octo-kim', id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4', name: 'Seo-yeon Kim', email: null };
export const GITHUB_EMAILS = [
  { email: 'old@example.com', primary: false, verified: true, visibility: null },
  { email: 'seoyeon@example.com', primary: true, verified: true, visibility: 'private' },
];

const DOCS = 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors';
const refusal = (error: string, error_description: string) => ({ error, error_description, error_uri: `${DOCS}/#${error.replace(/_/g, '-')}` });

/** `expiring`: GitHub App tokens with refresh (`expiresIn` seconds); `user`: what /user answers instead (hostile cases). */
export async function startGithub(client: RegisteredClient, port = 0, options: { expiring?: boolean; user?: unknown; expiresIn?: number } = {}) {
  const store = new GrantStore();
  const asked = new Map<string, URLSearchParams>();
  const access = new Map<string, string>();
  const refresh = new Set<string>();
  /** JSON with Accept: application/json; GitHub's default is a form-encoded body. */
  const answer = (request: IncomingRequest, body: Record<string, unknown>): Reply =>
    (request.headers.accept ?? '').includes('application/json')
      ? json(body)
      : { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(body as Record<string, string>).toString() };
  const issue = (request: IncomingRequest, scope: string) => {
    const at = `gho_${token(18)}`;
    access.set(at, scope);
    const body: Record<string, unknown> = { access_token: at, token_type: 'bearer', scope };
    if (options.expiring) {
      const rt = `ghr_${token(30)}`;
      refresh.add(rt);
      Object.assign(body, { expires_in: options.expiresIn ?? 28_800, refresh_token: rt, refresh_token_expires_in: 15_897_600 });
    }
    return answer(request, body);
  };
  const user = (request: IncomingRequest, reply: (scope: string) => Reply): Reply => {
    if (!request.headers['user-agent'])
      return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.' };
    const scope = access.get(bearerOf(request) ?? '');
    return scope === undefined ? json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }, 401) : reply(scope);
  };
  const server = await serve(
    {
      'GET /login/oauth/authorize': authorizeRoute(
        client,
        (params) => (params.get('code_challenge') && params.get('code_challenge_method') !== 'S256' ? html('<h1>Only S256 is accepted</h1>', 400) : undefined),
        (params) => loginPage('GitHub', '#1f2328', params, '/login/oauth/authorize/decision', `Authorize ${client.clientId} (${params.get('scope') || 'public data'})`),
      ),
      'POST /login/oauth/authorize/decision': rememberingDecision(store, asked),
      'POST /login/oauth/access_token': (request) => {
        const form = formOf(request);
        if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret)
          return answer(request, refusal('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.'));
        if (form.get('grant_type') === 'refresh_token') {
          if (!refresh.delete(form.get('refresh_token') ?? '')) return answer(request, refusal('bad_refresh_token', 'The refresh token passed is incorrect or expired.'));
          return issue(request, '');
        }
        const grant = store.redeem(form.get('code'), client.clientId, form.get('redirect_uri'), form.get('code_verifier'));
        if ('error' in grant)
          return answer(
            request,
            /redirect_uri/.test(grant.description)
              ? refusal('redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.')
              : refusal('bad_verification_code', 'The code passed is incorrect or expired.'),
          );
        return issue(request, grant.scope.split(/[ ,]+/).filter(Boolean).join(','));
      },
      'GET /user': (request) => user(request, () => json(options.user ?? GITHUB_USER)),
      'GET /user/emails': (request) =>
        user(request, (scope) => (scope.split(',').some((s) => s === 'user:email' || s === 'user') ? json(GITHUB_EMAILS) : json({ message: 'Not Found', status: '404' }, 404))),
      [`DELETE /applications/${client.clientId}/token`]: (request) => {
        if (request.headers.authorization !== 'Basic ' + btoa(`${client.clientId}:${client.clientSecret}`)) return json({ message: 'Requires authentication', status: '401' }, 401);
        const { access_token } = JSON.parse(request.body || '{}') as { access_token?: string };
        return access.delete(access_token ?? '') ? { status: 204 } : json({ message: 'Not Found', status: '404' }, 404);
      },
    },
    port,
  );
  return {
    ...server,
    live: (value: string) => access.has(value),
    endpoints: {
      authorizeEndpoint: `${server.url}/login/oauth/authorize`,
      tokenEndpoint: `${server.url}/login/oauth/access_token`,
      userinfoEndpoint: `${server.url}/user`,
      revocationEndpoint: `${server.url}/applications/{client_id}/token`,
    },
  };
}
