import { nodeCrypto } from './node-crypto.js';
import { base64url } from './seal.js';

const encoder = new TextEncoder();

/**
 * SHA-256, base64url: how a store keys a session id or a user (never the id itself). Synchronous
 * where the runtime hands over `node:crypto` (~1 µs, where WebCrypto's `digest` is a thread-pool job
 * of ~7 µs) — then a string —, else a promise: `await` it, or test for a string on a hot path.
 */
export function hash(text: string): string | Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('base64url');
  return crypto.subtle.digest('SHA-256', encoder.encode(text)).then((digest) => base64url(new Uint8Array(digest)));
}

/**
 * A session's store key, `s:{H}` (H the id's hash); its tokens are `t:{H}` and its refresh lock
 * `l:{H}`: the braces are a Redis Cluster hash tag, so all three live on one shard.
 */
export function sessionKey(id: string): string | Promise<string> {
  const digest = hash(id);
  return typeof digest == 'string' ? `s:{${digest}}` : digest.then((h) => `s:{${h}}`);
}

/** A session id: 256 random bits, base64url (43 characters). */
export function randomId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
