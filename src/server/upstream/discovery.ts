import * as oauth from 'oauth4webapi';

/** How long a discovery document is used before it is fetched again. */
export const DISCOVERY_TTL_MS = 60 * 60 * 1000;

/**
 * An issuer's metadata from its discovery document (contract §4 "Discovery"): OpenID Connect Discovery,
 * then RFC 8414's well-known path when that is not found. Fetched with the options `withOptions`
 * lends for one operation (the caller's bounded upstream calls: timeout, size), on first use and again
 * after an hour; concurrent requests share one fetch, and a failure is not remembered (the next
 * request tries again).
 */
export function createDiscovery(issuer: string, withOptions: <T>(use: (options: oauth.DiscoveryRequestOptions) => Promise<T>) => Promise<T>) {
  const url = new URL(issuer);
  let cached: { server: oauth.AuthorizationServer; until: number } | undefined;
  let pending: Promise<oauth.AuthorizationServer> | undefined;

  const discover = () =>
    withOptions(async (options): Promise<oauth.AuthorizationServer> => {
      const response = await oauth.discoveryRequest(url, { ...options, algorithm: 'oidc' });
      if (response.status != 404) return oauth.processDiscoveryResponse(url, response);
      void response.body?.cancel().catch(() => {});
      return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { ...options, algorithm: 'oauth2' }));
    });

  return (): Promise<oauth.AuthorizationServer> => {
    if (cached && cached.until > Date.now()) return Promise.resolve(cached.server);
    pending ??= discover()
      .then((server) => {
        cached = { server, until: Date.now() + DISCOVERY_TTL_MS };
        return server;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}
