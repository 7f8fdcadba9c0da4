/**
 * The session cookie: its name and flags (contract §6), built and read without a library — one name, one
 * value, fixed attributes. `Secure` and the `__Host-` prefix for every page but a loopback `http:` one.
 */

import { isLoopbackHost } from '../../contract/urls.js';

/** Browsers keep at most 4,096 bytes of `name=value`. */
export const MAX_COOKIE_BYTES = 4096;

/**
 * Plain http is allowed only on loopback (development); anything else gets the secure cookie.
 * `origin` is a serialised origin (`URL.origin`: lower case, no path), read without parsing it again.
 */
export function isSecureOrigin(origin: string | undefined): boolean {
  if (!origin?.startsWith('http://')) return true;
  return !isLoopbackHost(origin.slice(7).replace(/:\d+$/, ''));
}

export interface CookieJar {
  name: string;
  secure: boolean;
}

/** Whether a loopback `http:` page origin is one this site is served from (an allowed origin). */
export type PlainAllowed = (origin: string) => boolean;

/**
 * The cookie's name for a request from the page at `origin` (its `Origin`, else the origin it was
 * addressed to): `__Host-{base}` unless the page is a loopback `http:` origin the site allows. A proxy
 * that rewrites Host to `127.0.0.1:3000` (nginx's default) therefore downgrades nothing: an `https:`
 * page's login is secure whatever the Host, and a read addressed to an origin the site does not
 * serve reads only the secure name (a plain cookie planted by a sibling subdomain is never read).
 */
export function cookieFor(base: string, origin: string | undefined, plainAllowed: PlainAllowed = () => true): CookieJar {
  const secure = isSecureOrigin(origin) || !plainAllowed(origin!);
  return { name: secure ? `__Host-${base}` : base, secure };
}

const flags = (secure: boolean) => `; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

export const setCookie = (jar: CookieJar, value: string, maxAgeSeconds: number) =>
  `${jar.name}=${value}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${flags(jar.secure)}`;

export const clearCookie = (jar: CookieJar) => `${jar.name}=; Max-Age=0${flags(jar.secure)}`;

/**
 * Cookie names and values are trimmed of spaces and tabs only (RFC 6265 §5.2's whitespace):
 * `String#trim` would also strip U+00A0 and read a cookie named `\xA0__Host-login-session` as this one.
 */
const trimmed = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '');

/**
 * At most this many cookies of the session's name are tried: a browser holds a few at most (one per
 * path and domain); a header with more must not buy as many decryptions or store calls.
 */
export const MAX_SAME_NAME = 4;

/** The values of cookie `name` in a Cookie header, in the order sent (at most `MAX_SAME_NAME`). */
export function readCookies(header: string | null | undefined, name: string): string[] {
  const values: string[] = [];
  if (!header) return values;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || trimmed(part.slice(0, eq)) !== name) continue;
    const value = trimmed(part.slice(eq + 1));
    values.push(value.length > 1 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
    if (values.length == MAX_SAME_NAME) break;
  }
  return values;
}

/** The value of cookie `name` in a Cookie header (the first one when a browser sends several). */
export const readCookie = (header: string | null | undefined, name: string): string | undefined => readCookies(header, name)[0];
