import { asKeptTokens, asSessionData, type KeptTokens, type SessionData } from './record.js';
import type { createSealer } from './seal.js';
import type { createUserIndex, StoreCall } from './user-index.js';

/**
 * Kept tokens live beside the session record, not in it: a read that moves the idle window rewrites
 * the record, and must never write back tokens a concurrent refresh has just replaced (a rotated
 * refresh token, spent, would end the session at the next refresh).
 */
export const tokensKey = (key: string) => `t:${key.slice(2)}`;

type Sealer = ReturnType<typeof createSealer>;

export interface RecordsContext {
  call: StoreCall;
  /** One key per purpose (contract §6): a record never opens as kept tokens, nor the reverse. */
  sealers: { record: Sealer; tokens: Sealer };
  expiry(data: SessionData): number;
  index: ReturnType<typeof createUserIndex>;
}

/** A store's session records and kept tokens, sealed: what is read, written and deleted at a key. */
export function createRecords({ call, sealers, expiry, index }: RecordsContext) {
  /** The record at `key`, expired or not. */
  async function record(key: string): Promise<SessionData | null> {
    const sealed = await call((s) => s.get(key));
    return sealed === null ? null : asSessionData(await sealers.record.open(sealed));
  }

  /** The live session at `key`; one found expired (a maxAge lowered since) is ended on the way. */
  async function load(key: string): Promise<SessionData | null> {
    const data = await record(key);
    if (!data || Date.now() < expiry(data)) return data;
    await remove(key, data).catch(() => {});
    return null;
  }

  /** Writes a new session's record. */
  async function save(key: string, data: SessionData): Promise<void> {
    const sealed = await sealers.record.seal(data);
    await call((s) => s.set(key, sealed, expiry(data) - Date.now()));
  }

  /**
   * Updates a live session's record: false when it is gone (ended meanwhile by a logout, here or on
   * another instance), which an update must never bring back.
   */
  async function update(key: string, data: SessionData): Promise<boolean> {
    const sealed = await sealers.record.seal(data);
    return call((s) => s.replace(key, sealed, expiry(data) - Date.now()));
  }

  async function loadTokens(key: string): Promise<KeptTokens | null> {
    const sealed = await call((s) => s.get(tokensKey(key)));
    return sealed === null ? null : asKeptTokens(await sealers.tokens.open(sealed));
  }

  /**
   * Kept until the session's absolute end; the session record decides whether they are still used.
   * `replace`: only over tokens still kept (a refresh), false when the session ended meanwhile.
   */
  async function saveTokens(key: string, tokens: KeptTokens, data: SessionData, replace = false): Promise<boolean> {
    const sealed = await sealers.tokens.seal(tokens);
    const ttl = data.e - Date.now();
    if (replace) return call((s) => s.replace(tokensKey(key), sealed, ttl));
    await call((s) => s.set(tokensKey(key), sealed, ttl));
    return true;
  }

  /** Deletes a session's record and its tokens, and (given its data) takes it out of its user's set. */
  async function remove(key: string, data?: SessionData | null): Promise<void> {
    await Promise.all([call((s) => s.delete(key)), call((s) => s.delete(tokensKey(key))), index.remove(key, data)]);
  }

  /** Deletes a record and its tokens, leaving the user's set to its caller. */
  const drop = (key: string) => Promise.all([call((s) => s.delete(key)), call((s) => s.delete(tokensKey(key)))]);

  return { record, load, save, update, loadTokens, saveTokens, remove, drop };
}

export type Records = ReturnType<typeof createRecords>;
