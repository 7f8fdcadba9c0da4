import { isNavigable } from '../../contract/urls.js';
import { createLogoutTickets, type TicketFields } from '../session/logout-ticket.js';
import type { EndedSession } from '../session/record.js';
import type { SessionStore } from '../session/store.js';
import { EndpointError } from '../shared/errors.js';
import type { ProviderClient } from '../upstream/client.js';
import type { Incoming, Outcome } from './incoming.js';
import { pageOrigin } from './origin.js';

/**
 * The provider's sign-out on the wire (contract §6 "Session hardening"): the logout answers the
 * handler's own URL, `{basePath}/logout/provider/{ticket}`, and that URL answers `303` to the
 * provider's `end_session_endpoint` with `id_token_hint`. The ticket (sealed, short-lived, good once)
 * is `session/logout-ticket.ts`'s.
 */
export const PROVIDER_LOGOUT = 'logout/provider/';

export interface ProviderLogoutContext {
  secrets: readonly string[];
  clients: ReadonlyMap<string, ProviderClient>;
  /** `providers[key].postLogoutRedirectUri`, where one is configured. */
  postLogoutRedirectUris: ReadonlyMap<string, string>;
  originAllowed(origin: string, incoming: Incoming): boolean;
  /** A store call within `timeoutMs` (503 when it fails); absent without a store. */
  call?: <T>(operation: (store: SessionStore) => Promise<T>) => Promise<T>;
}

/** An end-session endpoint the browser may be sent to (contract §2's rule, as the page's `safeUrl`). */
function navigable(endpoint: unknown): URL | undefined {
  if (typeof endpoint != 'string') return;
  try {
    const url = new URL(endpoint);
    return isNavigable(url) ? url : undefined;
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
  const tickets = createLogoutTickets(context.secrets, context.call);

  function allowedReturn(incoming: Incoming, uri: string | undefined): boolean {
    if (!uri) return false;
    try {
      const url = new URL(uri);
      return (url.protocol == 'https:' || url.protocol == 'http:') && context.originAllowed(url.origin, incoming);
    } catch {
      return false;
    }
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
      const origin = pageOrigin(incoming) ?? '';
      const fallback = context.postLogoutRedirectUris.get(data.p);
      const root = origin && `${origin}/`;
      const back = [returnTo, fallback, root].find((uri) => allowedReturn(incoming, uri));
      const fields: TicketFields = { p: data.p, ...(tokens?.id_token ? { i: tokens.id_token } : {}), ...(back ? { r: back } : {}) };
      return `${origin}${incoming.pathname.replace(/\/logout$/, '/')}${PROVIDER_LOGOUT}${await tickets.issue(fields)}`;
    },

    /** `GET {basePath}/logout/provider/{ticket}`: `303` to the provider's sign-out, once, while fresh. */
    async route(incoming: Incoming, value: string): Promise<Outcome> {
      if (incoming.method !== 'GET') throw new EndpointError(405, 'method_not_allowed', 'Use GET', { allow: 'GET' });
      const ticket = await tickets.open(value);
      const stale = () => new EndpointError(400, 'invalid_request', 'This sign-out link has expired or was used already; sign out again');
      if (!ticket) throw stale();
      const client = context.clients.get(ticket.p);
      const url = client && (await endpointOf(client));
      if (!client || !url) throw new EndpointError(502, 'invalid_provider_response', 'The provider publishes no usable end_session_endpoint');
      if (!(await tickets.use(ticket))) throw stale();
      url.searchParams.set('client_id', client.clientId);
      if (ticket.i) url.searchParams.set('id_token_hint', ticket.i);
      if (ticket.r) url.searchParams.set('post_logout_redirect_uri', ticket.r);
      return { status: 303, json: '', headers: { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
    },
  };
}

export type ProviderLogout = ReturnType<typeof createProviderLogout>;
