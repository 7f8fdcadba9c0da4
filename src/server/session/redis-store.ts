import type { SessionStore } from './store.js';

/**
 * The part of a node-redis client (`redis` on npm, v5: `createClient()`) the store uses. Typed by
 * shape so the store's types do not pin one client version.
 */
export interface RedisClientLike {
  readonly isReady: boolean;
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number }; condition?: 'NX' | 'XX' }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  del(keys: string | string[]): Promise<unknown>;
  sAdd(key: string, member: string): Promise<unknown>;
  pExpire(key: string, milliseconds: number): Promise<unknown>;
  sMembers(key: string): Promise<unknown>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

export interface RedisStoreOptions {
  /** Prepended to every key, to share a Redis with other data. Default `login-elements:`. */
  prefix?: string;
}

/** Deletes the key only when it holds the expected value, atomically (Redis has no such command before 8.4). */
const DELETE_IF = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

const px = (ttlMs: number) => ({ type: 'PX' as const, value: Math.max(1, Math.ceil(ttlMs)) });

class RedisDown extends Error {
  constructor() {
    super('Redis is not connected');
  }
}

/**
 * Sessions in Redis, for any number of instances (contract §6). Pass a connected node-redis client:
 * `redisStore(await createClient({ url }).connect())`. While the client is not connected every call
 * fails at once (the endpoint answers 503) instead of waiting in the client's offline queue; the
 * client reconnects by itself and the sessions work again.
 */
export function redisStore(client: RedisClientLike, { prefix = 'login-elements:' }: RedisStoreOptions = {}): SessionStore {
  // node-redis throws an 'error' event with no listener, which ends the process: an outage of the
  // store must be a 503, not a crash. The endpoint reports it per request.
  client.on('error', () => {});
  const ready = () => {
    if (!client.isReady) throw new RedisDown();
  };
  return {
    async get(key) {
      ready();
      const value = await client.get(prefix + key);
      return typeof value == 'string' ? value : null;
    },
    async set(key, value, ttlMs) {
      ready();
      await client.set(prefix + key, value, { expiration: px(ttlMs) });
    },
    async replace(key, value, ttlMs) {
      ready();
      return (await client.set(prefix + key, value, { expiration: px(ttlMs), condition: 'XX' })) === 'OK';
    },
    async delete(key) {
      ready();
      await client.del(prefix + key);
    },
    async addToSet(key, member, ttlMs) {
      ready();
      await client.sAdd(prefix + key, member);
      // Every member comes with the same lifetime, so the latest addition's expiry is the furthest.
      await client.pExpire(prefix + key, Math.max(1, Math.ceil(ttlMs)));
    },
    async members(key) {
      ready();
      const members = await client.sMembers(prefix + key);
      return Array.isArray(members) ? members.map(String) : [];
    },
    async setIfAbsent(key, value, ttlMs) {
      ready();
      const answer = await client.set(prefix + key, value, { expiration: px(ttlMs), condition: 'NX' });
      return answer === 'OK';
    },
    async deleteIf(key, value) {
      ready();
      await client.eval(DELETE_IF, { keys: [prefix + key], arguments: [value] });
    },
  };
}
