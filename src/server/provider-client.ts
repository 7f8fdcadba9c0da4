import * as oauth from 'oauth4webapi';
import type { Dialect } from './upstream/dialect.js';
import { UpstreamCalls } from './upstream/calls.js';
import { dialects, isProviderType } from './dialects/index.js';
import type { ProviderType } from '../contract/wire.js';
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

/** The dialect of one entry (its `type`, else its key), once the entry has what that dialect needs. */
function checkedDialect(name: string, config: ProviderConfig): { type: ProviderType; dialect: Dialect } {
  const type: string = config.type ?? name;
  // Own keys only: a provider named `constructor` is unknown, not Object's constructor.
  if (!isProviderType(type)) throw new TypeError(`provider "${name}": unknown type "${type}"; set type: 'oauth' for a generic provider`);
  const dialect = dialects[type];
  // A generic provider may authenticate with a private key instead (client-auth.ts checks which it needs).
  if (!config.clientId || (type != 'oauth' && !config.clientSecret)) throw new TypeError(`provider "${name}": clientId and clientSecret are required`);
  if (config.privateKey && type != 'oauth') throw new TypeError(`provider "${name}": privateKey (private_key_jwt) is for type 'oauth' providers`);
  checkProviderEntry(name, config);
  return { type, dialect };
}

/** What a client's operations share: the entry, its dialect, its oauth4webapi client and its calls. */
interface ClientParts {
  name: string;
  config: ProviderConfig;
  dialect: Dialect;
  configured: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  calls: UpstreamCalls;
  timeoutMs: number;
}

/**
 * Builds the client for one `providers` entry. `name` is the entry's key; its dialect is
 * `config.type`, else the key itself.
 */
export function createProviderClient(name: string, config: ProviderConfig, limits: UpstreamLimits = {}): ProviderClient {
  const timeoutMs = positiveInteger('timeoutMs', limits.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxUpstreamBytes = positiveInteger('maxUpstreamBytes', limits.maxUpstreamBytes, DEFAULT_MAX_UPSTREAM_BYTES);
  const { type, dialect } = checkedDialect(name, config);
  const configured = dialect.server(config);
  const client: oauth.Client = { client_id: config.clientId, ...dialect.client?.(config) };
  const key = config.privateKey ? signingKey(name, config.privateKey) : undefined;
  const clientAuth = dialect.clientAuth(config, { name, key });
  const calls = new UpstreamCalls({ config, dialect, configured, timeoutMs, maxUpstreamBytes });
  const parts: ClientParts = { name, config, dialect, configured, client, clientAuth, calls, timeoutMs };
  const failed = asAnswer(timeoutMs);
  const provider: ProviderClient = {
    name,
    type,
    clientId: config.clientId,
    authorizeSettings: () => calls.authorizeSettings().catch(failed),
    metadata: () => calls.metadata().catch(failed),
    exchange: (input) => exchangeCode(parts, input),
  };
  if (key) provider.publicKey = async () => (await key()).jwk;
  if (dialect.refresh) provider.refresh = (refreshToken) => refreshAt(parts, refreshToken);
  if (configured.revocation_endpoint || calls.discovery || dialect.revoke) provider.revoke = (token) => revokeAt(parts, token);
  return provider;
}

/** A rejection with an upstream failure as the endpoint's answer (400/502/504). */
const asAnswer = (timeoutMs: number) => (error: unknown) => Promise.reject(fromUpstream(error, timeoutMs));

/** The exchange (contract §4): the code for tokens at the provider, then the user its dialect reads. */
async function exchangeCode(parts: ClientParts, { code, redirectUri, codeVerifier, iss, state, nonce }: ExchangeInput) {
  const { config, dialect, client, clientAuth, calls, timeoutMs } = parts;
  // Configured endpoints need no await (the exchange is the hot path).
  const server = calls.discovery ? await calls.metadata().catch(asAnswer(timeoutMs)) : parts.configured;
  let callback: URLSearchParams;
  try {
    // The browser checked `state`; this checks `iss` (RFC 9207) against the provider's issuer.
    callback = oauth.validateAuthResponse(server, client, new URLSearchParams(iss ? { code, iss } : { code }), oauth.skipStateCheck);
  } catch {
    throw new EndpointError(400, 'invalid_request', `iss does not name this provider's issuer`);
  }
  // Guarded here rather than through `guarded`: two async steps less on the hot path.
  const op = calls.operation();
  try {
    const tokenOptions = dialect.exchangeParameters ? { ...op.tokenOptions, additionalParameters: { ...op.tokenOptions.additionalParameters, ...dialect.exchangeParameters({ state }) } } : op.tokenOptions;
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
}

/** A refresh token for new tokens at the provider's token endpoint. */
const refreshAt = ({ calls, client, clientAuth }: ClientParts, refreshToken: string) =>
  calls.guarded(async (op) => {
    const server = await calls.metadata();
    const response = await oauth.refreshTokenGrantRequest(server, client, clientAuth, refreshToken, op.tokenOptions);
    return pickTokens(await oauth.processRefreshTokenResponse(server, client, response));
  });

/** A token revoked: the dialect's own way, else RFC 7009 at the revocation endpoint. */
const revokeAt = ({ calls, client, clientAuth, dialect, config, name }: ClientParts, token: string) =>
  calls.guarded(async (op) => {
    const server = await calls.metadata();
    if (dialect.revoke) return dialect.revoke({ config, server, token, fetch: op.call as typeof fetch });
    if (!server.revocation_endpoint) throw new TypeError(`provider "${name}" has no revocation endpoint (set revocationEndpoint)`);
    await oauth.processRevocationResponse(await oauth.revocationRequest(server, client, clientAuth, token, op.options));
  });

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
