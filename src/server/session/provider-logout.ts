import { EndpointError } from '../errors.js';
import type { Incoming, Outcome } from '../incoming.js';
import type { ProviderClient } from '../provider-client.js';
import { isSecureOrigin } from './cookie.js';
import { randomId } from './hash.js';
import type { EndedSession } from './record.js';
import { createSealer } from './seal.js';
import type { SessionStore } from './store.js';

/**
 * The provider's sign-out (OpenID Connect RP-Initiated Logout) without an ID token in page script
 * (contract §6 "Session hardening"): the logout answers the handler's own URL,
 * `{basePath}/logout/provider/{ticket}`, and that URL answers `303` to the provider's
 * `end_session_endpoint` with `id_token_hint`. The ticket is sealed for this purpose only (it holds the
 * ID token), lives `TICKET_MS`, and is good once: with a store the store remembers it, without one
 * this process does (decision 23).
 */
export const TICKET_MS = 120_000;
/** Used tickets remembered without a store, at most (the oldest give way). */
const MAX_USED = 10_000;
export const PROVIDER_LOGOUT = 'logout/provider/';

interface Ticket {
  /** provider key */
  p: string;
  /** the ID token, for `id_token_hint` */
  i?: string;
  /** `post_logout_redirect_uri` */
  r?: string;
  /** expiry, epoch ms */
  x: number;
  /** what makes it single-use */
  n: string;
}

export interface ProviderLogoutContext {
  secrets: readonly string[];
  clients: ReadonlyMap<string, ProviderClient>;
  /** `providers[key].postLogoutRedirectUri`, where one is configured. */
  postLogoutRedirectUris: ReadonlyMap<string, string>;
  originAllowed(origin: string, incoming: Incoming): boolean;
  /** A store call within `timeoutMs` (503 when it fails); absent without a store. */
  call?: <T>(operation: (store: SessionStore) => Promise<T>) => Promise<T>;
}

const isTicket = (value: unknown): value is Ticket =>
  typeof value == 'object' && value !== null && typeof (value as Ticket).p == 'string' && typeof (value as Ticket).x == 'number' && typeof (value as Ticket).n == 'string';

/**
 * An end-session endpoint the browser may be sent to: https, or http on loopback (development). Any
 * other scheme (`javascript:`, `data:`) or a value that is no URL is not passed on.
 */
function navigable(endpoint: unknown): URL | undefined {
  if (typeof endpoint != 'string') return;
  try {
    const url = new URL(endpoint);
    return url.protocol == 'https:' || (url.protocol == 'http:' && !isSecureOrigin(url.origin)) ? url : undefined;
  } catch {
    return undefined;
  }
}

const endpointOf = (client: ProviderClient) =>
  client
    .metadata()
    .then((server) => navigable(server.end_session_endpoint))
    .catch(() => undefined);

export function createProviderLogout(context: ProviderLogoutContext) {
  const sealer = createSealer(context.secrets, 'logout');
  const used = new Map<string, number>();

  function allowedReturn(incoming: Incoming, uri: string | undefined): boolean {
    if (!uri) return false;
    try {
      const url = new URL(uri);
      return (url.protocol == 'https:' || url.protocol == 'http:') && context.originAllowed(url.origin, incoming);
    } catch {
      return false;
    }
  }

  /** Marks a ticket used: false when it was already. */
  async function firstUse(ticket: Ticket): Promise<boolean> {
    if (context.call) return context.call((s) => s.setIfAbsent(`x:${ticket.n}`, '1', Math.max(1, ticket.x - Date.now())));
    const now = Date.now();
    // Oldest first (tickets are used about in the order they were issued): stop at the first live one.
    for (const [nonce, expiry] of used) {
      if (expiry > now) break;
      used.delete(nonce);
    }
    if (used.has(ticket.n)) return false;
    if (used.size >= MAX_USED) used.delete(used.keys().next().value!);
    used.set(ticket.n, ticket.x);
    return true;
  }

  return {
    /**
     * The URL a page navigates to for the provider's sign-out, when the provider publishes
     * `end_session_endpoint`: `post_logout_redirect_uri` is `returnTo` when it is on an allowed origin,
     * else the provider's configured `postLogoutRedirectUri`, else the site's root (`{page origin}/`,
     * contract §7: one fixed URL to register, whatever page the person signed out from).
     */
    async url(incoming: Incoming, { data, tokens }: EndedSession, returnTo: string | undefined): Promise<string | undefined> {
      const client = context.clients.get(data.p);
      if (!client || !(await endpointOf(client))) return;
      // The page's own origin (the logout's Origin was checked), so the URL is where the page is.
      let origin = incoming.header('origin') ?? '';
      if (!origin || origin == 'null') {
        try {
          origin = incoming.ownOrigin();
        } catch {
          origin = '';
        }
      }
      const fallback = context.postLogoutRedirectUris.get(data.p);
      const root = origin && `${origin}/`;
      const back = [returnTo, fallback, root].find((uri) => allowedReturn(incoming, uri));
      const ticket: Ticket = { p: data.p, x: Date.now() + TICKET_MS, n: randomId(), ...(tokens?.id_token ? { i: tokens.id_token } : {}), ...(back ? { r: back } : {}) };
      return `${origin}${incoming.pathname.replace(/\/logout$/, '/')}${PROVIDER_LOGOUT}${await sealer.seal(ticket)}`;
    },

    /** `GET {basePath}/logout/provider/{ticket}`: `303` to the provider's sign-out, once, while fresh. */
    async route(incoming: Incoming, value: string): Promise<Outcome> {
      if (incoming.method !== 'GET') throw new EndpointError(405, 'method_not_allowed', 'Use GET', { allow: 'GET' });
      const ticket = await sealer.open(value);
      const stale = () => new EndpointError(400, 'invalid_request', 'This sign-out link has expired or was used already; sign out again');
      if (!isTicket(ticket) || Date.now() >= ticket.x) throw stale();
      const client = context.clients.get(ticket.p);
      const url = client && (await endpointOf(client));
      if (!client || !url) throw new EndpointError(502, 'invalid_provider_response', 'The provider publishes no usable end_session_endpoint');
      if (!(await firstUse(ticket))) throw stale();
      url.searchParams.set('client_id', client.clientId);
      if (ticket.i) url.searchParams.set('id_token_hint', ticket.i);
      if (ticket.r) url.searchParams.set('post_logout_redirect_uri', ticket.r);
      return { status: 303, json: '', headers: { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
    },
  };
}

export type ProviderLogout = ReturnType<typeof createProviderLogout>;
