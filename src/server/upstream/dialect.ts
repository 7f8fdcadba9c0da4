import type * as oauth from 'oauth4webapi';
import type { SigningKey } from './signing-key.js';
import type { LoginUser, ProviderConfig } from '../shared/login.js';

/** What a dialect's user lookup gets: the validated token response and a fetch bound to the timeout. */
export interface UserContext {
  config: ProviderConfig;
  server: oauth.AuthorizationServer;
  client: oauth.Client;
  tokens: oauth.TokenEndpointResponse;
  /** ID-token claims, already checked by oauth4webapi (iss, aud, exp, azp). */
  claims?: oauth.IDToken;
  fetch: typeof fetch;
  /** oauth4webapi options for further calls (timeout fetch, http allowed for local servers). */
  options: oauth.HttpRequestOptions<'GET'>;
}

/** What a dialect's own revocation gets: the token, the endpoints and a fetch bound to the timeout. */
export interface RevokeContext {
  config: ProviderConfig;
  server: oauth.AuthorizationServer;
  token: string;
  fetch: typeof fetch;
}

/** What the browser needs for a provider's authorize request (contract §7): public settings only. */
export interface AuthorizeSettings {
  /** Undefined when neither the config nor the metadata names one. */
  authorizeEndpoint?: string;
  /** In the provider's own format; empty: none. */
  scope: string;
  pkce: 's256' | 'off';
  /** Provider-specific authorize parameters (UPBOND's `audience`, the config's `params`). */
  params?: Record<string, string>;
  /** BellaDati: `post` submits the authorize parameters into the popup with a form. */
  authorizeMethod?: 'get' | 'post';
}

/**
 * One provider's server-side dialect: data plus the hooks its quirks need. The shared flow in
 * provider-client.ts does the standard parts with oauth4webapi.
 */
export interface Dialect {
  /** oauth4webapi's view of the provider: issuer and endpoints, with the config's overrides. */
  server(config: ProviderConfig): oauth.AuthorizationServer;
  /** The authorize request's settings, from the config and `server` (discovered where it was). */
  authorize(config: ProviderConfig, server: oauth.AuthorizationServer): AuthorizeSettings;
  /** How the client authenticates at the token endpoint. */
  clientAuth(config: ProviderConfig, context: { name: string; key?: () => Promise<SigningKey> }): oauth.ClientAuth;
  /** The method `clientAuth` uses with `server` (for the hint after an `invalid_client`). */
  authMethod?(config: ProviderConfig, server: oauth.AuthorizationServer): string;
  /** Extra token-request parameters. */
  tokenParameters?(config: ProviderConfig): Record<string, string>;
  /** Extra parameters of the code exchange only, from the exchange body (Naver's `state`). */
  exchangeParameters?(input: { state?: string }): Record<string, string>;
  /** Client metadata beyond the id (LINE: its ID tokens are HS256). */
  client?(config: ProviderConfig): Partial<oauth.Client>;
  /** The provider's own revocation, where it is not RFC 7009's (GitHub's DELETE, Naver's grant_type=delete). */
  revoke?(context: RevokeContext): Promise<void>;
  /** Rewrites the standard form request into the provider's wire format. */
  adaptRequest?(config: ProviderConfig, init: RequestInit & { headers: Record<string, string> }): RequestInit;
  /** Rewrites the provider's answer into an RFC 6749 one (errors included). */
  adaptResponse?(response: Response): Promise<Response>;
  /** The normalised user, or null when the provider has no way to say who logged in. */
  user(context: UserContext): Promise<LoginUser | null>;
  /** Whether the provider issues refresh tokens that `refresh()` can use. */
  refresh: boolean;
}

/** The config's `params`, as the listing carries them (absent when there are none). */
export const paramsOf = (config: ProviderConfig, own: Record<string, string | undefined> = {}): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...own, ...config.params })) if (value) params[key] = value;
  return Object.keys(params).length ? params : undefined;
};

/** The common authorize settings: the server's endpoint, the config's scope else `scope`, the config's params. */
export const authorizeWith =
  (scope: string, pkce: 's256' | 'off' = 's256') =>
  (config: ProviderConfig, server: oauth.AuthorizationServer): AuthorizeSettings => ({
    authorizeEndpoint: server.authorization_endpoint,
    scope: config.scope ?? scope,
    pkce,
    params: paramsOf(config),
  });

/** `base` with the config's overrides applied. */
export function serverWith(config: ProviderConfig, base: oauth.AuthorizationServer): oauth.AuthorizationServer {
  return {
    ...base,
    issuer: config.issuer ?? base.issuer,
    authorization_endpoint: config.authorizeEndpoint ?? base.authorization_endpoint,
    token_endpoint: config.tokenEndpoint ?? base.token_endpoint,
    userinfo_endpoint: config.userinfoEndpoint ?? base.userinfo_endpoint,
    revocation_endpoint: config.revocationEndpoint ?? base.revocation_endpoint,
    end_session_endpoint: config.endSessionEndpoint ?? base.end_session_endpoint,
  };
}
