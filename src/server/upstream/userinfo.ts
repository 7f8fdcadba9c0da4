import * as oauth from 'oauth4webapi';
import type { UserContext } from './dialect.js';
import { invalidProviderResponse } from '../shared/errors.js';
import type { LoginUser } from '../shared/login.js';

/**
 * A user id from a provider's field: a non-empty string, or a finite number. Anything else (missing,
 * empty, an object, a boolean) would collapse users into "undefined" or "[object Object]": a 502.
 */
export function userId(value: unknown, what: string): string {
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw invalidProviderResponse(`The provider named no usable user id (${what})`);
}

/**
 * OIDC's user: the ID token's claims merged with the userinfo endpoint's where one is known (contract §4
 * "the whole user": spec-following providers put `name`, `email`, `picture` only at userinfo). The
 * userinfo `sub` must be the ID token's (OIDC Core §5.3.2), else 502.
 */
export async function oidcUser(context: UserContext): Promise<LoginUser | null> {
  const { server, client, tokens, options } = context;
  let claims: Record<string, unknown> | undefined = context.claims;
  if (server.userinfo_endpoint) {
    const response = await oauth.userInfoRequest(server, client, tokens.access_token, options);
    const expected = typeof claims?.sub == 'string' ? claims.sub : oauth.skipSubjectCheck;
    const info = await oauth.processUserInfoResponse(server, client, expected, response);
    claims = { ...claims, ...info };
  }
  return claims ? userFromClaims(claims) : null;
}

/** The normalised user of OpenID Connect claims: `sub`, and `name`, `email`, `email_verified`, `picture`. */
export function userFromClaims(claims: Record<string, unknown>): LoginUser {
  const { sub, email, email_verified, name, picture } = claims;
  const user: LoginUser = { id: userId(typeof sub === 'string' ? sub : undefined, 'sub'), raw: publicClaims(claims) };
  if (typeof email === 'string') user.email = email;
  if (typeof email === 'string' && typeof email_verified === 'boolean') user.emailVerified = email_verified;
  if (typeof name === 'string') user.name = name;
  if (typeof picture === 'string') user.picture = picture;
  return user;
}

/** Claims minus the ones that only make sense inside the token (nonce, hashes). */
function publicClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const { nonce: _nonce, at_hash: _atHash, c_hash: _cHash, s_hash: _sHash, ...rest } = claims;
  return rest;
}

/** GETs a JSON object with the access token; a non-2xx or non-object answer is a 502. */
export async function fetchJson(context: UserContext, url: string, authorization: string): Promise<Record<string, unknown>> {
  const response = await context.fetch(url, { headers: { authorization, accept: 'application/json' } });
  if (!response.ok) throw invalidProviderResponse(`The provider's user endpoint answered ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (error instanceof DOMException) throw error;
    throw invalidProviderResponse("The provider's user endpoint did not answer JSON");
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidProviderResponse("The provider's user endpoint did not answer a JSON object");
  return body as Record<string, unknown>;
}
