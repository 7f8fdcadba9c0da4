import { base64url } from './seal.js';

const encoder = new TextEncoder();

/** The part of `node:crypto` used here, by shape: this entry imports no `node:*` module statically. */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'base64url'): string } };
}

/**
 * `node:crypto` where the runtime hands it over without an import (Node ≥ 20.16, Bun, Deno): its
 * SHA-256 runs in this thread (~1 µs), where WebCrypto's `digest` is a job on the thread pool (~7 µs
 * and two thread hand-offs) on a session read's hot path. Elsewhere (workerd, browsers) WebCrypto.
 */
const nodeCrypto = (() => {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const module = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
    return typeof module?.createHash == 'function' ? (module as NodeCrypto) : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * SHA-256, base64url: how a store keys a session id or a user (never the id itself). Synchronous
 * where the runtime allows (then a string), else a promise: `await` it, or test for a string on a hot path.
 */
export function hash(text: string): string | Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('base64url');
  return crypto.subtle.digest('SHA-256', encoder.encode(text)).then((digest) => base64url(new Uint8Array(digest)));
}

/** A session id: 256 random bits, base64url (43 characters). */
export function randomId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
