import type { LoginTokens, LoginUser, ProviderConfig } from './shared/login.js';
import type { SessionOptions } from './session/options.js';

export type { LoginTokens, LoginUser, ProviderConfig };

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
