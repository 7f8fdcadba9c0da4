/**
 * BitBadges stand-in: GET /oauth (scope = comma-separated labels), POST /api/v0/oauth/token with a JSON
 * body and `x-api-key`, answering `access_token_expires_at` (epoch ms) and `address`; rotating refresh
 * tokens; POST /api/v0/oauth/token/revoke. Errors are HTTP 500 `{errorMessage}`, as the real API's.
 */
import { authorizeRoute, decisionRoute, GrantStore, loginPage, token, type RegisteredClient } from './grants.js';
import { json, serve, type IncomingRequest } from './http.js';

export const BITBADGES_ADDRESS = 'bb1qz7q5m0d8k3x4w2n6v9c5h8j4l2p0r7s3t6y9';
const SCOPES = ['Complete Claims', 'Create Address Lists', 'Read Address Lists', 'Manage Transfers'];

const fail = (errorMessage: string) => json({ errorMessage }, 500);

export async function startBitbadges(client: RegisteredClient & { apiKey: string }, port = 0) {
  const store = new GrantStore();
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  /** Every refresh token a refresh request sent, in order (tests count refreshes with it). */
  const refreshesSent: string[] = [];
  const issue = () => {
    const access = token();
    const refresh = token();
    accessTokens.add(access);
    refreshTokens.add(refresh);
    const now = Date.now();
    return json({
      access_token: access,
      token_type: 'Bearer',
      access_token_expires_at: now + 86_400_000,
      refresh_token: refresh,
      refresh_token_expires_at: now + 30 * 86_400_000,
      address: BITBADGES_ADDRESS,
    });
  };
  /** The API's own checks: JSON only, with the API key. */
  const body = (request: IncomingRequest): Record<string, string> | undefined => {
    if (!request.headers['content-type']?.startsWith('application/json')) return;
    try {
      const parsed: unknown = JSON.parse(request.body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  };
  const server = await serve(
    {
      'GET /oauth': authorizeRoute(
        client,
        (params) => {
          const unknown = params.get('scope')?.split(',').filter((label) => !SCOPES.includes(label.trim()));
          return unknown?.length ? json({ errorMessage: `Unknown scope: ${unknown.join(', ')}` }, 400) : undefined;
        },
        (params) => loginPage('BitBadges', '#001529', params, '/oauth/decision', `Sign in with your address${params.get('scope') ? ` and allow: ${params.get('scope')}` : ''}?`),
      ),
      'POST /oauth/decision': decisionRoute(store),
      'POST /api/v0/oauth/token': (request) => {
        if (request.headers['x-api-key'] !== client.apiKey) return fail('Unauthorized: invalid or missing API key');
        const fields = body(request);
        if (!fields) return fail('Invalid request body: expected JSON');
        if (fields.client_id !== client.clientId || fields.client_secret !== client.clientSecret) return fail('Invalid client credentials');
        if (fields.grant_type === 'refresh_token') {
          refreshesSent.push(fields.refresh_token ?? '');
          // Refresh tokens rotate: each one works once.
          if (!refreshTokens.delete(fields.refresh_token ?? '')) return fail('Invalid or expired refresh token');
          return issue();
        }
        if (fields.grant_type !== 'authorization_code') return fail('Unsupported grant type');
        const grant = store.redeem(fields.code ?? null, client.clientId, fields.redirect_uri ?? null, fields.code_verifier ?? null);
        if ('error' in grant) return fail(`Invalid code: ${grant.description}`);
        return issue();
      },
      'POST /api/v0/oauth/token/revoke': (request) => {
        if (request.headers['x-api-key'] !== client.apiKey) return fail('Unauthorized: invalid or missing API key');
        const fields = body(request);
        if (!fields?.token) return fail('Invalid request body: expected JSON with token');
        accessTokens.delete(fields.token);
        refreshTokens.delete(fields.token);
        return json({});
      },
    },
    port,
  );
  return {
    ...server,
    endpoints: {
      authorizeEndpoint: `${server.url}/oauth`,
      tokenEndpoint: `${server.url}/api/v0/oauth/token`,
      revocationEndpoint: `${server.url}/api/v0/oauth/token/revoke`,
    },
    isAccessTokenLive: (access: string) => accessTokens.has(access),
    refreshesSent,
    /** Forgets every refresh token (as when the user revokes the app at BitBadges). */
    revokeAllRefreshTokens: () => refreshTokens.clear(),
  };
}
