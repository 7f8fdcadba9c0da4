import { readBounded } from '../shared/bounded-body.js';
import { Deadlines } from '../shared/deadlines.js';
import { EndpointError } from '../shared/errors.js';

/**
 * What the exchange needs of a request, whatever carried it: a Fetch `Request`, or a Node
 * `IncomingMessage` read directly (no Request/Response built on the hot path: decision 11).
 */
export interface Incoming {
  method: string;
  pathname: string;
  /** A header, lower-case name; null when absent. */
  header(name: string): string | null;
  /** The origin the request was addressed to (its Host): the page's origin under `trustHost`. */
  ownOrigin(): string;
  /** The body, at most `max` bytes, within `timeoutMs` (then 413 / 408). */
  body(max: number, timeoutMs: number): Promise<Uint8Array>;
  /** The request as a Fetch `Request`, for `onLogin` (built only when asked for). */
  request(): Request;
}

/** What the exchange answers: JSON with a status, or the Response an `onLogin` hook returned. */
export type Outcome = { status: number; json: string; headers: Record<string, string> } | Response;

export const tooLarge = (max: number) => new EndpointError(413, 'payload_too_large', `The body is over ${max} bytes`, { connection: 'close' });
export const bodyTimeout = (ms: number) => new EndpointError(408, 'request_timeout', `The body did not arrive within ${ms} ms`, { connection: 'close' });

/** A Fetch Request as an Incoming. */
export function fromRequest(request: Request): Incoming {
  let url: URL | undefined;
  const parsed = () => (url ??= new URL(request.url));
  return {
    method: request.method,
    get pathname() {
      return parsed().pathname;
    },
    header: (name) => request.headers.get(name),
    // A Request's URL never carries userinfo (Fetch refuses to build one), so its origin is its host.
    ownOrigin: () => parsed().origin,
    async body(max, timeoutMs) {
      const deadline = new Deadlines(timeoutMs);
      const signal = deadline.signal();
      try {
        return await readBounded(request.body, max, () => tooLarge(max), signal, true);
      } catch (error) {
        throw signal.aborted ? bodyTimeout(timeoutMs) : error;
      } finally {
        deadline.release();
      }
    },
    request: () => request,
  };
}

/** An Outcome as a Fetch Response. */
export const toResponse = (outcome: Outcome): Response =>
  outcome instanceof Response ? outcome : new Response(outcome.json, { status: outcome.status, headers: outcome.headers });
