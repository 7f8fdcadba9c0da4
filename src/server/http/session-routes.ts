import type { LogoutRequest } from '../../contract/wire.js';
import type { EndedSession } from '../session/record.js';
import type { Sessions, SessionSource } from '../session/sessions.js';
import { EndpointError, jsonOutcome } from '../shared/errors.js';
import type { ProviderClient } from '../upstream/client.js';
import type { Incoming, Outcome } from './incoming.js';
import { checkOrigin, pageOrigin } from './origin.js';
import type { ProviderLogout } from './provider-logout.js';
import { bodyText, jsonObject, requireJson } from './request-body.js';

/** What the two routes need of the handler. */
export interface RouteContext {
  sessions: Sessions;
  clients: ReadonlyMap<string, ProviderClient>;
  originAllowed(origin: string, incoming: Incoming): boolean;
  timeoutMs: number;
  bodyTimeoutMs: number;
  providerLogout: ProviderLogout;
}

export const SESSION_ROUTES = new Set(['session', 'logout']);

export const sourceOf = (incoming: Incoming): SessionSource => ({ cookie: incoming.header('cookie'), origin: pageOrigin(incoming) });

const cookieHeader = (setCookie: string | undefined) => (setCookie ? { 'set-cookie': setCookie } : undefined);

/** `GET {basePath}/session`: who is signed in, or null. Never CORS headers; never cached. */
export async function sessionRoute(context: RouteContext, incoming: Incoming): Promise<Outcome> {
  if (incoming.method !== 'GET') throw new EndpointError(405, 'method_not_allowed', 'Use GET', { allow: 'GET' });
  const { session, setCookie } = await context.sessions.read(sourceOf(incoming));
  if (!session) return jsonOutcome(null, 200, cookieHeader(setCookie));
  const { data } = session;
  return jsonOutcome({ provider: data.p, user: data.u, expiresAt: context.sessions.expiry(data) }, 200, cookieHeader(session.setCookie));
}

/** The optional JSON body of a logout: `{everywhere?, returnTo?}`. */
async function logoutBody(context: RouteContext, incoming: Incoming): Promise<LogoutRequest & { everywhere: boolean }> {
  const text = (await bodyText(incoming, context.bodyTimeoutMs)).trim();
  if (!text) return { everywhere: false };
  requireJson(incoming);
  const { everywhere, returnTo } = jsonObject(text);
  if (everywhere !== undefined && typeof everywhere !== 'boolean') throw new EndpointError(400, 'invalid_request', 'everywhere must be a boolean');
  if (returnTo !== undefined && typeof returnTo !== 'string') throw new EndpointError(400, 'invalid_request', 'returnTo must be a string');
  return { everywhere: everywhere === true, ...(returnTo ? { returnTo } : {}) };
}

/** Revokes what the ended sessions kept, best effort, all within `timeoutMs`. */
async function revokeKept(context: RouteContext, ended: EndedSession[]): Promise<void> {
  const calls: Promise<void>[] = [];
  for (const { data, tokens } of ended) {
    const client = context.clients.get(data.p);
    if (!tokens || !client?.revoke) continue;
    // The refresh token first: revoking it ends the grant at most providers (RFC 7009 §2.1).
    for (const token of [tokens.refresh_token, tokens.access_token]) if (token) calls.push(client.revoke(token));
  }
  if (!calls.length) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.allSettled(calls), new Promise((resolve) => (timer = setTimeout(resolve, context.timeoutMs)))]);
  clearTimeout(timer);
}

/**
 * `POST {basePath}/logout`: ends the session (or all of the user's), revokes kept tokens. With the
 * sealed cookie this clears the browser's cookie only: a copy taken before still opens until it
 * expires (there is no server state to revoke it in); a `store` ends every copy.
 */
export async function logoutRoute(context: RouteContext, incoming: Incoming): Promise<Outcome> {
  if (incoming.method !== 'POST') throw new EndpointError(405, 'method_not_allowed', 'Use POST', { allow: 'POST' });
  checkOrigin(incoming, context.originAllowed);
  const { everywhere, returnTo } = await logoutBody(context, incoming);
  if (everywhere && !context.sessions.store) throw new EndpointError(400, 'invalid_request', 'everywhere needs a session store on the server');
  const { ended, setCookie } = await context.sessions.end(sourceOf(incoming), everywhere);
  if (!ended.length) return jsonOutcome({}, 200, cookieHeader(setCookie));
  // The session has ended: whatever the provider's part does, the answer is the 200 that clears the cookie.
  const [url] = await Promise.all([context.providerLogout.url(incoming, ended[0]!, returnTo).catch(() => undefined), revokeKept(context, ended).catch(() => {})]);
  return jsonOutcome(url ? { endSessionUrl: url } : {}, 200, cookieHeader(setCookie));
}
