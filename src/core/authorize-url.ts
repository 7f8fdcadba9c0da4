import type { AuthorizeRequest, LoginConfig } from './types.js';

/** Per-flow secrets that go into the authorize request. */
export interface FlowSecrets {
  state: string;
  codeVerifier?: string;
  codeChallenge?: string;
}

/**
 * Whether this flow uses PKCE: the `pkce` attribute wins over the provider's default. Only an explicit
 * `off` turns it off (`S256`, or a typo, keeps it on: never a silent downgrade).
 */
export function usesPkce(config: LoginConfig): boolean {
  return config.pkce ? config.pkce.toLowerCase() != 'off' : !!config.profile.pkce;
}

/** The authorize endpoint: the element's override, else the provider's default. */
export const authorizeEndpoint = (config: LoginConfig): string | undefined =>
  config.authorizeEndpoint || config.profile.authorizeEndpoint;

/** Builds the authorize request in the provider's documented parameter order and spelling. */
export function buildAuthorizeRequest(config: LoginConfig, secrets: FlowSecrets): AuthorizeRequest {
  const { profile } = config;
  // startLogin has checked that there is one.
  const endpoint = authorizeEndpoint(config);
  const url = new URL(endpoint!, document.baseURI);
  const params: Record<string, string | undefined> = {
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: profile.responseType || 'code',
    scope: config.scope ?? profile.scope,
    state: secrets.state,
    code_challenge: secrets.codeChallenge,
    code_challenge_method: secrets.codeChallenge && 'S256',
  };
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  let request: AuthorizeRequest = { url, method: 'get' };
  if (profile.authorize) request = profile.authorize(config, request);
  for (const [k, v] of Object.entries(config.params || {})) request.url.searchParams.set(k, v);
  return request;
}
