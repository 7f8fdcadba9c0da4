/**
 * OpenID Connect's `nonce` at the exchange (contract §4, OIDC Core §3.1.2.1): the page sends the nonce its
 * authorize request carried; the ID token must carry the same. oauth4webapi checks it (`expectedNonce`);
 * this says in plain words what a refusal means.
 */
import * as oauth from 'oauth4webapi';
import { EndpointError } from '../shared/errors.js';

/**
 * The token answer and the nonce to expect in it: with no ID token there is nothing to check the nonce
 * against (and `expectedNonce` would refuse an OAuth-only answer). The body is read here (bounded, as
 * every answer) and handed on as a fresh Response.
 */
export async function expectNonce(response: Response, nonce: string): Promise<[Response, { expectedNonce: string } | undefined]> {
  if (!response.ok) return [response, undefined];
  const text = await response.text();
  let idToken = false;
  try {
    const body: unknown = JSON.parse(text);
    idToken = typeof body == 'object' && body !== null && typeof (body as { id_token?: unknown }).id_token == 'string';
  } catch {
    /* not JSON: oauth4webapi says so */
  }
  return [new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers }), idToken ? { expectedNonce: nonce } : undefined];
}

/** The refusal for an ID token whose nonce is not the request's (or is there when the request has none); else undefined. */
export function nonceRefusal(error: unknown, nonce: string | undefined): EndpointError | undefined {
  if (!(error instanceof oauth.OperationProcessingError)) return;
  const claim = (error.cause as { claim?: unknown } | undefined)?.claim;
  if (error.code === oauth.JWT_CLAIM_COMPARISON && claim === 'nonce')
    return nonce === undefined
      ? new EndpointError(400, 'invalid_request', 'The ID token carries a nonce and the request has none: send the nonce of the authorize request as "nonce"')
      : new EndpointError(400, 'invalid_request', "The ID token's nonce is not the request's nonce (the code belongs to another login)");
  if (nonce !== undefined && error.message.startsWith('JWT "nonce"'))
    return new EndpointError(400, 'invalid_request', 'The request has a nonce and the ID token carries none: the provider ignored it (or the code belongs to another login)');
}
