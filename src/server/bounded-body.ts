/**
 * Reads a body whole, but never more than `max` bytes and never past `signal`: the one reader for the
 * browser's request body (16 KiB, `bodyTimeoutMs`) and a provider's answers (`maxUpstreamBytes`,
 * `timeoutMs`). Over the limit it stops reading at once and cancels the rest.
 */
export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  max: number,
  tooLarge: () => Error,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  // A cancelled read resolves as done; the signal's reason is what the caller gets.
  const stop = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
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
  } finally {
    signal?.removeEventListener('abort', stop);
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
