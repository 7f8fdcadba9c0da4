/**
 * login-elements/server/node: the companion endpoint on `node:http`, Express/Connect and Fastify
 * (through @fastify/middie). The only part of the server that needs Node. It runs the exchange on the
 * Node request directly — no Fetch Request or Response on the way (docs/decisions.md, 11).
 */
import { validateHeaderName, validateHeaderValue, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import { EndpointError } from './shared/errors.js';
import { exchangeCore, failureLog, nodeGuard, type LoginHandler } from './handler.js';
import { bodyTimeout, tooLarge, type Incoming, type Outcome } from './http/incoming.js';
import { nodeOrigin } from './http/origin.js';

type Next = (error?: unknown) => void;
type NodeRequest = IncomingMessage & { body?: unknown };

/** A body a parser already read (Express's json(), a Fastify route passing request.body), as bytes. */
function parsedBody(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Reads the Node body stream: at most `max` bytes, within `timeoutMs`. */
function readStream(req: IncomingMessage, max: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      clearTimeout(timer);
      if (error) {
        // Stop taking what is left: the answer goes out with Connection: close.
        req.off('data', onData).off('end', onEnd).off('error', onError);
        req.pause();
        reject(error);
      } else resolve(chunks.length == 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) done(tooLarge(max));
      else chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (error: Error) => done(error);
    const timer = setTimeout(() => done(bodyTimeout(timeoutMs)), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** A Fetch Request for `onLogin`, only when it asks for one; the body is the one already read. */
function toRequest(req: IncomingMessage, origin: string, body: Uint8Array | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  headers.delete('content-length');
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body: body && req.method !== 'GET' && req.method !== 'HEAD' ? new Uint8Array(body) : null });
}

/** An IncomingMessage as the exchange sees it (a class: one allocation per request, no closures). */
class NodeIncoming implements Incoming {
  readonly method: string;
  readonly pathname: string;
  private origin?: string;
  private read?: Uint8Array;

  constructor(private readonly req: NodeRequest) {
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    this.method = req.method ?? 'GET';
    this.pathname = query < 0 ? target : target.slice(0, query);
  }

  header(name: string): string | null {
    const value = this.req.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  ownOrigin(): string {
    return (this.origin ??= nodeOrigin(this.req));
  }

  async body(max: number, timeoutMs: number): Promise<Uint8Array> {
    const { req } = this;
    if (req.body !== undefined && (req.readableEnded || req.readableDidRead)) this.read = parsedBody(req.body);
    // A framework read the stream and kept no body for us: waiting on it would hang forever.
    else if (req.readableDidRead || req.readableEnded)
      throw new EndpointError(500, 'server_error', 'The request body was already read by another middleware and not kept in req.body');
    else this.read = await readStream(req, max, timeoutMs);
    if (this.read.byteLength > max) throw tooLarge(max);
    return this.read;
  }

  request(): Request {
    return toRequest(this.req, this.ownOrigin(), this.read);
  }
}

/** The documented 500 for an answer that cannot be sent as it is (contract §4): JSON, never a stack trace. */
const unsendable = () => new EndpointError(500, 'server_error', 'The login answer could not be sent').toOutcome();

/** An `onLogin` Response's headers as Node takes them (cookies kept apart); null when Node refuses one. */
function nodeHeaders(response: Response): Record<string, string | string[]> | null {
  const headers: Record<string, string | string[]> = {};
  try {
    response.headers.forEach((value, name) => {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      if (name !== 'set-cookie') headers[name] = value;
    });
  } catch {
    // Fetch's Headers allow control characters that Node's writeHead throws on.
    return null;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  return headers;
}

/**
 * Writes an outcome: JSON straight to the socket, or an `onLogin` Response streamed as it comes. Only
 * this response pays for a failure: headers Node refuses become the documented 500, a body stream
 * that errors ends this response (the client sees it cut off) — the process and the server go on.
 */
function write(outcome: Outcome, res: ServerResponse, log: (line: string) => void): void {
  if (!(outcome instanceof Response)) return void res.writeHead(outcome.status, outcome.headers).end(outcome.json);
  const headers = nodeHeaders(outcome);
  if (!headers) {
    void outcome.body?.cancel().catch(() => {});
    log('login-elements: onLogin answered with a header value Node refuses → 500 server_error');
    return write(unsendable(), res, log);
  }
  res.writeHead(outcome.status, headers);
  if (!outcome.body) return void res.end();
  pipeline(Readable.fromWeb(outcome.body as import('node:stream/web').ReadableStream), res, (error) => {
    if (error && !res.writableFinished) log(`login-elements: the onLogin response body failed mid-stream → response cut off`);
  });
}

/**
 * Adapts the handler to `node:http` and to Express/Connect middleware: requests outside `basePath`
 * go to `next()` (or get a 404 without one). Only origin-form request targets are served.
 */
export function toNodeListener(handler: LoginHandler) {
  const exchange = handler[exchangeCore];
  const log = handler[failureLog];
  return (req: IncomingMessage, res: ServerResponse, next?: Next): void => {
    const target = req.url ?? '/';
    const path = target.split('?')[0]!;
    if (next && path !== handler.basePath && !path.startsWith(handler.basePath + '/')) return next();
    // Only origin-form targets (RFC 9112 §3.2.1): an absolute-form or `//host` target would make the
    // URL's origin whatever the client wrote.
    if (!target.startsWith('/') || target.startsWith('//'))
      return write(new EndpointError(400, 'invalid_request', 'The request target must be a path (origin-form)', { connection: 'close' }).toOutcome(), res, log);
    exchange(new NodeIncoming(req))
      .then((outcome) => write(outcome, res, log))
      .catch(() => {
        // Never handed to a framework's error page (a stack trace with the package's path).
        log(`login-elements: ${req.method} ${path} → 500 server_error (the answer could not be written)`);
        if (res.headersSent) res.destroy();
        else write(unsendable(), res, log);
      });
  };
}

/**
 * Express/Connect/`node:http` middleware for the site's own routes (contract §7 "Guards"): signed out →
 * `401 {"error": "signed_out"}`, the store unreachable → `503 {"error": "session_store_unavailable"}`,
 * JSON both (never the framework's HTML error page); signed in → the session in `res.locals.session`
 * (created when the framework has no `res.locals`), then `next()`. A TypeError when the handler has no
 * `session` configured.
 */
export function requireSession(login: LoginHandler) {
  return login[nodeGuard]();
}
