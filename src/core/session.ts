import { safeUrl } from './config-check.js';
import { callEndpoint, type ExchangeFailure } from './exchange.js';
import { LoginError } from './login-error.js';
import { MAX_DELAY_MS } from './settings.js';
import { SESSION_CHANNEL_PREFIX } from '../contract/messages.js';
import type { LogoutRequest as LogoutOptions, LogoutResponse as LogoutResult, SessionView } from '../contract/wire.js';

// The browser side of contract §6, framework-free: read the session, end it, and keep one page's view of it
// current (other tabs, visibility, expiry, a login on this page). No Lit, no DOM at import.

export type { SessionUser, SessionView, LogoutRequest as LogoutOptions, LogoutResponse as LogoutResult } from '../contract/wire.js';

const route = (endpoint: string, name: string) => endpoint.replace(/\/*$/, '/') + name;

/**
 * `{endpoint}/{name}`'s JSON; rejects with a LoginError `exchange_failed` (the endpoint's status, its
 * code as `cause`). The error is made here, not in callEndpoint: that one is also in the on-demand
 * chunk, and an app's bundler would give a class both chunks share a chunk of its own.
 */
const call = (endpoint: string, name: string, init?: RequestInit) =>
  callEndpoint(route(endpoint, name), init).catch((failure: ExchangeFailure) => {
    throw new LoginError({ error: 'exchange_failed', ...failure });
  });

/** Reads the session: `null` when signed out; rejects with a LoginError when the endpoint cannot say (a 503, a network error, no JSON). */
export function readSession(endpoint: string): Promise<SessionView | null> {
  return call(endpoint, 'session', { cache: 'no-store' }) as Promise<SessionView | null>;
}

/** Ends the session at the endpoint; rejects with a LoginError (403, 503, …) when it did not end. */
export function endSession(endpoint: string, options: LogoutOptions = {}): Promise<LogoutResult> {
  return call(endpoint, 'logout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  }) as Promise<LogoutResult>;
}

export interface SessionWatch {
  /** Re-reads now; rejects as readSession does (the view is then kept, and read again later). */
  refresh(): Promise<SessionView | null>;
  /** Ends the session, shows it ended and tells the other tabs; rejects (changing nothing) when the endpoint did not end it. */
  logout(options?: LogoutOptions): Promise<LogoutResult>;
  /** Starts following other tabs, visibility and logins on this page, and reads; returns the stop. */
  listen(): () => void;
}

/**
 * What makes a watch read the session again: another tab's word on `channel`, the page shown again, and a
 * login on this page through this endpoint (`base`, resolved), which the other tabs are then told of.
 */
function follow(channel: BroadcastChannel, base: string | undefined, read: () => void, loggedIn: () => void, on: { signal: AbortSignal }): void {
  channel.addEventListener('message', read, on);
  document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && read(), on);
  document.addEventListener(
    'login-success',
    (event) => {
      // An element in the `endpoint` form exchanges under its endpoint (contract §7), with no exchange-endpoint of its own.
      const from = event.composedPath()[0] as { exchangeEndpoint?: string; endpoint?: string };
      const exchange = from.exchangeEndpoint || (from.endpoint && route(from.endpoint, ''));
      if (base && exchange && safeUrl(exchange)?.href.startsWith(base)) loggedIn();
    },
    on,
  );
}

/**
 * One page's live view of the session at `endpoint`: `onSession` gets every answer the endpoint gives
 * (the caller drops repeats). It re-reads when another tab of the origin signs in or out (a
 * BroadcastChannel that carries no user data), when the page becomes visible, when the session's
 * `expiresAt` passes, and after a `login-success` from an element whose exchange endpoint lies under
 * `endpoint`. An endpoint that cannot answer (503, offline) changes nothing: the last answer stands and
 * it is asked again, backing off from 1 s to 1 min.
 */
export function watchSession(endpoint: string, onSession: (session: SessionView | null) => void): SessionWatch {
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
  const show = (session: SessionView | null) => {
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
      listening = true;
      // The endpoint resolved against the document: it names the channel, and holds the login endpoints it follows.
      const base = safeUrl(route(endpoint, ''))?.href;
      channel = new BroadcastChannel(SESSION_CHANNEL_PREFIX + base);
      // The controller serves as the listeners' options: `signal` is the one field of them it has.
      follow(channel, base, read, () => void watch.refresh().then(tell, () => {}), stop);
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
