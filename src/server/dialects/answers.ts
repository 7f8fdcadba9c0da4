/**
 * What the dialects of the big providers share: reading a provider's JSON, reshaping a non-standard
 * token answer into RFC 6749's, and calling a provider's own (non-RFC 7009) endpoints.
 */
import * as oauth from 'oauth4webapi';
import { EndpointError, invalidProviderResponse } from '../shared/errors.js';

/**
 * The answer's JSON object, read from a clone (bounded like every upstream answer); else undefined.
 * A success's clone is the answer itself (bounded-answer.ts): whoever reads one hands on a new Response.
 */
export async function jsonObject(response: Response): Promise<Record<string, unknown> | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  const body: unknown = await response
    .clone()
    .json()
    .catch((error: unknown) => {
      if (error instanceof DOMException) throw error; // a timeout stays a timeout
      return undefined;
    });
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** A JSON Response with this body and status. */
export const jsonResponse = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A token answer made RFC 6749's: an `error` carried in a 200 (GitHub, Naver) becomes a 400, with the
 * provider's own codes `renamed` to registered ones; a string `expires_in` (Naver) becomes a number.
 */
export function oauthShaped(renamed: Record<string, string> = {}) {
  return async (response: Response): Promise<Response> => {
    const body = await jsonObject(response);
    if (!body) return response;
    if (typeof body.error === 'string') {
      const error = Object.hasOwn(renamed, body.error) ? renamed[body.error]! : body.error;
      return jsonResponse({ error }, response.ok ? 400 : response.status);
    }
    // Read, a success is handed on afresh (its bounded body can be read once).
    const expires = typeof body.expires_in === 'string' && /^\d+$/.test(body.expires_in) ? { expires_in: Number(body.expires_in) } : {};
    return jsonResponse({ ...body, ...expires }, response.status);
  };
}

/** GETs JSON with these headers; the status and the parsed body (undefined when not JSON). */
export async function getJson(fetcher: typeof fetch, url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetcher(url, { headers: { accept: 'application/json', ...headers } });
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (error instanceof DOMException) throw error;
  }
  return { status: response.status, body };
}

/** An object answer from a user endpoint, or 502. */
export function objectFrom({ status, body }: { status: number; body: unknown }, what: string): Record<string, unknown> {
  if (status < 200 || status > 299) throw invalidProviderResponse(`The provider's ${what} answered ${status}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidProviderResponse(`The provider's ${what} did not answer a JSON object`);
  return body as Record<string, unknown>;
}

/**
 * A provider's own revocation call: 2xx is done, and so is a token the provider no longer knows
 * (RFC 7009 §2.2: an invalid token is not an error); a refused client is `invalid_client`, the rest 502.
 */
/** A form-encoded POST, as the revocation endpoints of Google, LINE and Naver take it. */
export const formPost = (params: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params),
});

export async function revocationCall(fetcher: typeof fetch, url: string, init: RequestInit, alreadyGone: (status: number, body: unknown) => boolean): Promise<void> {
  const response = await fetcher(url, init);
  if (response.ok) {
    await response.arrayBuffer().catch(() => undefined);
    return;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (error instanceof DOMException) throw error;
  }
  if (alreadyGone(response.status, body)) return;
  if (response.status === 401 || (body as { error?: unknown } | undefined)?.error === 'invalid_client')
    throw new EndpointError(400, 'invalid_client', 'The provider refused the client credentials');
  throw invalidProviderResponse(`The provider's revocation answered ${response.status}`);
}

/** A string claim or field, else undefined. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * oauth4webapi's hook for an issuer known only once the ID token is read (what openid-client uses for
 * Entra ID's `{tenantid}` issuer): not in its typings, so reached here, in one place.
 */
const EXPECTED_ISSUER = (oauth as unknown as { _expectedIssuer: symbol })._expectedIssuer;

/** `server`, whose ID tokens' `iss` must equal `expected(claims)` instead of `server.issuer`. */
export function expectingIssuer(server: oauth.AuthorizationServer, expected: (claims: Record<string, unknown>) => string): oauth.AuthorizationServer {
  return Object.assign(server, { [EXPECTED_ISSUER]: (result: { claims: Record<string, unknown> }) => expected(result.claims) });
}
