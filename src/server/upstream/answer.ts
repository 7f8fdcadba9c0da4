import { boundedAnswer } from './bounded-answer.js';
import { readBounded } from '../shared/bounded-body.js';
import { invalidProviderResponse } from '../shared/errors.js';

/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * The provider's answer, bounded: at most `max` bytes (after decompression), within the call's
 * deadline (`signal` also ends a body still arriving). A declared length over the limit is refused
 * before any of the body is read. A success is read through the bounded reader, whatever its framing
 * (cheaper than undici's own `json()`, which copies even a one-chunk body: decision 17). An error
 * answer that declares its length, is not compressed and fits goes through as it is (the HTTP parser
 * reads no more than that length); any other is copied here, never past the limit. A 300 MB or
 * endless body is a 502 or a 504.
 */
export function bounded(response: Response, max: number, signal: AbortSignal): Response | Promise<Response> {
  const declared = response.headers.get('content-length');
  if (Number(declared) > max) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(max);
  }
  if (response.ok) return boundedAnswer(response, max, () => tooLarge(max), signal);
  const encoding = response.headers.get('content-encoding');
  return declared !== null && (!encoding || encoding == 'identity') ? response : copyBounded(response, max, signal);
}
const tooLarge = (max: number) => invalidProviderResponse(`The provider's answer is over ${max} bytes`);

/** An error answer, chunked or compressed: read here up to the limit and handed on as a fresh Response. */
async function copyBounded(response: Response, max: number, signal: AbortSignal): Promise<Response> {
  const body = await readBounded(response.body, max, () => tooLarge(max), signal);
  return new Response(NULL_BODY.has(response.status) ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
