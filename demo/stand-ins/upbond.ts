/**
 * UPBOND Login 3.0 stand-in (Auth0-shaped): GET /authorize with PKCE S256 required (plain refused) and
 * an optional `audience`; POST /oauth/token, form, client_secret_post only, code_verifier checked; an
 * RS256 ID token with `openid`, a refresh token with `offline_access`; GET /userinfo.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { authorizeRoute, decisionRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { formOf, html, json, serve, type IncomingRequest } from './http.js';

export const UPBOND_USER = { sub: 'upbond|0x52a1c3', name: 'Yuki Tanaka', email: 'yuki@example.jp', email_verified: true };

function jwt(payload: Record<string, unknown>, key: ReturnType<typeof generateKeyPairSync>['privateKey']): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: 'stand-in' })}.${part(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export async function startUpbond(client: RegisteredClient, port = 0) {
  const store = new GrantStore();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const accessTokens = new Set<string>();
  const refreshTokens = new Map<string, string>();
  let issuer = '';
  const issue = (scope: string, audience?: string, nonce?: string) => {
    const access = token();
    accessTokens.add(access);
    const body: Record<string, unknown> = { access_token: access, token_type: 'Bearer', expires_in: 86_400, scope };
    if (scope.split(' ').includes('openid')) {
      const now = Math.floor(Date.now() / 1000);
      body.id_token = jwt({ iss: issuer, aud: client.clientId, iat: now, exp: now + 3600, ...(nonce ? { nonce } : {}), ...UPBOND_USER }, privateKey);
    }
    if (scope.split(' ').includes('offline_access')) {
      const refresh = token();
      refreshTokens.set(refresh, scope);
      body.refresh_token = refresh;
    }
    if (audience) body.audience = audience;
    return json(body);
  };
  const server = await serve(
    {
      'GET /authorize': authorizeRoute(
        client,
        (params) =>
          params.get('response_type') !== 'code'
            ? html('<h1>unsupported_response_type</h1>', 400)
            : params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')
              ? html('<h1>invalid_request: code_challenge_method must be S256</h1>', 400)
              : undefined,
        (params) => loginPage('UPBOND', '#4f3cc9', params, '/authorize/decision', `Log in to ${params.get('audience') || 'this app'} with UPBOND?`),
      ),
      'POST /authorize/decision': decisionRoute(store),
      'POST /oauth/token': (request: IncomingRequest) => {
        const form = formOf(request);
        if (request.headers.authorization || form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret)
          return json({ error: 'access_denied', error_description: 'Unauthorized: use client_secret_post' }, 401);
        if (form.get('grant_type') === 'refresh_token') {
          const scope = refreshTokens.get(form.get('refresh_token') ?? '');
          if (scope === undefined) return json({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }, 403);
          return issue(scope.replace('offline_access', '').trim());
        }
        if (form.get('grant_type') !== 'authorization_code') return json({ error: 'unsupported_grant_type' }, 400);
        const grant = store.redeem(form.get('code'), client.clientId, form.get('redirect_uri'), form.get('code_verifier'));
        if ('error' in grant) return json({ error: grant.error, error_description: grant.description }, 403);
        return issue(grant.scope, grant.extra.audience, grant.extra.nonce);
      },
      'GET /userinfo': (request) => {
        const [scheme, value] = (request.headers.authorization ?? '').split(' ');
        if (scheme !== 'Bearer' || !value || !accessTokens.has(value)) return json({ error: 'invalid_token' }, 401);
        return json(UPBOND_USER);
      },
      'GET /.well-known/jwks.json': () => json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'stand-in', use: 'sig', alg: 'RS256' }] }),
    },
    port,
  );
  issuer = `${server.url}/`;
  return {
    ...server,
    endpoints: { issuer, authorizeEndpoint: `${server.url}/authorize`, tokenEndpoint: `${server.url}/oauth/token`, userinfoEndpoint: `${server.url}/userinfo` },
  };
}
