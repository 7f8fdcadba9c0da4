import { EndpointError, jsonOutcome } from './shared/errors.js';
import type { Incoming, Outcome } from './http/incoming.js';
import { checkOrigin } from './http/origin.js';
import { bodyText, parseExchangeRequest, requireJson } from './http/request-body.js';
import type { SessionLayer } from './http/session-layer.js';
import { bodyWithoutRaw, rawText, responseWithoutRaw } from './http/raw.js';
import { withoutRaw } from './session/record.js';
import type { ProviderClient } from './upstream/client.js';
import type { LoginHandlerOptions, LoginTokens, LoginUser } from './types.js';

/** What the login route needs of its handler: the checked options. */
export interface LoginRouteContext {
  options: Pick<LoginHandlerOptions, 'onLogin' | 'session' | 'exposeTokens'>;
  clients: ReadonlyMap<string, ProviderClient>;
  /** `redirectUris` as a set; undefined when any URI on an allowed origin will do. */
  redirectUris: ReadonlySet<string> | undefined;
  /** `allowedOrigins` as a set; undefined under `trustHost`. */
  allowedOrigins: ReadonlySet<string> | undefined;
  originAllowed(origin: string, incoming: Incoming): boolean;
  bodyTimeoutMs: number;
  session: SessionLayer | undefined;
}

/**
 * `POST {basePath}/{name}` (contract §4): the request's checks, the exchange at the provider, the session
 * it makes and the answer (`onLogin`'s, else the standard one). `name` is what follows `basePath/`.
 */
export async function loginRoute(context: LoginRouteContext, name: string | undefined, incoming: Incoming): Promise<Outcome> {
  const client = providerAt(context, name, incoming);
  checkOrigin(incoming, context.originAllowed, (origin) => refusedOrigin(context, origin));
  requireJson(incoming);
  const body = parseExchangeRequest(await bodyText(incoming, context.bodyTimeoutMs));
  checkRedirectUri(context, body.redirectUri, incoming);
  const { user, tokens } = await client.exchange(body);
  // The session is made before onLogin runs: a store that is down is a 503 before the site acts on it.
  const signedIn = context.session && (await context.session.login(incoming, client, user, tokens));
  let outcome: Outcome;
  try {
    outcome = await answer(context, client.name, user, tokens, incoming, signedIn?.body);
  } catch (error) {
    // onLogin threw: the site refused (or failed) this login, so the session it was to get goes too.
    await signedIn?.discard();
    throw error;
  }
  return signedIn ? signedIn.attach(outcome) : outcome;
}

/** The provider configured at `name`: only a POST, only a configured one. */
function providerAt(context: LoginRouteContext, name: string | undefined, incoming: Incoming): ProviderClient {
  if (incoming.method !== 'POST') throw new EndpointError(405, 'method_not_allowed', 'Use POST', { allow: 'POST' });
  const client = name !== undefined && !name.includes('/') ? context.clients.get(name) : undefined;
  if (!client)
    throw new EndpointError(404, 'unknown_provider', 'No provider is configured at this path', {}, `no provider is configured as ${JSON.stringify(name ?? '')} (configured: ${[...context.clients.keys()].join(', ')})`);
  return client;
}

/** The log's words for a refused Origin: what it is not. */
const refusedOrigin = ({ allowedOrigins }: LoginRouteContext, origin: string) =>
  `origin ${origin} is ${allowedOrigins ? `not in allowedOrigins (${[...allowedOrigins].join(', ')})` : "not the request's own origin (trustHost)"}`;

/** The redirect URI must be listed in `redirectUris`, or without that list, be on an allowed origin. */
function checkRedirectUri({ redirectUris, originAllowed }: LoginRouteContext, uri: string, incoming: Incoming): void {
  if (redirectUris ? redirectUris.has(uri) : sameOriginRedirect(originAllowed, uri, incoming)) return;
  throw new EndpointError(400, 'invalid_request', 'redirectUri is not an allowed redirect URI', {}, `redirectUri ${uri} is ${redirectUris ? 'not in redirectUris' : 'not on an allowed origin'}`);
}

function sameOriginRedirect(originAllowed: LoginRouteContext['originAllowed'], uri: string, incoming: Incoming): boolean {
  try {
    return originAllowed(new URL(uri).origin, incoming);
  } catch {
    return false;
  }
}

/** The 200 of a login: the default body, or what `onLogin` made of it (async only with an `onLogin`). */
function answer(
  { options }: LoginRouteContext,
  provider: string,
  user: LoginUser | null,
  tokens: LoginTokens,
  incoming: Incoming,
  extend = (body: unknown) => body,
): Outcome | Promise<Outcome> {
  // With sessions, `raw` reaches only onLogin (contract §6): the page gets the user the session keeps.
  const shown = options.session ? withoutRaw(user) : user;
  const standard = () => extend({ provider, user: shown, ...(options.exposeTokens ? { tokens } : {}) });
  return options.onLogin ? fromHook(options, { provider, user, tokens, incoming }, standard, extend) : jsonOutcome(standard());
}

interface Login {
  provider: string;
  user: LoginUser | null;
  tokens: LoginTokens;
  incoming: Incoming;
}

/** What an `onLogin` hook answered: its Response, its body, or (nothing) the standard one. */
async function fromHook(options: LoginRouteContext['options'], login: Login, standard: () => unknown, extend: (body: unknown) => unknown): Promise<Outcome> {
  const { provider, user, tokens, incoming } = login;
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
