import * as oauth from 'oauth4webapi';
import { serverWith, type AuthorizeSettings, type Dialect } from './upstream/dialect.js';
import { createDiscovery } from './upstream/discovery.js';
import { dialects } from './dialects/index.js';
import { bounded } from './upstream/answer.js';
import { Deadlines } from './shared/deadlines.js';
import { expectNonce, nonceRefusal } from './upstream/nonce.js';
import { positiveInteger } from './shared/settings.js';
import { signingKey } from './upstream/signing-key.js';
import { withBasicHint } from './upstream/client-auth.js';
import { checkProviderEntry } from './shared/url-options.js';
import { EndpointError, fromUpstream } from './shared/errors.js';
import type { LoginTokens, ProviderConfig } from './types.js';
import { DEFAULT_MAX_UPSTREAM_BYTES, DEFAULT_TIMEOUT_MS, type ExchangeInput, type ProviderClient, type UpstreamLimits } from './upstream/client.js';

export { DEFAULT_MAX_UPSTREAM_BYTES, DEFAULT_TIMEOUT_MS, type ExchangeInput, type ProviderClient, type UpstreamLimits };

/** Only the token fields the rest of the app may need, with `expires_in` normalised. */
function pickTokens(response: oauth.TokenEndpointResponse): LoginTokens {
  const tokens: LoginTokens = { access_token: response.access_token, token_type: response.token_type };
  if (response.expires_in !== undefined) tokens.expires_in = response.expires_in;
  if (response.refresh_token) tokens.refresh_token = response.refresh_token;
  if (response.id_token) tokens.id_token = response.id_token;
  if (typeof response.scope === 'string') tokens.scope = response.scope;
  return tokens;
}

/**
 * Builds the client for one `providers` entry. `name` is the entry's key; its dialect is
 * `config.type`, else the key itself.
 */
