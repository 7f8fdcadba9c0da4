import { base64url } from 'jose';
import { nodeCrypto } from './node-crypto.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The only protected header this server writes: `{alg: "dir", enc: "A256GCM", kid}`. */
function isOurHeader(header: unknown): header is { alg: 'dir'; enc: 'A256GCM'; kid: string } {
  if (typeof header != 'object' || header === null) return false;
  const { alg, enc, kid, ...rest } = header as Record<string, unknown>;
  return alg === 'dir' && enc === 'A256GCM' && typeof kid == 'string' && Object.keys(rest).length == 0;
}

/**
 * Opens a compact JWE `dir`/`A256GCM` in this thread with `node:crypto`'s AES-256-GCM, where the
 * runtime hands it over: the same check as `jose` on WebCrypto (the tag over the ciphertext and the
 * protected header as AAD), without a thread-pool job, which costs a session read more than the
 * decryption does. `value` has passed the seal's alphabet check. Returns the plaintext, null for a
 * value that does not open, or undefined where this runtime has no `node:crypto` (then use `jose`).
 */
export function openInThread(value: string, keyFor: (kid: string) => Uint8Array | undefined): string | null | undefined {
  if (!nodeCrypto) return undefined;
  const [head, , iv, ciphertext, tag] = value.split('.') as [string, string, string, string, string];
  try {
    const header: unknown = JSON.parse(decoder.decode(base64url.decode(head)));
    const key = isOurHeader(header) ? keyFor(header.kid) : undefined;
    const [ivBytes, tagBytes] = [base64url.decode(iv), base64url.decode(tag)];
    if (!key || ivBytes.length != 12 || tagBytes.length != 16) return null;
    const decipher = nodeCrypto.createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: 16 });
    decipher.setAAD(encoder.encode(head));
    decipher.setAuthTag(tagBytes);
    const start = decipher.update(base64url.decode(ciphertext));
    const end = decipher.final();
    if (!end.length) return decoder.decode(start);
    const all = new Uint8Array(start.length + end.length);
    all.set(start);
    all.set(end, start.length);
    return decoder.decode(all);
  } catch {
    return null;
  }
}
