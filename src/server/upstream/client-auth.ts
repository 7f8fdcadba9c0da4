/**
 * How a generic `oauth` client authenticates at the token endpoint (contract §7 "Client authentication
 * that works with the servers people run"): `client_secret_basic` form-encoded so that unreserved
 * characters go as they are, `client_secret_post`, or `private_key_jwt` (RFC 7523) with a private key
 * whose public half `GET {basePath}/jwks.json` serves. Where the provider's metadata lists
 * `token_endpoint_auth_methods_supported` without the configured method, the first it supports of
 * basic, post, private_key_jwt that the entry can do is used.
 */
import * as oauth from 'oauth4webapi';
import { EndpointError } from '../shared/errors.js';
import type { ProviderConfig } from '../shared/login.js';
import type { SigningKey } from './signing-key.js';

export type AuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
const PREFERENCE: readonly AuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'];

/**
 * RFC 6749 §2.3.1 / Appendix B: `application/x-www-form-urlencoded` with RFC 3986's unreserved
 * characters (`A–Z a–z 0–9 - . _ ~`) as they are, space as `+`, everything else percent-encoded (UTF-8).
 * oauth4webapi encodes `- . _ ~` too, which servers that do not decode the client id (most) refuse.
 */
export const formEncode = (value: string) =>
  encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');

/** `client_secret_basic`, as servers that do not decode the id read it. */
export const clientSecretBasic =
  (secret: string): oauth.ClientAuth =>
  (_server, client, _body, headers) => {
    headers.set('authorization', 'Basic ' + btoa(`${formEncode(client.client_id)}:${formEncode(secret)}`));
  };

/** The method the entry asks for: its own, else `private_key_jwt` with a key and no secret, else Basic. */
const configuredMethod = (config: ProviderConfig): AuthMethod =>
  config.tokenEndpointAuthMethod ?? (config.privateKey && !config.clientSecret ? 'private_key_jwt' : 'client_secret_basic');

/** The methods this entry has what it takes for. */
const possibleMethods = (config: ProviderConfig): AuthMethod[] =>
  PREFERENCE.filter((method) => (method == 'private_key_jwt' ? !!config.privateKey : !!config.clientSecret));

/** The method used with `server`: the configured one, unless its metadata lists others but not it. */
export function authMethodFor(config: ProviderConfig, server: oauth.AuthorizationServer): AuthMethod {
  const configured = configuredMethod(config);
  const supported = server.token_endpoint_auth_methods_supported;
  if (!Array.isArray(supported) || supported.includes(configured)) return configured;
  return possibleMethods(config).find((method) => supported.includes(method)) ?? configured;
}

/**
 * Checks at start-up that the entry can do its method (a TypeError naming the provider), and returns
 * the client authentication that picks the method per call from the provider's metadata.
 */
export function genericClientAuth(name: string, config: ProviderConfig, key: (() => Promise<SigningKey>) | undefined): oauth.ClientAuth {
  const method = configuredMethod(config);
  if (method == 'private_key_jwt' && !config.privateKey) throw new TypeError(`provider "${name}": tokenEndpointAuthMethod 'private_key_jwt' needs privateKey (a JWK or CryptoKey)`);
  if (method != 'private_key_jwt' && !config.clientSecret) throw new TypeError(`provider "${name}": ${method} needs clientSecret (or set privateKey for private_key_jwt)`);
  const basic = config.clientSecret ? clientSecretBasic(config.clientSecret) : undefined;
  const post = config.clientSecret ? oauth.ClientSecretPost(config.clientSecret) : undefined;
  let signed: Promise<oauth.ClientAuth> | undefined;
  const jwt: oauth.ClientAuth = async (...call) => (await (signed ??= key!().then(({ key, kid }) => oauth.PrivateKeyJwt({ key, kid }))))(...call);
  // Synchronous for the secret methods: no await on the exchange's hot path.
  return (server, client, body, headers) => {
    const method = authMethodFor(config, server);
    return (method == 'private_key_jwt' ? jwt : method == 'client_secret_post' ? post! : basic!)(server, client, body, headers);
  };
}

/**
 * An `invalid_client` answer to `client_secret_basic`, with the way out named: many servers decode the
 * Basic credentials their own way (no form-decoding, or base64 read only up to a `+` or `/`), and the
 * same secret goes through as `client_secret_post`.
 */
export function withBasicHint(error: EndpointError, method: string | undefined): EndpointError {
  if (error.error != 'invalid_client' || method != 'client_secret_basic') return error;
  return new EndpointError(
    error.status,
    'invalid_client',
    "The provider refused the client credentials sent with client_secret_basic; if the secret is right, try tokenEndpointAuthMethod: 'client_secret_post'",
    error.headers,
  );
}
