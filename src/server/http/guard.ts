import { EndpointError } from '../shared/errors.js';
import type { Session } from './session-layer.js';
import type { NodeRequestLike, SessionRequest, SessionResponse } from './session-request.js';

/**
 * Guards for the site's own routes (contract §7 "Guards"): signed out → `401 {"error": "signed_out"}`, a
 * store that cannot be reached → `503 {"error": "session_store_unavailable"}` — JSON both, never a
 * framework's HTML error page with a stack. The route gets the session.
 */
type GetSession = (request: SessionRequest, response?: SessionResponse) => Promise<Session | null>;

const signedOut = () => new EndpointError(401, 'signed_out', 'Sign in to use this route');

/** What a failed session read answers: its own 503, anything unexpected a plain 500. */
const failure = (error: unknown) => (error instanceof EndpointError ? error : new EndpointError(500, 'server_error', 'The session could not be read'));

/** A route that needs a session: `(request, session) => Response`. */
export type GuardedRoute = (request: Request, session: Session) => Response | Promise<Response>;

/** `login.requireSession(route)`: a Fetch handler that calls `route` only with a session. */
export function requireSessionFetch(getSession: GetSession, route: GuardedRoute): (request: Request) => Promise<Response> {
  return async (request) => {
    // A cookie to clear (a dead session) or to re-seal (the idle window moved) goes on the answer.
    const cookies = new Headers();
    let session: Session | null;
    try {
      session = await getSession(request, cookies);
    } catch (error) {
      return failure(error).toResponse();
    }
    const answer = session ? await route(request, session) : signedOut().toResponse();
    const setCookies = cookies.getSetCookie();
    if (!setCookies.length) return answer;
    // A Response from the route may have immutable headers (Response.redirect, a fetched one).
    const response = new Response(answer.body, answer);
    for (const cookie of setCookies) response.headers.append('set-cookie', cookie);
    return response;
  };
}

/** A Node `ServerResponse` by shape (Express's `res` adds `locals`), so this file imports no `node:*`. */
export interface NodeResponseLike {
  locals?: Record<string, unknown>;
  headersSent?: boolean;
  appendHeader(name: string, value: string): unknown;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

/** Express/Connect/`node:http` middleware: the session in `res.locals.session`, then `next()`. */
export function requireSessionNode(getSession: GetSession) {
  return (req: NodeRequestLike, res: NodeResponseLike, next: (error?: unknown) => void): void => {
    getSession(req, res).then(
      (session) => {
        if (!session) return send(res, signedOut());
        (res.locals ??= {}).session = session;
        next();
      },
      (error: unknown) => send(res, failure(error)),
    );
  };
}

function send(res: NodeResponseLike, error: EndpointError): void {
  if (res.headersSent) return void res.end();
  const { status, json, headers } = error.toOutcome();
  res.writeHead(status, headers);
  res.end(json);
}
