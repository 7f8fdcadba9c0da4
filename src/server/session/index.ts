import type { Incoming, Outcome } from '../incoming.js';
import type { ProviderClient } from '../provider-client.js';
import type { LoginTokens, LoginUser } from '../types.js';
import { createTokenAccess } from './access-token.js';
import { isSecureOrigin } from './cookie.js';
import { sessionSettings, type SessionOptions } from './options.js';
import type { SessionUser } from './record.js';
import { appendSetCookie, sourceFromRequest, type SessionRequest, type SessionResponse } from './request.js';
import { logoutRoute, SESSION_ROUTES, sessionRoute, sourceOf, type RouteContext } from './routes.js';
import { createSessions } from './sessions.js';

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

interface LayerContext extends Omit<RouteContext, 'sessions'> {
  providers: readonly string[];
  /** `allowedOrigins` (undefined under `trustHost`). */
  allowedOrigins: ReadonlySet<string> | undefined;
}

/** The session layer of one handler: its two routes, the cookie on a login, and `getSession`. */
export function createSessionLayer(options: SessionOptions, context: LayerContext) {
  // With an allowlist, plain http on loopback is development only when a loopback http page is allowed.
  const loopbackAllowed = !context.allowedOrigins || [...context.allowedOrigins].some((origin) => !isSecureOrigin(origin));
  const sessions = createSessions(sessionSettings(options, context.providers), context.timeoutMs, loopbackAllowed);
  const routes: RouteContext = { ...context, sessions };
  const accessToken = createTokenAccess(sessions, context.clients, context.timeoutMs);

  return {
    /** The answer for `{basePath}/session` or `/logout`, or undefined for any other name. */
    route(name: string | undefined, incoming: Incoming): Promise<Outcome> | undefined {
      if (name === undefined || !SESSION_ROUTES.has(name)) return;
      return name == 'session' ? sessionRoute(routes, incoming) : logoutRoute(routes, incoming);
    },

    /**
     * After a successful exchange: a fresh session, its cookie on the answer and `expiresAt` in it —
     * unless the site refuses the login (onLogin answering a Response that is not 2xx or 3xx, or
     * throwing): then the session is discarded and the answer carries no cookie.
     */
    async login(incoming: Incoming, client: ProviderClient, user: LoginUser | null, tokens: LoginTokens) {
      const { setCookie, data, key } = await sessions.create(sourceOf(incoming), client.name, user, tokens);
      const expiresAt = sessions.expiry(data);
      // Best effort: the record is unreachable without its cookie, and expires with its TTL anyway.
      const discard = () => (key ? sessions.remove(key).catch(() => {}) : Promise.resolve());
      return {
        expiresAt,
        discard,
        /** The outcome with the cookie on it; `body` is merged into a JSON answer that is an object. */
        async attach(outcome: Outcome): Promise<Outcome> {
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
        },
        body: (result: unknown) =>
          typeof result == 'object' && result !== null && !Array.isArray(result) && !('expiresAt' in result) ? { ...result, expiresAt } : result,
      };
    },

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
