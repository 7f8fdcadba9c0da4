import { positiveInteger } from '../shared/settings.js';
import type { SessionStore } from './store.js';

/** `createLoginHandler({ session })` (contract §6). */
export interface SessionOptions {
  /** At least 32 characters; or `[newest, …older]` to rotate: the first seals, all open. */
  secret: string | readonly string[];
  /** Seconds from the login until the session ends, whatever happens. Default 7 days; at most 400 days. */
  maxAge?: number;
  /** Seconds without a read of the session before it ends. Default: none. */
  idleTimeout?: number;
  /** Server-side sessions (the cookie holds only a random id). Default: none, a sealed cookie. */
  store?: SessionStore;
  /** Keep the provider's tokens in the session, for `accessToken()` and revocation. Needs a `store`. */
  keepTokens?: boolean;
  /** The cookie's name; `__Host-` is put in front of it for every page but a loopback `http:` one. Default `login-session`. */
  cookieName?: string;
}

export interface SessionSettings {
  secrets: string[];
  maxAgeMs: number;
  idleMs: number | undefined;
  store: SessionStore | undefined;
  keepTokens: boolean;
  cookieName: string;
}

export const DEFAULT_MAX_AGE = 7 * 24 * 3600;
/** Browsers cap a cookie's lifetime at 400 days. */
export const MAX_MAX_AGE = 400 * 24 * 3600;
/** Reads closer together than this do not move the idle window (no Set-Cookie or store write). */
export const SLIDE_AFTER_MS = 60_000;
export const MIN_SECRET_LENGTH = 32;

/** Start-up checks: a wrong setting is a TypeError naming the option. */
export function sessionSettings(options: SessionOptions, providers: readonly string[]): SessionSettings {
  const secrets = typeof options.secret == 'string' ? [options.secret] : options.secret;
  if (!Array.isArray(secrets) || !secrets.length || secrets.some((secret) => typeof secret != 'string' || secret.length < MIN_SECRET_LENGTH))
    throw new TypeError(`login-elements: session.secret must be a string of at least ${MIN_SECRET_LENGTH} characters (or a non-empty array of them, newest first)`);
  const maxAge = positiveInteger('session.maxAge', options.maxAge, DEFAULT_MAX_AGE, MAX_MAX_AGE);
  const idle = options.idleTimeout === undefined ? undefined : positiveInteger('session.idleTimeout', options.idleTimeout, 0, MAX_MAX_AGE);
  if (options.keepTokens && !options.store) throw new TypeError('login-elements: session.keepTokens needs session.store (tokens are never put in a cookie)');
  for (const reserved of ['session', 'logout'])
    if (providers.includes(reserved)) throw new TypeError(`login-elements: "${reserved}" is a reserved provider key when session is configured ({basePath}/${reserved} is its route)`);
  const cookieName = options.cookieName ?? 'login-session';
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(cookieName)) throw new TypeError('login-elements: session.cookieName must be a cookie name token');
  return { secrets: [...secrets], maxAgeMs: maxAge * 1000, idleMs: idle && idle * 1000, store: options.store, keepTokens: options.keepTokens === true, cookieName };
}
