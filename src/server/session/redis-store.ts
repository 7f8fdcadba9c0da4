import type { SessionStore } from './store.js';

/** The commands the store uses, as node-redis v5 (`redis` on npm) names them on a client and a cluster. */
export interface RedisCommandsLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number }; condition?: 'NX' | 'XX' }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  del(keys: string | string[]): Promise<unknown>;
  sMembers(key: string): Promise<unknown>;
  sRem(key: string, members: string[]): Promise<unknown>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * A connected node-redis client (`createClient()`, which says `isReady`) or cluster (`createCluster()`,
 * which says only `isOpen`). Typed by shape so the store's types do not pin one client version.
 */
export type RedisClientLike = RedisCommandsLike & ({ readonly isReady: boolean } | { readonly isOpen: boolean });

export interface RedisStoreOptions {
  /**
   * Prepended to every key, to share a Redis with other data. Default `login-elements:`. Without `{` or
   * `}`: a session's keys share a Redis Cluster hash slot by the `{…}` after it.
   */
  prefix?: string;
}

/** Deletes the key only when it holds the expected value, atomically (Redis has no such command before 8.4). */
const DELETE_IF = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
/** Adds a member and moves the set's expiry, in one round trip (the set is one key: any shard runs it). */
const ADD_TO_SET = "redis.call('sadd', KEYS[1], ARGV[1]) return redis.call('pexpire', KEYS[1], ARGV[2])";

const ms = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));
const px = (ttlMs: number) => ({ type: 'PX' as const, value: ms(ttlMs) });

class RedisDown extends Error {
  constructor() {
    super('Redis is not connected');
  }
}

/**
 * Sessions in Redis or a Redis Cluster, for any number of instances (contract §6). Pass a connected
 * node-redis client, `redisStore(await createClient({ url }).connect())`, or cluster,
 * `redisStore(await createCluster({ rootNodes, defaults: { disableOfflineQueue: true } }).connect())`.
 * While a client is not connected every call fails at once (the endpoint answers 503) instead of
 * waiting in its offline queue; it reconnects by itself and the sessions work again. A cluster stays
 * open while one shard is down: `disableOfflineQueue` makes that shard's calls fail at once too.
 * Every command names one key (or keys of one slot): node-redis routes it and follows MOVED/ASK.
 */
export function redisStore(client: RedisClientLike, { prefix = 'login-elements:' }: RedisStoreOptions = {}): SessionStore {
  // node-redis throws an 'error' event with no listener, which ends the process: an outage of the
  // store must be a 503, not a crash. The endpoint reports it per request.
  client.on('error', () => {});
  const connected: () => boolean = 'isReady' in client ? () => client.isReady : () => client.isOpen;
  const ready = () => {
    if (!connected()) throw new RedisDown();
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
      // Every member comes with the same lifetime, so the latest addition's expiry is the furthest.
      await client.eval(ADD_TO_SET, { keys: [prefix + key], arguments: [member, String(ms(ttlMs))] });
    },
    async members(key) {
      ready();
      const members = await client.sMembers(prefix + key);
      return Array.isArray(members) ? members.map(String) : [];
    },
    async removeFromSet(key, members) {
      ready();
      if (members.length) await client.sRem(prefix + key, members);
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
