import type { AuthorizeRequest, LoginConfig } from './types.js';

/** Per-flow secrets that go into the authorize request. */
export interface FlowSecrets {
  state: string;
  codeVerifier?: string;
  codeChallenge?: string;
  /** OpenID Connect only: the ID token must carry it back. */
  nonce?: string;
}

/** Builds the authorize request in the provider's documented parameter order and spelling. */
export function buildAuthorizeRequest(config: LoginConfig, secrets: FlowSecrets): AuthorizeRequest {
  const { profile } = config;
  // startLogin has checked that there is one (settings.ts's authorizeEndpoint: not imported, so that
  // this module, loaded on demand, shares nothing with the click's code).
  const url = new URL((config.authorizeEndpoint || profile.authorizeEndpoint)!, document.baseURI);
  const params: Record<string, string | undefined> = {
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: profile.responseType || 'code',
    scope: config.scope ?? profile.scope,
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: secrets.codeChallenge,
    code_challenge_method: secrets.codeChallenge && 'S256',
  };
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  let request: AuthorizeRequest = { url, method: 'get' };
  if (profile.authorize) request = profile.authorize(config, request);
  for (const [k, v] of Object.entries(config.params || {})) request.url.searchParams.set(k, v);
  return request;
}
