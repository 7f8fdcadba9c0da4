import { EndpointError } from '../shared/errors.js';
import type { Incoming } from './incoming.js';

/**
 * Where a request comes from and where it was addressed: one home for the Host check, the page's origin
 * and the Origin check, whatever carried the request (decision 35).
 */

const badHost = () => new EndpointError(400, 'invalid_request', 'The Host header is not a valid host[:port]');

/**
 * The origin a request was addressed to, from its scheme and Host (RFC 9110 §7.2: `uri-host [":" port]`).
 * A Host with userinfo (`app.example@evil.example`), a path, spaces, or nothing at all is a 400: read
 * as a URL it would name another origin, or none.
 */
export function hostOrigin(protocol: string, host: string | undefined): string {
  if (!host || !/^(?:\[[\da-f:.]+\]|[\w\-.~!$&'()*+,;=%]+)(?::\d{1,5})?$/i.test(host)) throw badHost();
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    throw badHost();
  }
}

/**
 * A Node `IncomingMessage` by shape (Express's `req`, Fastify's `request.raw`), so this entry imports no
 * `node:*` module.
 */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket says `encrypted: true`. */
  socket?: object | null;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The origin a Node request was addressed to: its Host (checked: a 400 when it cannot make one), with
 * the scheme a TLS-terminating proxy reports. Behind such a proxy the socket is plain http and the
 * page's origin https; a cross-site page cannot set X-Forwarded-Proto without a CORS preflight, which
 * this endpoint never grants.
 */
export function nodeOrigin(request: NodeRequestLike): string {
  const forwarded = String(first(request.headers['x-forwarded-proto']) ?? '')
    .split(',')[0]!
    .trim();
  const encrypted = (request.socket as { encrypted?: boolean } | null | undefined)?.encrypted;
  const protocol = forwarded == 'https' || forwarded == 'http' ? forwarded : encrypted ? 'https' : 'http';
  return hostOrigin(protocol, first(request.headers.host));
}

/** An `Origin` header that names a page: not absent, not `null` (an opaque origin). */
export const namedOrigin = (origin: string | null | undefined) => (origin && origin != 'null' ? origin : undefined);

/**
 * The page's origin: its `Origin` (a login and a logout always send one), else the origin the request
 * was addressed to — undefined when its Host cannot make one (then the secure cookie).
 */
export function pageOrigin(incoming: Incoming): string | undefined {
  const origin = namedOrigin(incoming.header('origin'));
  if (origin) return origin;
  try {
    return incoming.ownOrigin();
  } catch {
    return undefined;
  }
}

/**
 * The Origin check of every POST (contract §4): a request without Origin does not come from a browser
 * page (every browser POST has one); one with an Origin the handler does not allow is a 403.
 */
export function checkOrigin(incoming: Incoming, allowed: (origin: string, incoming: Incoming) => boolean, refused?: (origin: string) => string): void {
  const origin = incoming.header('origin');
  if (origin !== null && !allowed(origin, incoming)) throw new EndpointError(403, 'forbidden_origin', 'This origin may not use the endpoint', {}, refused?.(origin));
}
