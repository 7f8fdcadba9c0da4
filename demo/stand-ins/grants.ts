/**
 * What every stand-in enforces like a real authorization server: registered clients and redirect URIs,
 * single-use codes that expire, redirect_uri equality, PKCE S256 verifiers, and an Approve/Deny page.
 */
import { createHash, randomBytes } from 'node:crypto';
import { escapeHtml, html, redirect, type IncomingRequest, type Reply, type Route } from './http.js';

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface Grant {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge?: string;
  extra: Record<string, string>;
  expiresAt: number;
}

export const CODE_TTL_MS = 60_000;
export const token = (bytes = 24) => randomBytes(bytes).toString('base64url');

export class GrantStore {
  private codes = new Map<string, Grant>();

  issue(grant: Omit<Grant, 'expiresAt'>): string {
    const code = token();
    this.codes.set(code, { ...grant, expiresAt: Date.now() + CODE_TTL_MS });
    return code;
  }

  /**
   * Redeems a code once. Returns the grant, or the RFC 6749 error a real server would give:
   * unknown/reused/expired code, or a redirect_uri or PKCE verifier that does not match.
   */
  redeem(code: string | null, clientId: string, redirectUri: string | null, verifier: string | null): Grant | { error: string; description: string } {
    const grant = code ? this.codes.get(code) : undefined;
    if (code) this.codes.delete(code);
    if (!grant || grant.expiresAt < Date.now()) return { error: 'invalid_grant', description: 'The code is unknown, expired or already used' };
    if (grant.clientId !== clientId) return { error: 'invalid_grant', description: 'The code was issued to another client' };
    if (grant.redirectUri !== redirectUri) return { error: 'invalid_grant', description: 'redirect_uri does not match the authorization request' };
    if (grant.codeChallenge) {
      const expected = verifier && createHash('sha256').update(verifier).digest('base64url');
      if (expected !== grant.codeChallenge) return { error: 'invalid_grant', description: 'PKCE verification failed' };
    }
    return grant;
  }
}

/** The authorize request's fields, from the query or (BellaDati's POST) a form body. */
export const authorizeParams = (request: IncomingRequest) =>
  request.method === 'POST' ? new URLSearchParams(request.body) : request.url.searchParams;

/** A provider-looking login page: the request's fields travel in hidden inputs to Approve or Deny. */
export function loginPage(provider: string, colour: string, params: URLSearchParams, decidePath: string, detail: string): Reply {
  const hidden = [...params].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  return html(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${provider} — log in (local stand-in)</title>
<style>body{font:16px system-ui;margin:0;display:grid;place-items:center;min-height:100vh;background:#f4f5f7;color:#111}
main{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 2px 12px #0002;max-width:22rem;width:90%}
h1{margin:0 0 .5rem;color:${colour}}p{color:#444}button{font:inherit;padding:.6rem 1.2rem;border-radius:8px;border:0;cursor:pointer;margin-right:.5rem}
#approve{background:${colour};color:#fff;outline:1px solid #fff4;outline-offset:-1px}#deny{background:#e4e4e7}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}main{background:#1c1c1f;border-top:6px solid ${colour}}h1{color:inherit}p{color:#bbb}}</style>
<main><h1>${provider}</h1><p>Local stand-in: no account needed.</p><p>${escapeHtml(detail)}</p>
<form method="post" action="${decidePath}">${hidden}
<button id="approve" name="decision" value="approve">Approve</button><button id="deny" name="decision" value="deny">Deny</button></form></main></html>`);
}

/**
 * The login page's answer: back to redirect_uri with a code bound to what the authorize request asked
 * (client, redirect URI, scope, PKCE challenge, audience), or with access_denied; the state rides along.
 */
export function decisionRoute(store: GrantStore): Route {
  return (request) => {
    const params = new URLSearchParams(request.body);
    const back = new URL(params.get('redirect_uri')!);
    if (params.get('decision') === 'approve') {
      const challenge = params.get('code_challenge');
      const code = store.issue({
        clientId: params.get('client_id')!,
        redirectUri: params.get('redirect_uri')!,
        scope: params.get('scope') ?? '',
        ...(challenge ? { codeChallenge: challenge } : {}),
        // OpenID Connect: the nonce goes back in the ID token (OIDC Core §3.1.2.1).
        extra: { audience: params.get('audience') ?? '', nonce: params.get('nonce') ?? '' },
      });
      back.searchParams.set('code', code);
    } else {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request');
    }
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    return redirect(back.href);
  };
}

/**
 * The authorize step: the registered client and exact redirect URI, then the dialect's own checks
 * (`refuse` answers an error page or nothing), then the login page.
 */
export function authorizeRoute(client: RegisteredClient, refuse: (params: URLSearchParams) => Reply | undefined, page: (params: URLSearchParams) => Reply): Route {
  return (request) => {
    const params = authorizeParams(request);
    return checkClient(client, params) ?? refuse(params) ?? page(params);
  };
}

/** A registered client and an exactly registered redirect URI, or the error page a provider shows. */
export function checkClient(client: RegisteredClient, params: URLSearchParams): Reply | undefined {
  if (params.get('client_id') !== client.clientId) return html('<h1>Unknown client</h1>', 400);
  if (!client.redirectUris.includes(params.get('redirect_uri') ?? '')) return html('<h1>redirect_uri is not registered</h1>', 400);
}