export function createProviderClient(
  name: string,
  config: ProviderConfig,
  limits: UpstreamLimits = {},
): ProviderClient {
  const timeoutMs = positiveInteger('timeoutMs', limits.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxUpstreamBytes = positiveInteger('maxUpstreamBytes', limits.maxUpstreamBytes, DEFAULT_MAX_UPSTREAM_BYTES);
  const type = config.type ?? name;
  // Own keys only: a provider named `constructor` is unknown, not Object's constructor.
  const dialect: Dialect | undefined = Object.hasOwn(dialects, type) ? dialects[type] : undefined;
  if (!dialect) throw new TypeError(`provider "${name}": unknown type "${config.type ?? name}"; set type: 'oauth' for a generic provider`);
  // A generic provider may authenticate with a private key instead (client-auth.ts checks which it needs).
  if (!config.clientId || (type != 'oauth' && !config.clientSecret)) throw new TypeError(`provider "${name}": clientId and clientSecret are required`);
  if (config.privateKey && type != 'oauth') throw new TypeError(`provider "${name}": privateKey (private_key_jwt) is for type 'oauth' providers`);
  checkProviderEntry(name, config);
  const configured = dialect.server(config);
  const client: oauth.Client = { client_id: config.clientId, ...dialect.client?.(config) };
  const key = config.privateKey ? signingKey(name, config.privateKey) : undefined;
  const clientAuth = dialect.clientAuth(config, { name, key });
  /** The endpoints as last known: configured, or discovered with the configured ones over them. */
  let known = configured;
  // Plain http only where the site itself configured it (a development provider): a discovery
  // document never downgrades an https issuer's calls, which carry the client secret.
  const insecure = [configured.issuer, configured.token_endpoint, configured.userinfo_endpoint, configured.revocation_endpoint].some((url) => url?.startsWith('http:'));

  /** Every upstream call: bounded in time (body included) and size, reshaped by the dialect. */
  const upstream = async (deadlines: Deadlines, url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const signal = deadlines.signal();
    const target = String(url instanceof Request ? url.url : url);
    const isTokenCall = target === known.token_endpoint || target === known.revocation_endpoint;
    let request: RequestInit = { ...init, signal, redirect: 'manual' };
    if (isTokenCall && dialect.adaptRequest)
      request = { ...request, ...dialect.adaptRequest(config, { ...request, headers: Object.fromEntries(new Headers(init.headers)) }) };
    const answer = await fetch(target, request);
    deadlines.answered(answer);
    const response = await bounded(answer, maxUpstreamBytes, signal);
    return isTokenCall && dialect.adaptResponse ? dialect.adaptResponse(response) : response;
  };
  const additionalParameters = dialect.tokenParameters?.(config);
  /**
   * One operation's upstream calls (an exchange, a refresh, a discovery): its fetch and oauth4webapi
   * options, under deadlines that `release` drops when the operation is over.
   */
  const operation = () => {
    const deadlines = new Deadlines(timeoutMs);
    const call = (url: string | URL | Request, init?: RequestInit) => upstream(deadlines, url, init);
    const options = { [oauth.customFetch]: call, [oauth.allowInsecureRequests]: insecure };
    return { call, options, tokenOptions: { ...options, additionalParameters }, release: deadlines.release };
  };
  type Operation = ReturnType<typeof operation>;
  /** Runs `step` as one operation; its deadlines are released however it ends. */
  const scoped = async <T>(step: (op: Operation) => Promise<T>): Promise<T> => {
    const op = operation();
    try {
      return await step(op);
    } finally {
      op.release();
    }
  };
  // An oauth provider named by its issuer alone: the endpoints come from its discovery document.
  const discovery = configured.token_endpoint ? undefined : createDiscovery(configured.issuer, (use) => scoped((op) => use(op.options)));
  let discovered: { from: oauth.AuthorizationServer; server: oauth.AuthorizationServer } | undefined;
  const metadata = async (): Promise<oauth.AuthorizationServer> => {
    if (!discovery) return configured;
    const document = await discovery();
    // The same merged object while the document is the same (the options above are keyed by it).
    if (discovered?.from !== document) discovered = { from: document, server: serverWith(config, document) };
    known = discovered.server;
    return known;
  };

  /** Runs an upstream step as one operation; any failure becomes the endpoint's answer (400/502/504). */
  const guarded = async <T>(step: (op: Operation) => Promise<T>): Promise<T> => {
    try {
      return await scoped(step);
    } catch (error) {
      throw fromUpstream(error, timeoutMs);
    }
  };

  // For the listing only: an issuer without an authorize endpoint, where the exchange needs no discovery.
  let listingDiscovery: (() => Promise<oauth.AuthorizationServer>) | undefined;
  const authorizeSettings = async (): Promise<AuthorizeSettings> => {
    let server = discovery ? await metadata() : configured;
    if (!server.authorization_endpoint && !discovery && config.issuer) {
      listingDiscovery ??= createDiscovery(config.issuer, (use) => scoped((op) => use(op.options)));
      server = serverWith(config, await listingDiscovery());
    }
    return dialect.authorize(config, server);
  };

  const provider: ProviderClient = {
    name,
    type,
    clientId: config.clientId,
    authorizeSettings: () => authorizeSettings().catch((error: unknown) => Promise.reject(fromUpstream(error, timeoutMs))),
    metadata: () => metadata().catch((error: unknown) => Promise.reject(fromUpstream(error, timeoutMs))),
    async exchange({ code, redirectUri, codeVerifier, iss, state, nonce }) {
      // Configured endpoints need no await (the exchange is the hot path).
      const server = discovery ? await provider.metadata() : configured;
      let callback: URLSearchParams;
      try {
        // The browser checked `state`; this checks `iss` (RFC 9207) against the provider's issuer.
        callback = oauth.validateAuthResponse(server, client, new URLSearchParams(iss ? { code, iss } : { code }), oauth.skipStateCheck);
      } catch {
        throw new EndpointError(400, 'invalid_request', `iss does not name this provider's issuer`);
      }
      // Guarded here rather than through `guarded`: two async steps less on the hot path.
      const op = operation();
      try {
        const tokenOptions = dialect.exchangeParameters ? { ...op.tokenOptions, additionalParameters: { ...additionalParameters, ...dialect.exchangeParameters({ state }) } } : op.tokenOptions;
        const answer = await oauth.authorizationCodeGrantRequest(server, client, clientAuth, callback, redirectUri, codeVerifier ?? oauth.nopkce, tokenOptions);
        const [response, expected] = nonce ? await expectNonce(answer, nonce) : [answer, undefined];
        const result = await oauth.processAuthorizationCodeResponse(server, client, response, expected);
        const claims = oauth.getValidatedIdTokenClaims(result);
        const user = await dialect.user({ config, server, client, tokens: result, claims, fetch: op.call as typeof fetch, options: op.options });
        return { user, tokens: pickTokens(result) };
      } catch (error) {
        throw nonceRefusal(error, nonce) ?? withBasicHint(fromUpstream(error, timeoutMs), dialect.authMethod?.(config, server));
      } finally {
        op.release();
      }
    },
  };
  if (key) provider.publicKey = async () => (await key()).jwk;
  if (dialect.refresh) {
    provider.refresh = (refreshToken) =>
      guarded(async (op) => {
        const server = await metadata();
        const response = await oauth.refreshTokenGrantRequest(server, client, clientAuth, refreshToken, op.tokenOptions);
        return pickTokens(await oauth.processRefreshTokenResponse(server, client, response));
      });
  }
  if (configured.revocation_endpoint || discovery || dialect.revoke) {
    provider.revoke = (token) =>
      guarded(async (op) => {
        const server = await metadata();
        if (dialect.revoke) return dialect.revoke({ config, server, token, fetch: op.call as typeof fetch });
        if (!server.revocation_endpoint) throw new TypeError(`provider "${name}" has no revocation endpoint (set revocationEndpoint)`);
        await oauth.processRevocationResponse(await oauth.revocationRequest(server, client, clientAuth, token, op.options));
      });
  }
  return provider;
}


/** Exchanges a refresh token at the provider (`name`'s dialect, as in `providers`). */
export function refresh(name: string, config: ProviderConfig, refreshToken: string, options?: UpstreamLimits): Promise<LoginTokens> {
  const client = createProviderClient(name, config, options);
  if (!client.refresh) throw new TypeError(`provider "${name}" does not issue refresh tokens`);
  return client.refresh(refreshToken);
}

/** Revokes a token at the provider's revocation endpoint. */
export function revoke(name: string, config: ProviderConfig, token: string, options?: UpstreamLimits): Promise<void> {
  const client = createProviderClient(name, config, options);
  if (!client.revoke) throw new TypeError(`provider "${name}" has no revocation endpoint (set revocationEndpoint)`);
  return client.revoke(token);
}
