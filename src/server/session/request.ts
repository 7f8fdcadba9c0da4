import type { SessionSource } from './sessions.js';

/**
 * A Node `IncomingMessage` by shape (Express's `req`, Fastify's `request.raw`), so this entry imports no
 * `node:*` module.
 */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket says `encrypted: true`. */
  socket?: object | null;
}

/** What `getSession` reads: a Fetch `Request` (Hono, Next.js, Workers, Deno, Bun) or a Node request. */
export type SessionRequest = Request | NodeRequestLike;

/** Where a re-sealed cookie goes when a read slides the idle window: Fetch `Headers` or a Node response. */
export type SessionResponse = Headers | { appendHeader(name: string, value: string): unknown };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page's origin as the Node adapter sees it: Host, with the scheme a TLS-terminating proxy reports. */
function nodeOrigin(request: NodeRequestLike): string | undefined {
  const forwarded = String(first(request.headers['x-forwarded-proto']) ?? '')
    .split(',')[0]!
    .trim();
  const protocol = forwarded == 'https' || forwarded == 'http' ? forwarded : (request.socket as { encrypted?: boolean } | null | undefined)?.encrypted ? 'https' : 'http';
  try {
    return new URL(`${protocol}://${first(request.headers.host) ?? 'localhost'}`).origin;
  } catch {
    return undefined;
  }
}

/** A Request's URL is absolute and serialised: its origin is everything before the path. */
const fetchOrigin = (request: Request): string | undefined => /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(request.url)?.[0].toLowerCase();

const isFetchRequest = (request: SessionRequest): request is Request => typeof (request.headers as Headers).get == 'function';

/**
 * The cookie, and the page's origin that decides its name: the request's `Origin` when it has one (a
 * POST from the page), else the origin it was addressed to.
 */
export function sourceFromRequest(request: SessionRequest): SessionSource {
  if (isFetchRequest(request)) return { cookie: request.headers.get('cookie'), origin: pageOrigin(request.headers.get('origin')) ?? fetchOrigin(request) };
  const cookie = request.headers.cookie;
  return { cookie: Array.isArray(cookie) ? cookie.join('; ') : cookie, origin: pageOrigin(first(request.headers.origin)) ?? nodeOrigin(request) };
}

const pageOrigin = (origin: string | null | undefined) => (origin && origin != 'null' ? origin : undefined);

export function appendSetCookie(response: SessionResponse | undefined, value: string | undefined): void {
  if (!response || !value) return;
  if (response instanceof Headers) response.append('set-cookie', value);
  else response.appendHeader('set-cookie', value);
}
