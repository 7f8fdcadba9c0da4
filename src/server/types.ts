import type { SessionOptions } from './session/options.js';

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
  /** Dialect: `bbaton`, `belladati`, `upbond`, `bitbadges` or `oauth`; default: the entry's key. */
  type?: 'bbaton' | 'belladati' | 'upbond' | 'bitbadges' | 'oauth';
  clientId: string;
  clientSecret: string;
  issuer?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  revocationEndpoint?: string;
  /** OpenID Connect RP-Initiated Logout: where `POST {basePath}/logout` sends the browser next. */
  endSessionEndpoint?: string;
  /** UPBOND: the API identifier sent as `audience`. */
  audience?: string;
  /** BellaDati: the installation's base URL (default `https://service.belladati.com`). */
  baseUrl?: string;
  /** BitBadges: the API key sent as `x-api-key`. */
  apiKey?: string;
  /** Generic `oauth`: how the client authenticates at the token endpoint (default `client_secret_basic`). */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface LoginContext {
  provider: string;
  user: LoginUser | null;
  tokens: LoginTokens;
  request: Request;
}

export interface LoginHandlerOptions {
  /** Path prefix the handler serves: `POST {basePath}/{provider}`. Default `/auth`. */
  basePath?: string;
  /** Exact-match allowlist of redirect URIs. Default: any URI on an allowed origin. */
  redirectUris?: string[];
  /**
   * The page origins that may call the endpoint (`https://app.example`). Required, unless `trustHost`.
   */
  allowedOrigins?: string[];
  /**
   * Trust the request's own Host as the page's origin instead of `allowedOrigins` (a same-origin app
   * behind a proxy that sets Host). A DNS-rebinding page then passes the Origin check: prefer
   * `allowedOrigins`.
   */
  trustHost?: boolean;
  /** Per upstream call, body included; then 504. Default 10000. */
  timeoutMs?: number;
  /** The request body must have arrived by then; else 408. Default 10000. */
  bodyTimeoutMs?: number;
  /** A provider's answer larger than this is a 502, never buffered whole. Default 256 KiB. */
  maxUpstreamBytes?: number;
  /** Include the tokens in the 200 body (they always reach `onLogin`). Default false. */
  exposeTokens?: boolean;
  providers: Record<string, ProviderConfig>;
  /** Shapes the 200 answer: return JSON, or a whole Response (e.g. with a session Set-Cookie). */
  onLogin?: (context: LoginContext) => unknown | Response | Promise<unknown | Response>;
  /**
   * Sessions after the login (contract §6): a sealed cookie by default, or a `store`. Adds
   * `GET {basePath}/session`, `POST {basePath}/logout` and `handler.getSession(request)`.
   */
  session?: SessionOptions;
  /** Receives one line per failed request (status, error code, provider); never a secret or a token. */
  log?: (line: string) => void;
}
