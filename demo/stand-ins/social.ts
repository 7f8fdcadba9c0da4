/**
 * What the six big providers' stand-ins share beyond grants.ts: signed ID tokens (RS256, or LINE's
 * HS256 with the channel secret), bearer tokens, a discovery document, and a decision step that
 * remembers what the authorize request asked beyond the grant (nonce, state, access_type).
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { decisionRoute, type GrantStore } from './grants.js';
import { json, type IncomingRequest, type Reply, type Route, type RunningServer } from './http.js';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 signer with its JWKS. */
export function rsaSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    sign: (payload: Record<string, unknown>) => jws({ alg: 'RS256', typ: 'JWT', kid: 'stand-in' }, payload, (input) => sign('sha256', input, privateKey as KeyObject)),
    jwks: () => json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'stand-in', use: 'sig', alg: 'RS256' }] }),
  };
}

/** An HS256 JWT keyed with `secret` (LINE's web-login ID tokens, keyed with the channel secret). */
export const hs256 = (payload: Record<string, unknown>, secret: string) =>
  jws({ typ: 'JWT', alg: 'HS256' }, payload, (input) => createHmac('sha256', secret).update(input).digest());

function jws(header: Record<string, unknown>, payload: Record<string, unknown>, signature: (input: Buffer) => Buffer): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${signature(Buffer.from(input)).toString('base64url')}`;
}

/** ID-token times: issued now, valid an hour. */
export const idTokenTimes = () => {
  const now = Math.floor(Date.now() / 1000);
  return { iat: now, exp: now + 3600 };
};

/** The bearer token of `Authorization: Bearer …` (any case of the scheme), or undefined. */
export function bearerOf(request: IncomingRequest): string | undefined {
  const [scheme, value] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}

/**
 * The login page's answer (grants.ts), remembering the authorize request's fields per issued code
 * in `asked`; with `iss`, the callback also names the issuer (RFC 9207, as Google does).
 */
export function rememberingDecision(store: GrantStore, asked: Map<string, URLSearchParams>, iss?: () => string): Route {
  const decide = decisionRoute(store);
  return async (request) => {
    const reply: Reply = await decide(request);
    const location = new URL(reply.headers!.location!);
    const code = location.searchParams.get('code');
    if (code) asked.set(code, new URLSearchParams(request.body));
    if (iss) location.searchParams.set('iss', iss());
    return { ...reply, headers: { ...reply.headers, location: location.href } };
  };
}

/** A discovery document for `issuer` (OpenID Connect Discovery 1.0). */
export const discovery = (issuer: string, fields: Record<string, unknown>): Route => () =>
  json({ issuer, response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'], ...fields });

/** Where a social stand-in serves its endpoints, below its issuer (its own URL). */
export interface EndpointPaths {
  authorize: string;
  token: string;
  userinfo: string;
  revocation: string;
}

/**
 * A started stand-in as tests and the demo use it: its server, `live` (whether a token is still live,
 * for revocation tests) and its endpoints, the entry a `providers` config takes.
 */
export function socialStandIn(server: RunningServer, live: (value: string) => boolean, paths: EndpointPaths) {
  const issuer = server.url;
  return {
    ...server,
    live,
    endpoints: {
      issuer,
      authorizeEndpoint: `${issuer}${paths.authorize}`,
      tokenEndpoint: `${issuer}${paths.token}`,
      userinfoEndpoint: `${issuer}${paths.userinfo}`,
      revocationEndpoint: `${issuer}${paths.revocation}`,
    },
  };
}
