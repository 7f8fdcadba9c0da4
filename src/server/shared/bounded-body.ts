/**
 * Reads a body whole, but never more than `max` bytes and never past `signal`: the one reader for the
 * browser's request body (16 KiB, `bodyTimeoutMs`) and a provider's answers (`maxUpstreamBytes`,
 * `timeoutMs`). Over the limit it stops reading at once and cancels the rest; once `signal` has fired,
 * the read ends with the signal's reason.
 *
 * A fetch's own signal already errors its answer's body when it fires (Fetch's "abort the fetch"), so
 * a provider's answer needs nothing more. A body the signal does not end by itself (a Request's, under
 * a timer of its own) needs `cancelOnAbort`: the pending read is cancelled when the signal fires.
 */
export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  max: number,
  tooLarge: () => Error,
  signal?: AbortSignal,
  cancelOnAbort = false,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  // A cancelled read resolves as done; the signal's reason is what the caller gets.
  const stop = () => void reader.cancel(signal?.reason).catch(() => {});
  if (cancelOnAbort) signal?.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        stop();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    // The aborted fetch errored the body (undici: "terminated"): the deadline is the cause.
    signal?.throwIfAborted();
    throw error;
  } finally {
    if (cancelOnAbort) signal?.removeEventListener('abort', stop);
  }
  // Streams hand out ArrayBuffer-backed chunks; the one-chunk case (the usual) is returned as it is.
  if (chunks.length == 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
