/**
 * A real OpenID Connect provider (oidc-provider) for `<oauth-login>`: exact redirect_uri, PKCE required,
 * client authentication, single-use codes, `iss` in the callback (RFC 9207). Its login step is a small
 * Approve/Deny page like the other stand-ins'.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// Before oidc-provider: its Node 20 warning explained (runtime-note.ts).
import './runtime-note.js';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';
import { loginPage } from './grants.js';

export const OIDC_USER = { sub: 'oidc-user-1', name: 'Ada Lovelace', email: 'ada@example.org', email_verified: true };

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Where RP-Initiated Logout may send the browser back to. */
  postLogoutRedirectUris?: string[];
}

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/** The provider's "sign out?" page; `form` is oidc-provider's hidden form (empty once signed out). */
const logoutPage = (form: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>OpenID Connect — sign out (local stand-in)</title>
<style>body{font:16px system-ui;margin:0;display:grid;place-items:center;min-height:100vh;background:#f4f5f7;color:#111}main{background:#fff;padding:2rem;border-radius:12px}button{font:inherit;padding:.6rem 1.2rem;border-radius:8px;border:0;background:#0f766e;color:#fff}</style>
<main>${form ? `<h1>Sign out of OpenID Connect?</h1>${form}<button id="signout" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>` : '<h1>Signed out of OpenID Connect</h1>'}</main></html>`;

/** `overrides` replace parts of the configuration below (e.g. `conformIdTokenClaims: true`). */
export async function startOidc(clients: OidcClient[], port = 0, overrides: Partial<Configuration> = {}) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: clients.map(
      (client): ClientMetadata => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
        token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      }),
    ),
    pkce: { required: () => true },
    findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ ...OIDC_USER, sub: accountId }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: async () => true },
      // RP-Initiated Logout: a local confirmation page (the built-in one loads a web font).
      rpInitiatedLogout: { enabled: true, logoutSource: async (ctx, form) => void (ctx.body = logoutPage(form)), postLogoutSuccessSource: async (ctx) => void (ctx.body = logoutPage('')) },
    },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'stand-in', use: 'sig', alg: 'RS256' }] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, RefreshToken: 86_400, IdToken: 3600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['login-elements-demo-only'] },
    // Offer a refresh token to every client that may use the grant, not only with offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ...overrides,
  });
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      const params = new URLSearchParams(Object.entries(details.params).map(([k, v]) => [k, String(v)]));
      const page = loginPage('OpenID Connect', '#0f766e', new URLSearchParams(), `/interaction/${details.uid}`, `${params.get('client_id')} asks for: ${params.get('scope')}`);
      res.writeHead(page.status, page.headers).end(page.body);
      return;
    }
    const form = await readBody(req);
    if (form.get('decision') !== 'approve') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user denied the request' }, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = OIDC_USER.sub;
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: unknown) => {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`Interaction failed: ${String(error)}`);
      });
    } else callback(req, res);
  });
  return {
    url: issuer,
    provider,
    endpoints: {
      issuer,
      authorizeEndpoint: `${issuer}/auth`,
      tokenEndpoint: `${issuer}/token`,
      userinfoEndpoint: `${issuer}/me`,
      revocationEndpoint: `${issuer}/token/revocation`,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
