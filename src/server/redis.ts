/**
 * login-elements/server/redis: the Redis session store (contract §6) for `createLoginHandler({ session:
 * { store: redisStore(client) } })`, on the official node-redis client (`redis` on npm): one Redis
 * (`createClient`) or a Redis Cluster (`createCluster`).
 */
export { redisStore, type RedisClientLike, type RedisCommandsLike, type RedisStoreOptions } from './session/redis-store.js';
export type { SessionStore } from './session/store.js';
