/**
 * The bodies on the wire between a page and the companion endpoint (docs/contract.md §4, §6, §7), as
 * both sides type them. openapi.yaml says the same for other implementations; test/unit/contract.test.ts
 * holds the two together.
 */

/** `POST {basePath}/{provider}`'s JSON body (§4). */
export interface ExchangeRequest {
  code: string;
  redirectUri: string;
  /** The PKCE verifier (RFC 7636), when the flow used PKCE. */
  codeVerifier?: string;
  /** The callback's `iss` (RFC 9207), when the provider sent one. */
  iss?: string;
  /** OpenID Connect: the nonce sent at authorize; the server checks the ID token against it. */
  nonce?: string;
  /** The authorize request's `state`, for providers whose token endpoint wants it (Naver). */
  state?: string;
}

/** The signed-in user as a session keeps it and shows it: the normalised user without `raw` (§6). */
export interface SessionUser {
  id: string;
  name?: string;
  email?: string;
  picture?: string;
  [field: string]: unknown;
}

/** `GET {basePath}/session`'s answer when signed in (§6): the page's view of the session. */
export interface SessionView {
  provider: string;
  user: SessionUser | null;
  /** When the session ends unless read again, epoch ms. */
  expiresAt: number;
}

/** `POST {basePath}/logout`'s optional JSON body (§6). */
export interface LogoutRequest {
  /** End every session of this user (the server needs a store). */
  everywhere?: boolean;
  /** Where the provider sends the browser back after its own sign-out (an allowed origin's URL). */
  returnTo?: string;
}

/**
 * `POST {basePath}/logout`'s answer (§6): when the provider has an RP-Initiated Logout, the handler's own
 * short-lived, single-use URL that sends the browser on to it (no token in it that script could read).
 */
export interface LogoutResponse {
  endSessionUrl?: string;
}

/** The built-in dialects (§5): a provider entry's `type`, and the element that logs in with it (`google` → `<google-login>`). */
export type ProviderType = 'bbaton' | 'belladati' | 'upbond' | 'bitbadges' | 'google' | 'github' | 'microsoft' | 'kakao' | 'naver' | 'line' | 'oauth';

/** One entry of `GET {basePath}/providers` (§7): what a page needs, never a secret. */
export interface PublicProvider {
  key: string;
  type: ProviderType;
  clientId: string;
  label: string;
  authorizeEndpoint?: string;
  issuer?: string;
  scope?: string;
  pkce?: 's256' | 'off';
  /** Absolute, for the asking page's origin. */
  redirectUri?: string;
  params?: Record<string, string>;
  /** BellaDati: `post` submits the authorize parameters into the popup with a form. */
  authorizeMethod?: 'get' | 'post';
  /** Set when the provider cannot be used now (its discovery failed), with its description. */
  error?: string;
  error_description?: string;
}

/** `GET {basePath}/providers`'s answer (§7), in the order the server configured them. */
export interface ProviderList {
  providers: PublicProvider[];
}

/** Every error answer's JSON body (§4). */
export interface ErrorResponse {
  error: string;
  error_description: string;
}
