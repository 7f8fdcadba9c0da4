/** Session-store helpers for tests: the keys a session and a user get, and a store that counts its calls. */
import { createHash } from 'node:crypto';
import type { SessionStore } from '../../src/server/index.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A session's store keys from its cookie's id: record, kept tokens, refresh lock (one hash tag). */
export const sessionKeys = (id: string) => ({ record: `s:{${sha256(id)}}`, tokens: `t:{${sha256(id)}}`, lock: `l:{${sha256(id)}}` });

/** The key of a user's session index. */
export const userIndexKey = (provider: string, userId: string) => `u:{${sha256(`${provider}\u0000${userId}`)}}`;

/** `inner`, counting every call (`calls.total`, and per method); `fail` makes the named method reject. */
export function counted(inner: SessionStore) {
  const calls = { total: 0, byMethod: {} as Record<string, number> };
  const failing = new Set<keyof SessionStore>();
  const store = {} as SessionStore;
  for (const name of Object.keys(inner) as (keyof SessionStore)[]) {
    const method = inner[name] as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      calls.total++;
      calls.byMethod[name] = (calls.byMethod[name] ?? 0) + 1;
      if (failing.has(name)) throw new Error(`${name} failed (test)`);
      return method(...args);
    };
  }
  return {
    store,
    calls,
    reset: () => ((calls.total = 0), (calls.byMethod = {})),
    fail: (name: keyof SessionStore, on = true) => void (on ? failing.add(name) : failing.delete(name)),
  };
}
