import { hash } from './hash.js';
import type { SessionData } from './record.js';
import type { SessionStore } from './store.js';

/** A store call within the handler's deadline (sessions.ts's `call`). */
export type StoreCall = <T>(operation: (store: SessionStore) => Promise<T>) => Promise<T>;

/** Members a login checks for life, at most: a login's work stays bounded whatever the set holds. */
const PRUNE_AT_MOST = 64;
/** Store calls in flight at once when many members are checked or ended. */
const PARALLEL = 16;

/** `fn` over `items`, `PARALLEL` at a time: as many round trips as batches, not as items. */
export async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(fn))));
  return results;
}

/** A few members picked at random, so that checks spread over a set larger than `count`. */
function sample<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const copy = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(Math.random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/**
 * The user's session index (contract §6 "A user's session index stays small"): the set of a user's
 * session keys, for `everywhere`. A session leaves it when it ends or is replaced; a login drops
 * members whose record is gone (expired, or ended where its user was not known); so the set holds
 * about the user's live sessions, not every login since the first.
 */
export function createUserIndex(call: StoreCall) {
  const keyOf = async (provider: string, id: string) => `u:{${await hash(`${provider}\u0000${id}`)}}`;
  const indexOf = (data: SessionData | null | undefined) => (data?.u ? keyOf(data.p, data.u.id) : undefined);

  return {
    indexOf,

    /** Adds a new session to its user's set, then drops members that are dead. */
    async add(key: string, data: SessionData, ttlMs: number): Promise<void> {
      const index = await indexOf(data);
      if (!index) return;
      await call((s) => s.addToSet(index, key, ttlMs));
      const others = (await call((s) => s.members(index))).filter((member) => member !== key);
      const dead = await inBatches(sample(others, PRUNE_AT_MOST), async (member) => ((await call((s) => s.get(member))) === null ? member : undefined));
      const gone = dead.filter((member): member is string => member !== undefined);
      if (gone.length) await call((s) => s.removeFromSet(index, gone));
    },

    /** Takes an ended or replaced session out of its user's set. */
    async remove(key: string, data: SessionData | null | undefined): Promise<void> {
      const index = await indexOf(data);
      if (index) await call((s) => s.removeFromSet(index, [key]));
    },
  };
}
