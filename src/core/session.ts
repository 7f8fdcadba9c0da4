import { safeUrl } from './config-check.js';
import { callEndpoint } from './exchange.js';
import { MAX_DELAY_MS } from './settings.js';

// The browser side of SPEC §6, framework-free: read the session, end it, and keep one page's view of it
// current (other tabs, visibility, expiry, a login on this page). No Lit, no DOM at import.

/** The signed-in user as the session keeps it: the normalized user without `raw`. */
export interface SessionUser {
  id: string;
  name?: string;
  email?: string;
  picture?: string;
  [field: string]: unknown;
}

/** `GET {endpoint}/session` when signed in. */
export interface Session {
  provider: string;
  user: SessionUser | null;
  /** Epoch ms. */
  expiresAt: number;
}

export interface LogoutOptions {
  /** End every session of this user (the server needs a store). */
  everywhere?: boolean;
  /** Where the provider sends the browser back after its own sign-out (an allowed origin's URL). */
  returnTo?: string;
}

/**
 * `POST {endpoint}/logout`'s answer: when the provider has an RP-Initiated Logout, the handler's own
 * short-lived, single-use URL that sends the browser on to it (no token in it that script could read).
 */
export interface LogoutResult {
  endSessionUrl?: string;
}

const route = (endpoint: string, name: string) => endpoint.replace(/\/*$/, '/') + name;

/** Reads the session: `null` when signed out; rejects with an ExchangeFailure when the endpoint cannot say (a 503, a network error, no JSON). */
export function readSession(endpoint: string): Promise<Session | null> {
  return callEndpoint(route(endpoint, 'session'), { cache: 'no-store' }) as Promise<Session | null>;
}

/** Ends the session at the endpoint; rejects with an ExchangeFailure (403, 503, …) when it did not end. */
export function endSession(endpoint: string, options: LogoutOptions = {}): Promise<LogoutResult> {
  return callEndpoint(route(endpoint, 'logout'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  }) as Promise<LogoutResult>;
}

export interface SessionWatch {
  /** Re-reads now; rejects as readSession does (the view is then kept, and read again later). */
  refresh(): Promise<Session | null>;
  /** Ends the session, shows it ended and tells the other tabs; rejects (changing nothing) when the endpoint did not end it. */
  logout(options?: LogoutOptions): Promise<LogoutResult>;
  /** Starts following other tabs, visibility and logins on this page, and reads; returns the stop. */
  listen(): () => void;
}

/**
 * One page's live view of the session at `endpoint`: `onSession` gets every answer the endpoint gives
 * (the caller drops repeats). It re-reads when another tab of the origin signs in or out (a
 * BroadcastChannel that carries no user data), when the page becomes visible, when the session's
 * `expiresAt` passes, and after a `login-success` from an element whose exchange endpoint lies under
 * `endpoint`. An endpoint that cannot answer (503, offline) changes nothing: the last answer stands and
 * it is asked again, backing off from 1 s to 1 min.
 */
export function watchSession(endpoint: string, onSession: (session: Session | null) => void): SessionWatch {
  // Only the newest read or logout may speak: an older answer arriving late is dropped.
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 500;
  let channel: BroadcastChannel | undefined;
  let listening = false;

  const read = () => void watch.refresh().catch(() => {});
  // Timers run only while listening: a read through a stopped watch leaves nothing behind.
  const later = (ms: number) => {
    clearTimeout(timer);
    if (listening) timer = setTimeout(read, Math.min(ms, MAX_DELAY_MS));
  };
  const again = () => later((backoff = Math.min(backoff * 2, 60_000)));
  const show = (session: Session | null) => {
    clearTimeout(timer);
    const left = session ? session.expiresAt - Date.now() : 0;
    // An expiry the server does not agree with yet (clocks apart) is asked about with back-off, not in a loop.
    if (left > 0) {
      backoff = 500;
      later(left + 250);
    } else if (session) again();
    onSession(session);
  };
  const tell = () => channel?.postMessage(0);

  const watch: SessionWatch = {
    async refresh() {
      const mine = ++latest;
      try {
        const session = await readSession(endpoint);
        if (mine == latest) show(session);
        return session;
      } catch (failure) {
        if (mine == latest) again();
        throw failure;
      }
    },
    async logout(options) {
      const result = await endSession(endpoint, options);
      latest++;
      show(null);
      tell();
      return result;
    },
    listen() {
      const stop = new AbortController();
      const on = { signal: stop.signal };
      listening = true;
      // The endpoint resolved against the document: it names the channel, and holds the login endpoints it follows.
      const base = safeUrl(route(endpoint, ''))?.href;
      channel = new BroadcastChannel('login-elements:session ' + base);
      channel.addEventListener('message', read, on);
      document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && read(), on);
      document.addEventListener(
        'login-success',
        (event) => {
          // An element in the endpoint form (SPEC §7) exchanges under its `endpoint`.
          const from = event.composedPath()[0] as { exchangeEndpoint?: string; endpoint?: string };
          const url = from.exchangeEndpoint || from.endpoint?.replace(/\/*$/, '/');
          if (base && url && safeUrl(url)?.href.startsWith(base)) void watch.refresh().then(tell, () => {});
        },
        on,
      );
      read();
      return () => {
        listening = false;
        latest++;
        clearTimeout(timer);
        stop.abort();
        channel?.close();
        channel = undefined;
      };
    },
  };
  return watch;
}
