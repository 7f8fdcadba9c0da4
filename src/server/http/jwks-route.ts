import type { JWK } from 'jose';
import { getOrHead } from './cache.js';
import type { Incoming, Outcome } from './incoming.js';
import type { ProviderClient } from '../upstream/client.js';

/**
 * `GET {basePath}/jwks.json`: the public keys of the `private_key_jwt` providers (RFC 7517 JWK Set),
 * for the provider to verify the client's assertions with (register it as the client's `jwks_uri`).
 * An empty set when no provider has a `privateKey`.
 */
export function createJwksRoute(clients: ReadonlyMap<string, ProviderClient>): (incoming: Incoming) => Promise<Outcome> {
  return async (incoming) => {
    getOrHead(incoming);
    const keys = new Map<string, JWK>();
    for (const client of clients.values()) if (client.publicKey) {
      const jwk = await client.publicKey();
      keys.set(jwk.kid!, jwk);
    }
    return { status: 200, json: JSON.stringify({ keys: [...keys.values()] }), headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=300' } };
  };
}
