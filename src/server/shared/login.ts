/** What a login yields and what configures a provider: the types every part of the server shares. */
import type { ProviderType } from '../../contract/wire.js';

/** A signed-in user, normalised per provider; `raw` is what the provider said (never tokens). */
export interface LoginUser {
  id: string;
  raw: Record<string, unknown>;
  [field: string]: unknown;
}

/** Token-endpoint result, normalised: `expires_in` in seconds whatever the provider sends. */
export interface LoginTokens {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

/** One provider entry of `providers`. Every endpoint can be overridden (staging, self-hosted, tests). */
export interface ProviderConfig {
  /** Dialect (`bbaton`, `google`, …, or `oauth`); default: the entry's key. */
  type?: ProviderType;
  clientId: string;
  /** Required, but for an `oauth` provider authenticating with `privateKey` (`private_key_jwt`). */
  clientSecret?: string;
  issuer?: string;
  /** Where the browser sends the person to log in (`GET {basePath}/providers` lists it). */
  authorizeEndpoint?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  revocationEndpoint?: string;
  /** OpenID Connect RP-Initiated Logout: where `POST {basePath}/logout` sends the browser next. */
  endSessionEndpoint?: string;
  /**
   * With sessions: where the provider sends the browser after its sign-out when the logout names no
   * `returnTo` (`post_logout_redirect_uri`); a URL on an allowed origin, registered at the provider.
   */
  postLogoutRedirectUri?: string;
  /** The display name pages show (`GET {basePath}/providers`); default: a built-in's own, else the issuer's host. */
  label?: string;
  /**
   * The scope the browser asks for. Default: the dialect's own; for an `oauth` provider with `issuer`,
   * `openid profile email` (those its metadata lists, where it lists `scopes_supported`).
   */
  scope?: string;
  /** `oauth` only: PKCE S256 (`s256`, default) or none (`off`). */
  pkce?: 's256' | 'off';
  /** Extra authorize parameters the browser sends (`prompt`, `acr_values`…); public, never a secret. */
  params?: Record<string, string>;
  /** The redirect URI pages use for this provider. Default: `{page origin}{basePath}/callback`. */
  redirectUri?: string;
  /** UPBOND: the API identifier sent as `audience`. */
  audience?: string;
  /** BellaDati: the installation's base URL (default `https://service.belladati.com`). */
  baseUrl?: string;
  /** Microsoft: `common` (default), `organizations`, `consumers` or a tenant id. */
  tenant?: string;
  /** BellaDati: `post` submits the authorize parameters into the popup with a form. Default `get`. */
  authorizeMethod?: 'get' | 'post';
  /** BitBadges: the API key sent as `x-api-key`. */
  apiKey?: string;
  /**
   * Generic `oauth`: how the client authenticates at the token endpoint. Default `client_secret_basic`,
   * or `private_key_jwt` with a `privateKey` and no `clientSecret`. Where the discovery metadata lists
   * `token_endpoint_auth_methods_supported` without it, the first supported of `client_secret_basic`,
   * `client_secret_post`, `private_key_jwt` that this entry can do is used.
   */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  /**
   * Generic `oauth`: the private key for `private_key_jwt` (RFC 7523), a JWK or a `CryptoKey` (an
   * extractable one, so its public key can be served). The public key is at `GET {basePath}/jwks.json`.
   */
  privateKey?: JsonWebKey | CryptoKey;
}
