/**
 * login-elements/server/node: the companion endpoint on `node:http`, Express/Connect and Fastify
 * (through @fastify/middie). The only part of the server that needs Node. It runs the exchange on the
 * Node request directly — no Fetch Request or Response on the way (docs/decisions.md, 11).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { EndpointError } from './errors.js';
import { exchangeCore, type LoginHandler } from './handler.js';
import { bodyTimeout, tooLarge, type Incoming, type Outcome } from './incoming.js';

type Next = (error?: unknown) => void;
type NodeRequest = IncomingMessage & { body?: unknown };

/** The page's origin as this server sees it: Host, with the scheme a TLS-terminating proxy reports. */
function ownOrigin(req: IncomingMessage): string {
  // Behind a TLS-terminating proxy the socket is plain http; the page's origin is https. A cross-site
  // page cannot set X-Forwarded-Proto without a CORS preflight, which this endpoint never grants.
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim();
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted;
  const protocol = forwarded === 'https' || forwarded === 'http' ? forwarded : encrypted ? 'https' : 'http';
  return new URL(`${protocol}://${req.headers.host ?? 'localhost'}`).origin;
}

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
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) {
        // Stop taking what is left: the answer goes out with Connection: close.
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
    return (this.origin ??= ownOrigin(this.req));
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

/** Writes an outcome: JSON straight to the socket, or an `onLogin` Response (cookies kept apart). */
async function write(outcome: Outcome, res: ServerResponse): Promise<void> {
  if (!(outcome instanceof Response)) return void res.writeHead(outcome.status, outcome.headers).end(outcome.json);
  const headers: Record<string, string | string[]> = {};
  outcome.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = outcome.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(outcome.status, headers);
  if (!outcome.body) return void res.end();
  // Streamed as it comes: an onLogin Response may be large, or a stream.
  Readable.fromWeb(outcome.body as import('node:stream/web').ReadableStream).pipe(res);
}

/**
 * Adapts the handler to `node:http` and to Express/Connect middleware: requests outside `basePath`
 * go to `next()` (or get a 404 without one). Only origin-form request targets are served.
 */
export function toNodeListener(handler: LoginHandler) {
  const exchange = handler[exchangeCore];
  return (req: IncomingMessage, res: ServerResponse, next?: Next): void => {
    const target = req.url ?? '/';
    const path = target.split('?')[0]!;
    if (next && path !== handler.basePath && !path.startsWith(handler.basePath + '/')) return next();
    // Only origin-form targets (RFC 9112 §3.2.1): an absolute-form or `//host` target would make the
    // URL's origin whatever the client wrote.
    if (!target.startsWith('/') || target.startsWith('//'))
      return void write(new EndpointError(400, 'invalid_request', 'The request target must be a path (origin-form)', { connection: 'close' }).toOutcome(), res);
    exchange(new NodeIncoming(req))
      .then((outcome) => write(outcome, res))
      .catch((error: unknown) => {
        if (next) return next(error);
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
      });
  };
}
