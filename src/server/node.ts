/**
 * login-elements/server/node: the companion endpoint on `node:http`, Express/Connect and Fastify
 * (through @fastify/middie). The only part of the server that needs Node.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { EndpointError } from './errors.js';
import type { LoginHandler } from './handler.js';

type Next = (error?: unknown) => void;

/** Builds a Fetch Request from a Node request; a body a parser already read (Express) is re-encoded. */
function toRequest(req: IncomingMessage & { body?: unknown }): Request {
  // Behind a TLS-terminating proxy the socket is plain http; the page's origin is https. A cross-site
  // page cannot set X-Forwarded-Proto without a CORS preflight, which this endpoint never grants.
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim();
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted;
  const protocol = forwarded === 'https' || forwarded === 'http' ? forwarded : encrypted ? 'https' : 'http';
  const url = new URL(req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (req.body !== undefined && (req.readableEnded || req.readableDidRead)) {
      headers.delete('content-length');
      init.body = typeof req.body === 'string' ? req.body : req.body instanceof Uint8Array ? new Uint8Array(req.body) : JSON.stringify(req.body);
    } else if (req.readableDidRead || req.readableEnded) {
      // A framework read the stream and kept no body for us: waiting on it would hang forever.
      throw new EndpointError(500, 'server_error', 'The request body was already read by another middleware and not kept in req.body');
    } else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Adapts the handler to `node:http` and to Express/Connect middleware: requests outside `basePath`
 * go to `next()` (or get a 404 without one).
 */
export function toNodeListener(handler: LoginHandler) {
  return (req: IncomingMessage, res: ServerResponse, next?: Next): void => {
    const target = req.url ?? '/';
    const path = target.split('?')[0]!;
    if (next && path !== handler.basePath && !path.startsWith(handler.basePath + '/')) return next();
    let request: Request;
    try {
      // Only origin-form targets (RFC 9112 §3.2.1): an absolute-form or `//host` target would make the
      // URL's origin whatever the client wrote.
      if (!target.startsWith('/') || target.startsWith('//'))
        throw new EndpointError(400, 'invalid_request', 'The request target must be a path (origin-form)', { connection: 'close' });
      request = toRequest(req);
    } catch (error) {
      const failure = error instanceof EndpointError ? error : new EndpointError(500, 'server_error', 'The request could not be read');
      return void send(failure.toResponse(), res);
    }
    handler(request)
      .then((response) => send(response, res))
      .catch((error: unknown) => {
        if (next) return next(error);
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
      });
  };
}
