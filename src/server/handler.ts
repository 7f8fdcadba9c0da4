import { EndpointError, jsonOutcome } from './shared/errors.js';
import { fromRequest, toResponse, type Incoming, type Outcome } from './http/incoming.js';
import { checkOrigin } from './http/origin.js';
import { createProviderClient, DEFAULT_MAX_UPSTREAM_BYTES, DEFAULT_TIMEOUT_MS, type ProviderClient } from './provider-client.js';
import { bodyText, DEFAULT_BODY_TIMEOUT_MS, parseExchangeRequest, requireJson } from './http/request-body.js';
import { requireSessionFetch, requireSessionNode, type GuardedRoute } from './http/guard.js';
import { createSessionLayer, type Session } from './http/session-layer.js';
import { bodyWithoutRaw, rawText, responseWithoutRaw } from './http/raw.js';
import { withoutRaw } from './session/record.js';
import type { SessionRequest, SessionResponse } from './http/session-request.js';
import { callbackPage, callbackScript } from './http/callback-page.js';
import { createJwksRoute } from './http/jwks-route.js';
import { createProvidersRoute } from './http/providers-route.js';
import { defaultLog, positiveInteger } from './shared/settings.js';
import { absoluteUrl, bareOrigin } from './shared/url-options.js';
import type { LoginHandlerOptions, LoginTokens, LoginUser } from './types.js';

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

/**
 * Creates the companion endpoint of contract §4: `POST {basePath}/{provider}` with `{code, redirectUri,
 * codeVerifier?, iss?, nonce?}`; and contract §7's GET routes: `providers` (what pages need), `callback`
 * and `callback.js` (the callback page), `jwks.json` (`private_key_jwt` public keys). It keeps no state
 * between requests, so any number of instances can serve the same flows.
 */
