/**
 * Where server-side sessions live (contract §6 "With a store"). Small on purpose, so a KV, a database or a
 * cache can carry it: keys and values are opaque strings (keys already hashed, values sealed). The
 * keys of one session differ only before their `{…}` part (`s:{H}`, `t:{H}`, `l:{H}`): a sharded store
 * can keep them together by it, as Redis Cluster does (hash tags).
 * Every call may reject or hang when the store is down: the endpoint answers 503
 * `session_store_unavailable` after `timeoutMs`, and never sets a cookie for a record it could not write.
 */
export interface SessionStore {
  /** The value at `key`, or null when there is none (or it expired). */
  get(key: string): Promise<string | null>;
  /** Stores `value` at `key` for `ttlMs` milliseconds, replacing any value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Stores `value` at `key` for `ttlMs` only when `key` still holds a value: true when it did. Every
   * update of an existing session goes through it, so a session deleted meanwhile (logout,
   * `everywhere` from another instance) stays deleted (Redis: `SET key value XX PX ttl`).
   */
  replace(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Removes `key` (a value or a set); no error when it is absent. */
  delete(key: string): Promise<void>;
  /**
   * Adds `member` to the set at `key` and keeps the set at least `ttlMs` from now: a user's session
   * keys, so `everywhere` can end them all.
   */
  addToSet(key: string, member: string, ttlMs: number): Promise<void>;
  /** The members of the set at `key` (empty when there is none). */
  members(key: string): Promise<string[]>;
  /**
   * Removes `members` from the set at `key` (absent ones are no error): a session that ended or was
   * replaced leaves its user's set, so the set stays as small as the user's live sessions.
   */
  removeFromSet(key: string, members: string[]): Promise<void>;
  /**
   * Sets `key` only when it is absent, for `ttlMs`: true when this call set it. The lock that makes a
   * refresh happen once per session across instances (Redis: `SET key value NX PX ttl`).
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Removes `key` only when it still holds `value`, in one step: the lock's holder frees its own lock,
   * never one another instance took after it expired (Redis: a compare-and-delete script).
   */
  deleteIf(key: string, value: string): Promise<void>;
}
