import { EndpointError } from './shared/errors.js';
import { fromRequest, toResponse, type Incoming, type Outcome } from './http/incoming.js';
import { createProviderClient, DEFAULT_MAX_UPSTREAM_BYTES, DEFAULT_TIMEOUT_MS, type ProviderClient } from './provider-client.js';
import { DEFAULT_BODY_TIMEOUT_MS } from './http/request-body.js';
import { requireSessionFetch, requireSessionNode, type GuardedRoute } from './http/guard.js';
import { createSessionLayer, type Session, type SessionLayer } from './http/session-layer.js';
import type { SessionRequest, SessionResponse } from './http/session-request.js';
import { callbackPage, callbackScript } from './http/callback-page.js';
import { createJwksRoute } from './http/jwks-route.js';
import { createProvidersRoute } from './http/providers-route.js';
import { loginRoute, type LoginRouteContext } from './login-route.js';
import { defaultLog, positiveInteger } from './shared/settings.js';
import { absoluteUrl, bareOrigin } from './shared/url-options.js';
import type { LoginHandlerOptions } from './types.js';

/** The exchange on any transport: what `toNodeListener` calls directly, without a Request or Response. */
export const exchangeCore = Symbol.for('login-elements.exchange');

/** The handler's `log` option, for an adapter that fails after the exchange (writing the answer). */
export const failureLog = Symbol.for('login-elements.log');

/** The Node guard of `login-elements/server/node`'s `requireSession(login)`. */
export const nodeGuard = Symbol.for('login-elements.node-guard');

/** The companion endpoint: a Fetch-API handler, plus the path prefix it serves (for adapters). */
export type LoginHandler = ((request: Request) => Promise<Response>) & {
  readonly basePath: string;
  readonly [exchangeCore]: (incoming: Incoming) => Promise<Outcome>;
  readonly [failureLog]: (line: string) => void;
  /**
   * The session a request carries (contract §6), from a Fetch `Request` or a Node `IncomingMessage`; null
   * when signed out. Pass the response (Fetch `Headers` or a Node response) to receive the re-sealed
   * cookie when the read slides the idle window. Rejects with `code` `session_store_unavailable` when
   * the store cannot be reached, and with a TypeError when no `session` is configured.
   */
  getSession(request: SessionRequest, response?: SessionResponse): Promise<Session | null>;
  /**
   * A Fetch handler that runs `route` only for a signed-in request, with its session (contract §7
   * "Guards"): signed out → `401 {"error": "signed_out"}`; the store unreachable → `503
   * {"error": "session_store_unavailable"}`; JSON both. A TypeError when no `session` is configured.
   */
  requireSession(route: GuardedRoute): (request: Request) => Promise<Response>;
  readonly [nodeGuard]: () => ReturnType<typeof requireSessionNode>;
};

/** `/auth/` → `/auth`; `auth` → `/auth`. */
const normalisePath = (path: string) => '/' + path.replace(/^\/+|\/+$/g, '');

type Route = (incoming: Incoming) => Promise<Outcome>;

/** The handler's options, checked and built once for every transport (contract §4). */
interface Settings extends Omit<LoginRouteContext, 'session'> {
  basePath: string;
  timeoutMs: number;
  log(line: string): void;
}

/** Reads and checks the options: a bad value is a TypeError naming it, when the handler is made. */
function settingsOf(options: LoginHandlerOptions): Settings {
  const basePath = normalisePath(options.basePath ?? '/auth');
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const bodyTimeoutMs = positiveInteger('bodyTimeoutMs', options.bodyTimeoutMs, DEFAULT_BODY_TIMEOUT_MS);
  const limits = { timeoutMs, maxUpstreamBytes: positiveInteger('maxUpstreamBytes', options.maxUpstreamBytes, DEFAULT_MAX_UPSTREAM_BYTES) };
  const clients = new Map<string, ProviderClient>(
    Object.entries(options.providers).map(([name, config]) => [name, createProviderClient(name, config, limits)]),
  );
  if (!options.allowedOrigins?.length && options.trustHost !== true)
    throw new TypeError(
      'createLoginHandler needs allowedOrigins (the page origins that may call it, e.g. ["https://app.example"]), or trustHost: true to take the request\'s own Host as its origin',
    );
  const redirectUris = options.redirectUris && new Set(options.redirectUris.map((uri, i) => absoluteUrl(`redirectUris[${i}]`, uri, false)));
  const allowedOrigins = options.allowedOrigins?.length ? new Set(options.allowedOrigins.map((origin, i) => bareOrigin(`allowedOrigins[${i}]`, origin))) : undefined;
  const originAllowed = (origin: string, incoming: Incoming) => (allowedOrigins ? allowedOrigins.has(origin) : origin === incoming.ownOrigin());
  const log = options.log ?? defaultLog() ?? (() => {});
  return { options, basePath, timeoutMs, bodyTimeoutMs, clients, redirectUris, allowedOrigins, originAllowed, log };
}