export function createLoginHandler(options: LoginHandlerOptions): LoginHandler {
  const basePath = normalisePath(options.basePath ?? '/auth');
  // Checked here, once, for every transport (contract §4): a bad value is a TypeError naming it.
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
  // The handler's own GET routes, beside the session's; a provider may not take their names.
  const routes = new Map<string, (incoming: Incoming) => Promise<Outcome>>([
    ['providers', createProvidersRoute({ basePath, clients, configs: options.providers, redirectUris: options.redirectUris, allowedOrigins, originAllowed, log })],
    ['callback', callbackPage],
    ['callback.js', callbackScript],
    ['jwks.json', createJwksRoute(clients)],
  ]);
  for (const key of routes.keys())
    if (Object.hasOwn(options.providers, key)) throw new TypeError(`login-elements: a provider may not be named "${key}": ${basePath}/${key} is the handler's own route`);
  const session =
    options.session &&
    createSessionLayer(options.session, {
      providers: Object.keys(options.providers),
      postLogoutRedirectUris: new Map(Object.entries(options.providers).flatMap(([key, config]) => (config.postLogoutRedirectUri ? [[key, config.postLogoutRedirectUri]] : []))),
      clients,
      originAllowed,
      allowedOrigins,
      timeoutMs,
      bodyTimeoutMs,
    });

  async function handle(incoming: Incoming): Promise<Outcome> {
    const { pathname } = incoming;
    const name = pathname.startsWith(basePath + '/') ? pathname.slice(basePath.length + 1) : undefined;
    const own = name !== undefined ? routes.get(name) : undefined;
    if (own) return own(incoming);
    const routed = session?.route(name, incoming);
    if (routed) return routed;
    if (incoming.method !== 'POST') throw new EndpointError(405, 'method_not_allowed', 'Use POST', { allow: 'POST' });
    const client = name !== undefined && !name.includes('/') ? clients.get(name) : undefined;
    if (!client)
      throw new EndpointError(404, 'unknown_provider', 'No provider is configured at this path', {}, `no provider is configured as ${JSON.stringify(name ?? '')} (configured: ${[...clients.keys()].join(', ')})`);
    checkOrigin(incoming, originAllowed, refusedOrigin);
    requireJson(incoming);
    const body = parseExchangeRequest(await bodyText(incoming, bodyTimeoutMs));
    if (redirectUris ? !redirectUris.has(body.redirectUri) : !sameOriginRedirect(body.redirectUri, incoming))
      throw new EndpointError(400, 'invalid_request', 'redirectUri is not an allowed redirect URI', {}, `redirectUri ${body.redirectUri} is ${redirectUris ? 'not in redirectUris' : 'not on an allowed origin'}`);
    const { user, tokens } = await client.exchange(body);
    // The session is made before onLogin runs: a store that is down is a 503 before the site acts on it.
    const signedIn = session && (await session.login(incoming, client, user, tokens));
    let outcome: Outcome;
    try {
      outcome = await answer(client.name, user, tokens, incoming, signedIn?.body);
    } catch (error) {
      // onLogin threw: the site refused (or failed) this login, so the session it was to get goes too.
      await signedIn?.discard();
      throw error;
    }
    return signedIn ? signedIn.attach(outcome) : outcome;
  }

  /** The 200 of a login: the default body, or what `onLogin` made of it (async only with an `onLogin`). */
  function answer(provider: string, user: LoginUser | null, tokens: LoginTokens, incoming: Incoming, extend = (body: unknown) => body): Outcome | Promise<Outcome> {
    // With sessions, `raw` reaches only onLogin (contract §6): the page gets the user the session keeps.
    const shown = options.session ? withoutRaw(user) : user;
    const standard = () => extend({ provider, user: shown, ...(options.exposeTokens ? { tokens } : {}) });
    return options.onLogin ? fromHook(provider, user, tokens, incoming, standard, extend) : jsonOutcome(standard());
  }

  /** What an `onLogin` hook answered: its Response, its body, or (nothing) the standard one. */
  async function fromHook(provider: string, user: LoginUser | null, tokens: LoginTokens, incoming: Incoming, standard: () => unknown, extend: (body: unknown) => unknown): Promise<Outcome> {
    const result = await options.onLogin!({
      provider,
      user,
      tokens,
      get request() {
        return incoming.request();
      },
    });
    // With sessions, `raw` reaches only onLogin (contract §6): not through what it returns either.
    const raw = options.session ? rawText(user?.raw) : undefined;
    if (result instanceof Response) return raw ? responseWithoutRaw(result, raw) : result;
    if (result === undefined || result === null) return jsonOutcome(standard());
    return jsonOutcome(raw ? bodyWithoutRaw(extend(result), raw) : extend(result));
  }

  /** The log's words for a refused Origin: what it is not. */
  const refusedOrigin = (origin: string) =>
    `origin ${origin} is ${allowedOrigins ? `not in allowedOrigins (${[...allowedOrigins].join(', ')})` : "not the request's own origin (trustHost)"}`;

  /** Without an allowlist, a redirect URI must at least be on an allowed origin. */
  function sameOriginRedirect(uri: string, incoming: Incoming): boolean {
    try {
      return originAllowed(new URL(uri).origin, incoming);
    } catch {
      return false;
    }
  }

  /** Every failure becomes the endpoint's JSON error, logged as one line of fixed codes. */
  const exchange = async (incoming: Incoming): Promise<Outcome> => {
    try {
      return await handle(incoming);
    } catch (error) {
      const failure = error instanceof EndpointError ? error : new EndpointError(500, 'server_error', 'The login could not be completed');
      log(`login-elements: ${incoming.method} ${incoming.pathname} → ${failure.status} ${failure.error}: ${failure.detail ?? failure.description}`);
      return failure.toOutcome();
    }
  };
  const handler = async (request: Request): Promise<Response> => toResponse(await exchange(fromRequest(request)));
  const getSession = (request: SessionRequest, response?: SessionResponse) =>
    session ? session.getSession(request, response) : Promise.reject(new TypeError('login-elements: getSession needs the session option of createLoginHandler'));
  const needsSession = () => {
    if (!session) throw new TypeError('login-elements: requireSession needs the session option of createLoginHandler');
  };
  const requireSession = (route: GuardedRoute) => (needsSession(), requireSessionFetch(getSession, route));
  const guardNode = () => (needsSession(), requireSessionNode(getSession));
  return Object.assign(handler, { basePath, [exchangeCore]: exchange, [failureLog]: log, [nodeGuard]: guardNode, getSession, requireSession });
}
