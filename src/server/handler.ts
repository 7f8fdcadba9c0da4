import { EndpointError, json } from './errors.js';
import { createProviderClient, DEFAULT_TIMEOUT_MS, type ProviderClient } from './provider-client.js';
import { parseExchangeRequest, readLimitedText } from './request-body.js';
import type { LoginHandlerOptions } from './types.js';

/** The companion endpoint: a Fetch-API handler, plus the path prefix it serves (for adapters). */
export type LoginHandler = ((request: Request) => Promise<Response>) & { readonly basePath: string };

/** `/auth/` → `/auth`; `auth` → `/auth`. */
const normalisePath = (path: string) => '/' + path.replace(/^\/+|\/+$/g, '');

function isJson(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (!!type && /^application\/[\w.+-]+\+json$/.test(type));
}

/**
 * Creates the companion endpoint of SPEC §4: `POST {basePath}/{provider}` with `{code, redirectUri,
 * codeVerifier?, iss?}`. It keeps no state between requests, so any number of instances can serve
 * the same flows.
 */
export function createLoginHandler(options: LoginHandlerOptions): LoginHandler {
  const basePath = normalisePath(options.basePath ?? '/auth');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limits = { timeoutMs, maxUpstreamBytes: options.maxUpstreamBytes };
  const clients = new Map<string, ProviderClient>(
    Object.entries(options.providers).map(([name, config]) => [name, createProviderClient(name, config, limits)]),
  );
  if (!options.allowedOrigins?.length && options.trustHost !== true)
    throw new TypeError(
      'createLoginHandler needs allowedOrigins (the page origins that may call it, e.g. ["https://app.example"]), or trustHost: true to take the request\'s own Host as its origin',
    );
  const redirectUris = options.redirectUris && new Set(options.redirectUris);
  const allowedOrigins = options.allowedOrigins?.length ? new Set(options.allowedOrigins.map((origin) => new URL(origin).origin)) : undefined;
  const originAllowed = (origin: string, request: Request) => (allowedOrigins ? allowedOrigins.has(origin) : origin === new URL(request.url).origin);

  async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const name = pathname.startsWith(basePath + '/') ? pathname.slice(basePath.length + 1) : undefined;
    if (request.method !== 'POST') throw new EndpointError(405, 'method_not_allowed', 'Use POST', { allow: 'POST' });
    const client = name !== undefined && !name.includes('/') ? clients.get(name) : undefined;
    if (!client) throw new EndpointError(404, 'unknown_provider', 'No provider is configured at this path');
    const origin = request.headers.get('origin');
    // Requests without Origin do not come from a browser page (SPEC §4); every browser POST has one.
    if (origin !== null && !originAllowed(origin, request)) throw new EndpointError(403, 'forbidden_origin', 'This origin may not use the endpoint');
    if (!isJson(request)) throw new EndpointError(415, 'unsupported_media_type', 'Send Content-Type: application/json');
    const body = parseExchangeRequest(await readLimitedText(request, options.bodyTimeoutMs));
    if (redirectUris ? !redirectUris.has(body.redirectUri) : !sameOriginRedirect(body.redirectUri, request))
      throw new EndpointError(400, 'invalid_request', 'redirectUri is not an allowed redirect URI');
    const { user, tokens } = await client.exchange(body);
    const result = options.onLogin ? await options.onLogin({ provider: client.name, user, tokens, request }) : undefined;
    if (result instanceof Response) return result;
    return json(result ?? { provider: client.name, user, ...(options.exposeTokens ? { tokens } : {}) });
  }

  /** Without an allowlist, a redirect URI must at least be on an allowed origin. */
  function sameOriginRedirect(uri: string, request: Request): boolean {
    try {
      return originAllowed(new URL(uri).origin, request);
    } catch {
      return false;
    }
  }

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await handle(request);
    } catch (error) {
      const failure = error instanceof EndpointError ? error : new EndpointError(500, 'server_error', 'The login could not be completed');
      options.log?.(`login-elements: ${request.method} ${new URL(request.url).pathname} → ${failure.status} ${failure.error}`);
      return failure.toResponse();
    }
  };
  return Object.assign(handler, { basePath });
}
