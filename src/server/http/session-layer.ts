import type { Incoming, Outcome } from './incoming.js';
import type { ProviderClient } from '../upstream/client.js';
import type { LoginTokens, LoginUser } from '../shared/login.js';
import { createTokenAccess } from '../session/access-token.js';
import { sessionSettings, type SessionOptions } from '../session/options.js';
import { createProviderLogout, PROVIDER_LOGOUT } from './provider-logout.js';
import type { SessionUser } from '../session/record.js';
import { appendSetCookie, sourceFromRequest, type SessionRequest, type SessionResponse } from './session-request.js';
import { logoutRoute, SESSION_ROUTES, sessionRoute, sourceOf, type RouteContext } from './session-routes.js';
import { createSessions, type Sessions } from '../session/sessions.js';

/** A signed-in session, as `handler.getSession(request)` resolves it (contract §6). */
export interface Session {
  provider: string;
  /** The normalised user without `raw`; null for a provider that names none (BellaDati without userinfo). */
  user: SessionUser | null;
  /** The login, epoch ms. */
  createdAt: number;
  /** When the session ends unless read again (idle) and at the latest (`maxAge`), epoch ms. */
  expiresAt: number;
  /** With `keepTokens`: a valid access token, refreshed at the provider when it has expired. */
  accessToken?: () => Promise<string>;
}

interface LayerContext extends Omit<RouteContext, 'sessions' | 'providerLogout'> {
  providers: readonly string[];
  /** `providers[key].postLogoutRedirectUri`, where one is configured. */
  postLogoutRedirectUris: ReadonlyMap<string, string>;
  /** `allowedOrigins` (undefined under `trustHost`). */
  allowedOrigins: ReadonlySet<string> | undefined;
}

/** A provider's `postLogoutRedirectUri` must be a URL on an allowed origin (checked per request under trustHost). */
function checkPostLogoutRedirectUris(uris: ReadonlyMap<string, string>, allowedOrigins: ReadonlySet<string> | undefined): void {
  for (const [key, uri] of uris) {
    let origin: string | undefined;
    try {
      origin = new URL(uri).origin;
    } catch {
      /* named below */
    }
    if (!origin || !/^https?:/.test(origin) || (allowedOrigins && !allowedOrigins.has(origin)))
      throw new TypeError(`login-elements: providers.${key}.postLogoutRedirectUri must be an absolute http(s) URL on an allowed origin: ${uri}`);
  }
}

/** The session layer of one handler: its two routes, the cookie on a login, and `getSession`. */
export function createSessionLayer(options: SessionOptions, context: LayerContext) {
  // The plain cookie only for a loopback http page the site is served from: one in allowedOrigins (under
  // trustHost the request's own origin is the page's, so it is).
  const { allowedOrigins } = context;
  const plainAllowed = (origin: string) => !allowedOrigins || allowedOrigins.has(origin);
  const settings = sessionSettings(options, context.providers);
  checkPostLogoutRedirectUris(context.postLogoutRedirectUris, allowedOrigins);
  const sessions = createSessions(settings, context.timeoutMs, plainAllowed);
  const providerLogout = createProviderLogout({ ...context, secrets: settings.secrets, ...(settings.store ? { call: sessions.call } : {}) });
  const routes: RouteContext = { ...context, sessions, providerLogout };
  const accessToken = createTokenAccess(sessions, context.clients, context.timeoutMs);

  return {
    /** The answer for `{basePath}/session`, `/logout` or `/logout/provider/…`, or undefined for any other name. */
    route(name: string | undefined, incoming: Incoming): Promise<Outcome> | undefined {
      if (name?.startsWith(PROVIDER_LOGOUT)) return providerLogout.route(incoming, name.slice(PROVIDER_LOGOUT.length));
      if (name === undefined || !SESSION_ROUTES.has(name)) return;
      return name == 'session' ? sessionRoute(routes, incoming) : logoutRoute(routes, incoming);
    },

    /**
     * After a successful exchange: a fresh session, its cookie on the answer and `expiresAt` in it —
     * unless the site refuses the login (onLogin answering a Response that is not 2xx or 3xx, or
     * throwing): then the session is discarded and the answer carries no cookie.
     */
    login: (incoming: Incoming, client: ProviderClient, user: LoginUser | null, tokens: LoginTokens) => signIn(sessions, incoming, client, user, tokens),

    async getSession(request: SessionRequest, response?: SessionResponse): Promise<Session | null> {
      const { session, setCookie } = await sessions.read(sourceFromRequest(request));
      appendSetCookie(response, session?.setCookie ?? setCookie);
      if (!session) return null;
      const { data, key } = session;
      const result: Session = { provider: data.p, user: data.u, createdAt: data.c, expiresAt: sessions.expiry(data) };
      if (key && options.keepTokens) result.accessToken = accessToken(key, data);
      return result;
    },
  };
}

export type SessionLayer = ReturnType<typeof createSessionLayer>;

/** A new session for a login: how to put its cookie on the answer, or to discard it. */
async function signIn(sessions: Sessions, incoming: Incoming, client: ProviderClient, user: LoginUser | null, tokens: LoginTokens) {
  const { setCookie, data, key } = await sessions.create(sourceOf(incoming), client.name, user, tokens);
  const expiresAt = sessions.expiry(data);
  // Best effort: the record is unreachable without its cookie, and expires with its TTL anyway.
  const discard = () => (key ? sessions.remove(key).catch(() => {}) : Promise.resolve());
  return {
    expiresAt,
    discard,
    /** The outcome with the cookie on it; `body` is merged into a JSON answer that is an object. */
    attach: (outcome: Outcome) => withCookie(outcome, setCookie, discard),
    body: (result: unknown) =>
      typeof result == 'object' && result !== null && !Array.isArray(result) && !('expiresAt' in result) ? { ...result, expiresAt } : result,
  };
}

/** The answer with the session's cookie; a refusing Response (not 2xx or 3xx) discards the session instead. */
async function withCookie(outcome: Outcome, setCookie: string, discard: () => Promise<unknown>): Promise<Outcome> {
  if (outcome instanceof Response) {
    if (outcome.status < 200 || outcome.status >= 400) {
      await discard();
      return outcome;
    }
    // A Response from onLogin may have immutable headers (Response.redirect, a fetched one).
    const response = new Response(outcome.body, outcome);
    response.headers.append('set-cookie', setCookie);
    return response;
  }
  return { ...outcome, headers: { ...outcome.headers, 'set-cookie': setCookie } };
}