/** The handler's own GET routes, beside the session's; a provider may not take their names. */
function ownRoutes(settings: Settings, options: LoginHandlerOptions): Map<string, Route> {
  const { basePath, clients, allowedOrigins, originAllowed, log } = settings;
  const routes = new Map<string, Route>([
    ['providers', createProvidersRoute({ basePath, clients, configs: options.providers, redirectUris: options.redirectUris, allowedOrigins, originAllowed, log })],
    ['callback', callbackPage],
    ['callback.js', callbackScript],
    ['jwks.json', createJwksRoute(clients)],
  ]);
  for (const key of routes.keys())
    if (Object.hasOwn(options.providers, key)) throw new TypeError(`login-elements: a provider may not be named "${key}": ${basePath}/${key} is the handler's own route`);
  return routes;
}

/** The session layer, with `session` configured. */
function sessionLayerOf(settings: Settings, options: LoginHandlerOptions): SessionLayer | undefined {
  if (!options.session) return undefined;
  return createSessionLayer(options.session, {
    providers: Object.keys(options.providers),
    postLogoutRedirectUris: new Map(Object.entries(options.providers).flatMap(([key, config]) => (config.postLogoutRedirectUri ? [[key, config.postLogoutRedirectUri]] : []))),
    clients: settings.clients,
    originAllowed: settings.originAllowed,
    allowedOrigins: settings.allowedOrigins,
    timeoutMs: settings.timeoutMs,
    bodyTimeoutMs: settings.bodyTimeoutMs,
  });
}

/**
 * Every request on any transport: the handler's own routes, the session's, else the login; every failure
 * becomes the endpoint's JSON error, logged as one line of fixed codes.
 */
function createExchange(settings: Settings, routes: ReadonlyMap<string, Route>, session: SessionLayer | undefined): Route {
  const { basePath, log } = settings;
  const context: LoginRouteContext = { ...settings, session };
  const handle = async (incoming: Incoming): Promise<Outcome> => {
    const { pathname } = incoming;
    const name = pathname.startsWith(basePath + '/') ? pathname.slice(basePath.length + 1) : undefined;
    const own = name !== undefined ? routes.get(name) : undefined;
    if (own) return own(incoming);
    return session?.route(name, incoming) ?? loginRoute(context, name, incoming);
  };
  return async (incoming) => {
    try {
      return await handle(incoming);
    } catch (error) {
      const failure = error instanceof EndpointError ? error : new EndpointError(500, 'server_error', 'The login could not be completed');
      log(`login-elements: ${incoming.method} ${incoming.pathname} → ${failure.status} ${failure.error}: ${failure.detail ?? failure.description}`);
      return failure.toOutcome();
    }
  };
}

/**
 * Creates the companion endpoint of contract §4: `POST {basePath}/{provider}` with `{code, redirectUri,
 * codeVerifier?, iss?, nonce?}`; and contract §7's GET routes: `providers` (what pages need), `callback`
 * and `callback.js` (the callback page), `jwks.json` (`private_key_jwt` public keys). It keeps no state
 * between requests, so any number of instances can serve the same flows.
 */
export function createLoginHandler(options: LoginHandlerOptions): LoginHandler {
  const settings = settingsOf(options);
  const routes = ownRoutes(settings, options);
  const session = sessionLayerOf(settings, options);
  const exchange = createExchange(settings, routes, session);
  const handler = async (request: Request): Promise<Response> => toResponse(await exchange(fromRequest(request)));
  const getSession = (request: SessionRequest, response?: SessionResponse) =>
    session ? session.getSession(request, response) : Promise.reject(new TypeError('login-elements: getSession needs the session option of createLoginHandler'));
  const needsSession = () => {
    if (!session) throw new TypeError('login-elements: requireSession needs the session option of createLoginHandler');
  };
  const requireSession = (route: GuardedRoute) => (needsSession(), requireSessionFetch(getSession, route));
  const guardNode = () => (needsSession(), requireSessionNode(getSession));
  return Object.assign(handler, { basePath: settings.basePath, [exchangeCore]: exchange, [failureLog]: settings.log, [nodeGuard]: guardNode, getSession, requireSession });
}
