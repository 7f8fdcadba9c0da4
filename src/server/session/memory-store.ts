import type { SessionStore } from './store.js';

interface Entry<T> {
  value: T;
  expires: number;
}

/**
 * Sessions in this process's memory: for development and single-process sites (they end when the
 * process does, and other instances cannot see them). Expired entries are swept as the map grows.
 */
export function memoryStore(): SessionStore {
  const values = new Map<string, Entry<string>>();
  const sets = new Map<string, Entry<Set<string>>>();
  let sweepAt = 1024;
  const live = <T>(map: Map<string, Entry<T>>, key: string): T | undefined => {
    const entry = map.get(key);
    if (!entry) return;
    if (entry.expires > Date.now()) return entry.value;
    map.delete(key);
  };
  const sweep = () => {
    if (values.size + sets.size < sweepAt) return;
    const now = Date.now();
    for (const map of [values, sets] as Map<string, Entry<unknown>>[]) for (const [key, entry] of map) if (entry.expires <= now) map.delete(key);
    sweepAt = Math.max(1024, 2 * (values.size + sets.size));
  };
  return {
    async get(key) {
      return live(values, key) ?? null;
    },
    async set(key, value, ttlMs) {
      sweep();
      values.set(key, { value, expires: Date.now() + ttlMs });
    },
    async replace(key, value, ttlMs) {
      if (live(values, key) === undefined) return false;
      values.set(key, { value, expires: Date.now() + ttlMs });
      return true;
    },
    async delete(key) {
      values.delete(key);
      sets.delete(key);
    },
    async addToSet(key, member, ttlMs) {
      sweep();
      const set = live(sets, key) ?? new Set<string>();
      set.add(member);
      const expires = Math.max(Date.now() + ttlMs, sets.get(key)?.expires ?? 0);
      sets.set(key, { value: set, expires });
    },
    async members(key) {
      return [...(live(sets, key) ?? [])];
    },
    async removeFromSet(key, members) {
      const set = live(sets, key);
      for (const member of members) set?.delete(member);
      if (set?.size === 0) sets.delete(key);
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(values, key) !== undefined) return false;
      values.set(key, { value, expires: Date.now() + ttlMs });
      return true;
    },
    async deleteIf(key, value) {
      if (live(values, key) === value) values.delete(key);
    },
  };
}
