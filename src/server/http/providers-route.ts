import { nameOf } from '../../providers/names.js';
import type { PublicProvider } from '../../contract/wire.js';
import type { AuthorizeSettings } from '../upstream/dialect.js';
import { EndpointError } from '../shared/errors.js';
import { etagOf, getOrHead, matchesEtag, notModified } from './cache.js';
import type { Incoming, Outcome } from './incoming.js';
import type { ProviderClient } from '../upstream/client.js';
import type { ProviderConfig } from '../shared/login.js';

export type { PublicProvider };

export interface ProvidersContext {
  basePath: string;
  clients: ReadonlyMap<string, ProviderClient>;
  configs: Readonly<Record<string, ProviderConfig>>;
  redirectUris: readonly string[] | undefined;
  allowedOrigins: ReadonlySet<string> | undefined;
  originAllowed(origin: string, incoming: Incoming): boolean;
  log(line: string): void;
}

/** How long a provider whose discovery failed is listed with its error before it is tried again. */
export const LISTING_FAILURE_TTL_MS = 30_000;

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
};

/** The entry's `label`, else a built-in's own name (as its button says it in English), else the issuer's (or an endpoint's) host, else the key. */
export const labelOf = (key: string, type: string, config: ProviderConfig): string =>
  config.label || nameOf(type) || hostOf(config.issuer ?? config.authorizeEndpoint ?? config.tokenEndpoint) || key;

type Failures = Map<string, { entry: PublicProvider; until: number }>;

/**
 * `GET {basePath}/providers` (contract §7): the public settings of every configured provider, in the
 * configured order, discovery filled in. A provider whose discovery fails is listed with `error` (for
 * `LISTING_FAILURE_TTL_MS`, so one broken issuer does not slow every page) and the others still work.
 * `redirectUri` is computed for the page's origin; CORS headers only for an allowed Origin.
 */
export function createProvidersRoute(context: ProvidersContext): (incoming: Incoming) => Promise<Outcome> {
  const failures: Failures = new Map();
  return async (incoming) => {
    getOrHead(incoming);
    const { origin, cors } = pageOrigin(context, incoming);
    const entries = await Promise.all([...context.clients.values()].map((client) => entryOf(context, failures, client)));
    const json = JSON.stringify({ providers: entries.map((entry) => (entry.error ? entry : { ...entry, redirectUri: redirectUriFor(context, entry.key, origin) })) });
    const etag = await etagOf(json);
    // The body depends on the page's origin (its redirect URIs): caches keep one per Origin.
    const headers: Record<string, string> = { 'cache-control': 'no-cache', etag, vary: 'Origin' };
    if (cors) headers['access-control-allow-origin'] = origin;
    if (matchesEtag(incoming.header('if-none-match'), etag)) return notModified(headers);
    return { status: 200, json, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
  };
}

/** The origin-independent part of one entry; a failed discovery is remembered in `failures` for a while. */
async function entryOf(context: ProvidersContext, failures: Failures, client: ProviderClient): Promise<PublicProvider> {
  const config = context.configs[client.name]!;
  const base = { key: client.name, type: client.type, clientId: client.clientId, label: labelOf(client.name, client.type, config) };
  const failed = failures.get(client.name);
  if (failed && failed.until > Date.now()) return failed.entry;
  let settings: AuthorizeSettings;
  try {
    settings = await client.authorizeSettings();
  } catch (error) {
    const { error: code, description } = error instanceof EndpointError ? error : new EndpointError(502, 'invalid_provider_response', 'The provider could not be reached');
    const entry = { ...base, error: code, error_description: `Discovery failed: ${description}` };
    failures.set(client.name, { entry, until: Date.now() + LISTING_FAILURE_TTL_MS });
    context.log(`login-elements: GET ${context.basePath}/providers: provider "${client.name}" is listed with ${code} (its discovery at ${config.issuer} failed)`);
    return entry;
  }
  failures.delete(client.name);
  if (!settings.authorizeEndpoint)
    return { ...base, error: 'invalid_config', error_description: `Provider "${client.name}" names no authorize endpoint: set authorizeEndpoint, or issuer for discovery` };
  const { authorizeEndpoint, scope, pkce, params, authorizeMethod } = settings;
  return { ...base, authorizeEndpoint, ...(config.issuer ? { issuer: config.issuer } : {}), scope, pkce, ...(params ? { params } : {}), ...(authorizeMethod ? { authorizeMethod } : {}) };
}

/**
 * The redirect URI for a page on `origin`: the entry's own, else `{origin}{basePath}/callback` —
 * or, where `redirectUris` does not list that, the first listed one on the page's origin.
 */
function redirectUriFor({ configs, basePath, redirectUris }: ProvidersContext, key: string, origin: string): string {
  const own = configs[key]!.redirectUri;
  if (own) return own;
  const served = `${origin}${basePath}/callback`;
  if (!redirectUris || redirectUris.includes(served)) return served;
  return redirectUris.find((uri) => new URL(uri).origin == origin) ?? served;
}

/** The page's origin: an allowed Origin header (then CORS), else its Host or Referer if allowed, else the first allowed origin. */
function pageOrigin(context: ProvidersContext, incoming: Incoming): { origin: string; cors: boolean } {
  const { allowedOrigins } = context;
  const origin = incoming.header('origin');
  if (origin !== null) {
    if (context.originAllowed(origin, incoming)) return { origin, cors: true };
    context.log(`login-elements: GET ${context.basePath}/providers from origin ${origin}, which is not an allowed origin: answered without CORS headers (add it to allowedOrigins)`);
  }
  // A same-origin GET carries no Origin header.
  if (!allowedOrigins) return { origin: incoming.ownOrigin(), cors: false };
  const candidates = [() => incoming.ownOrigin(), () => new URL(incoming.header('referer')!).origin];
  for (const candidate of candidates) {
    try {
      const found = candidate();
      if (allowedOrigins.has(found)) return { origin: found, cors: false };
    } catch {
      /* no usable Host or Referer */
    }
  }
  return { origin: allowedOrigins.values().next().value!, cors: false };
}
