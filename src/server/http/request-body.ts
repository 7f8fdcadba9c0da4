import type { ExchangeRequest } from '../../contract/wire.js';
import { EndpointError } from '../shared/errors.js';
import { tooLarge, type Incoming } from './incoming.js';

/**
 * Reading a request's JSON body, once for every route that takes one (the exchange, the logout): its
 * size, its encoding, its media type, its being an object.
 */

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

/** `Content-Type: application/json`, or a `+json` type. */
export function isJson(incoming: Incoming): boolean {
  const type = incoming.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (!!type && /^application\/[\w.+-]+\+json$/.test(type));
}

/** 415 unless the body is declared JSON. */
export function requireJson(incoming: Incoming): void {
  if (!isJson(incoming)) throw new EndpointError(415, 'unsupported_media_type', 'Send Content-Type: application/json');
}

/** The body as text: at most `MAX_BODY_BYTES` (a declared length over it is refused unread), UTF-8, within `timeoutMs`. */
export async function bodyText(incoming: Incoming, timeoutMs: number): Promise<string> {
  if (Number(incoming.header('content-length')) > MAX_BODY_BYTES) throw tooLarge(MAX_BODY_BYTES);
  return decodeBody(await incoming.body(MAX_BODY_BYTES, timeoutMs));
}

/** JSON text that must be an object; 400 otherwise. */
export function jsonObject(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The body must be a JSON object');
  return body as Record<string, unknown>;
}

/** Parses and checks the JSON body: `code` and `redirectUri` required, the rest optional strings. */
export function parseExchangeRequest(text: string): ExchangeRequest {
  const { code, redirectUri, codeVerifier, iss, state, nonce } = jsonObject(text);
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
