/**
 * login-elements/server/redis: the Redis session store (contract §6) for `createLoginHandler({ session:
 * { store: redisStore(client) } })`, on the official node-redis client (`redis` on npm).
 */
export { redisStore, type RedisClientLike, type RedisStoreOptions } from './session/redis-store.js';
export type { SessionStore } from './session/store.js';
