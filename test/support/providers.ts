/** For the six big providers' server tests: a handler on one stand-in, and codes from its authorize step. */
import { createLoginHandler, type ProviderConfig } from '../../src/server/index.js';
import { authorize, pkcePair } from './authorize.js';
import { APP, post, REDIRECT_URI } from './exchange.js';

export const CLIENT = { clientId: 'client-1234.apps.example', clientSecret: 'secret-5678', redirectUris: [REDIRECT_URI] };

/** The companion endpoint serving `name` (tokens exposed, so refresh/revoke can be tested). */
export const handlerFor = (name: string, config: ProviderConfig) =>
  createLoginHandler({ redirectUris: [REDIRECT_URI, `${APP}/other.html`], allowedOrigins: [APP], exposeTokens: true, providers: { [name]: config } });

/** Approves a login at `authorizeEndpoint` with `params` (client id, redirect URI and response_type added). */
export async function callback(authorizeEndpoint: string, params: Record<string, string> = {}): Promise<URLSearchParams> {
  const url = new URL(authorizeEndpoint);
  url.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT_URI, state: 'state-1', ...params }).toString();
  return authorize(url.href, REDIRECT_URI);
}

/** A code issued with a PKCE challenge, and its verifier. */
export async function pkceCode(authorizeEndpoint: string, params: Record<string, string> = {}) {
  const { verifier, challenge } = pkcePair();
  const back = await callback(authorizeEndpoint, { code_challenge: challenge, code_challenge_method: 'S256', ...params });
  return { code: back.get('code')!, verifier, back };
}

export { post, REDIRECT_URI };
