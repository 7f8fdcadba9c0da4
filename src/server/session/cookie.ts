/**
 * The session cookie: its name and flags (contract §6), built and read without a library — one name, one
 * value, fixed attributes. `Secure` and the `__Host-` prefix everywhere but plain http on loopback.
 */

/** Browsers keep at most 4,096 bytes of `name=value`. */
export const MAX_COOKIE_BYTES = 4096;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Plain http is allowed only on loopback (development); anything else gets the secure cookie.
 * `origin` is a serialised origin (`URL.origin`: lower case, no path), read without parsing it again.
 */
export function isSecureOrigin(origin: string | undefined): boolean {
  if (!origin?.startsWith('http://')) return true;
  return !LOOPBACK.has(origin.slice(7).replace(/:\d+$/, ''));
}

export interface CookieJar {
  name: string;
  secure: boolean;
}

/**
 * The cookie's name for a request to `origin`: `__Host-{base}` unless plain http on loopback — and that
 * only when the site is developed there (`loopbackAllowed`): a proxy that rewrites Host to
 * `127.0.0.1:3000` (nginx's default) must not turn a production site's cookie into a plain one.
 */
export function cookieFor(base: string, origin: string | undefined, loopbackAllowed = true): CookieJar {
  const secure = !loopbackAllowed || isSecureOrigin(origin);
  return { name: secure ? `__Host-${base}` : base, secure };
}

const flags = (secure: boolean) => `; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

export const setCookie = (jar: CookieJar, value: string, maxAgeSeconds: number) =>
  `${jar.name}=${value}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${flags(jar.secure)}`;

export const clearCookie = (jar: CookieJar) => `${jar.name}=; Max-Age=0${flags(jar.secure)}`;

/** The value of cookie `name` in a Cookie header (the first one when a browser sends several). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value.length > 1 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
}
