import type { SessionSource } from '../session/sessions.js';
import { namedOrigin, nodeOrigin, type NodeRequestLike } from './origin.js';

export type { NodeRequestLike };

/** What `getSession` reads: a Fetch `Request` (Hono, Next.js, Workers, Deno, Bun) or a Node request. */
export type SessionRequest = Request | NodeRequestLike;

/** Where a re-sealed cookie goes when a read slides the idle window: Fetch `Headers` or a Node response. */
export type SessionResponse = Headers | { appendHeader(name: string, value: string): unknown };

/** A Request's URL is absolute and serialised: its origin is everything before the path. */
const fetchOrigin = (request: Request): string | undefined => /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(request.url)?.[0].toLowerCase();

const isFetchRequest = (request: SessionRequest): request is Request => typeof (request.headers as Headers).get == 'function';

/** The Node request's own origin (its Host checked, as the exchange checks it); undefined without a valid one (then the secure cookie). */
function ownNodeOrigin(request: NodeRequestLike): string | undefined {
  try {
    return nodeOrigin(request);
  } catch {
    return undefined;
  }
}

/**
 * The cookie, and the page's origin that decides its name: the request's `Origin` when it has one (a
 * POST from the page), else the origin it was addressed to.
 */
export function sourceFromRequest(request: SessionRequest): SessionSource {
  if (isFetchRequest(request)) return { cookie: request.headers.get('cookie'), origin: namedOrigin(request.headers.get('origin')) ?? fetchOrigin(request) };
  const { cookie, origin } = request.headers;
  return { cookie: Array.isArray(cookie) ? cookie.join('; ') : cookie, origin: namedOrigin(Array.isArray(origin) ? origin[0] : origin) ?? ownNodeOrigin(request) };
}

export function appendSetCookie(response: SessionResponse | undefined, value: string | undefined): void {
  if (!response || !value) return;
  if (response instanceof Headers) response.append('set-cookie', value);
  else response.appendHeader('set-cookie', value);
}
