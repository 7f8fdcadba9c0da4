import type { ExchangeRequest } from '../contract/wire.js';
import { EndpointError } from './errors.js';

export const MAX_BODY_BYTES = 16 * 1024;

export type { ExchangeRequest };

const invalid = (description: string) => new EndpointError(400, 'invalid_request', description);

export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes as text; anything but UTF-8 is 400. */
export function decodeBody(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid('The body is not UTF-8');
  }
}

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** Parses and checks the JSON body: `code` and `redirectUri` required, the rest optional strings. */
export function parseExchangeRequest(text: string): ExchangeRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The body must be a JSON object');
  const { code, redirectUri, codeVerifier, iss, state, nonce } = body as Record<string, unknown>;
  if (typeof code !== 'string' || !code) throw invalid('code is required and must be a string');
  if (typeof redirectUri !== 'string' || !redirectUri) throw invalid('redirectUri is required and must be a string');
  if (codeVerifier !== undefined && (typeof codeVerifier !== 'string' || !VERIFIER.test(codeVerifier)))
    throw invalid('codeVerifier must be 43 to 128 unreserved characters (RFC 7636)');
  if (iss !== undefined && typeof iss !== 'string') throw invalid('iss must be a string');
  if (state !== undefined && typeof state !== 'string') throw invalid('state must be a string');
  if (nonce !== undefined && (typeof nonce !== 'string' || !nonce || nonce.length > 512)) throw invalid('nonce must be a non-empty string of at most 512 characters');
  const request: ExchangeRequest = { code, redirectUri };
  if (codeVerifier !== undefined) request.codeVerifier = codeVerifier as string;
  if (iss !== undefined) request.iss = iss;
  if (state !== undefined) request.state = state;
  if (nonce !== undefined) request.nonce = nonce as string;
  return request;
}
