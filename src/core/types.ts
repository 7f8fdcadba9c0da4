/**
 * The browser side's public types: `login-elements` and `login-elements/core` export every type here
 * (public.ts), so a type only the code inside uses lives with that code, not here.
 */
import type { LoginErrorCode } from '../contract/errors.js';
import type { ProviderType } from '../contract/wire.js';

export type { BrowserErrorCode, LoginErrorCode, ProviderErrorCode } from '../contract/errors.js';
export type { ProviderType } from '../contract/wire.js';

/** How a flow reaches the provider: a popup window, a full-page redirect, or popup with redirect fallback. */
export type LoginMode = 'popup' | 'redirect' | 'auto';
/** The mode a running flow actually uses. */
export type FlowMode = 'popup' | 'redirect';

/** One provider's authorize-side dialect: data, plus the few quirks data cannot say. */
export interface ProviderProfile {
  /** The provider type (its dialect), and the key the companion endpoint knows it by unless the page sets `provider`: events carry that key as `detail.provider`. */
  name: ProviderType;
  authorizeEndpoint?: string;
  /** Default scope, in the provider's own format. */
  scope?: string;
  /** `response_type` exactly as the provider spells it (BellaDati wants `CODE`). */
  responseType?: string;
  /** Whether PKCE S256 is on unless the `pkce` attribute says otherwise. */
  pkce?: boolean;
  issuer?: string;
  /** Popup size; default 500×650. */
  popup?: { width: number; height: number };
  /**
   * The provider refuses logins from in-app browsers and webviews (Google answers `disallowed_useragent`):
   * a click there offers the way out to the system browser instead (contract §8), as `escape-in-app` does.
   */
  refusesInAppBrowsers?: boolean;
  /** Dialect hook: final say over the authorize request (endpoint, method, extra parameters). */
  authorize?(config: LoginConfig, request: AuthorizeRequest): AuthorizeRequest;
}

/** Everything one flow needs, already resolved from attributes and the provider profile. */
export interface LoginConfig {
  provider: string;
  profile: ProviderProfile;
  clientId: string;
  redirectUri: string;
  scope?: string;
  mode?: LoginMode;
  exchangeEndpoint?: string;
  authorizeEndpoint?: string;
  issuer?: string;
  pkce?: 's256' | 'off';
  popupWidth?: number;
  popupHeight?: number;
  /** ms until the flow fails with `timeout`, the exchange included; 0 = none. */
  timeout?: number;
  params?: Record<string, string>;
  /** The companion handler's base URL: the provider's settings come from `{endpoint}/providers` (contract §7); the config's own values win. */
  endpoint?: string;
  /** Inside an in-app browser, offer the system browser instead of a login, as for a provider that refuses them (`escape-in-app`; contract §8). */
  escapeInApp?: boolean;
  /** Dialect extras, by attribute name (UPBOND `audience`, BellaDati `base-url`, `authorize-method`); `*-url` ones are checked like the other URLs. */
  extras?: Record<string, string | undefined>;
}

export interface AuthorizeRequest {
  url: URL;
  /** `post` submits the parameters into the popup with a form (BellaDati). */
  method: 'get' | 'post';
}

export interface LoginStartDetail {
  provider: string;
  mode: LoginMode | FlowMode;
}
export interface LoginCodeDetail {
  provider: string;
  mode: FlowMode;
  code: string;
  codeVerifier?: string;
  /** The OpenID Connect nonce sent at authorize: the ID token's `nonce` claim must equal it. */
  nonce?: string;
  redirectUri: string;
}
export interface LoginResultDetail {
  provider: string;
  mode: FlowMode;
  /** The companion endpoint's JSON body. */
  result: unknown;
}
export type LoginSuccessDetail = LoginCodeDetail | LoginResultDetail;
export interface LoginErrorDetail {
  provider: string;
  mode: LoginMode | FlowMode;
  /** One of the codes of contract §2: the browser's own, or the provider's passed on verbatim. */
  error: LoginErrorCode;
  message: string;
  description?: string;
  status?: number;
  cause?: string;
}
export interface LoginCancelDetail {
  provider: string;
  mode: FlowMode;
  /**
   * `popup_closed` (the user closed it), `aborted` (cancel(), a prevented login-start, Back from a redirect, the element removed),
   * `superseded` (a new click replaced a flow whose popup COOP hid) or `in_app_browser` (the provider refuses in-app browsers, or
   * `escape-in-app`: no login started, the page was offered to the system browser — `readEnvironment().escape` says how; contract §8).
   */
  reason: 'popup_closed' | 'aborted' | 'superseded' | 'in_app_browser';
  /** With `in_app_browser`: what the person is told, in English (the elements show it in their language). */
  message?: string;
}

export interface LoginEventMap {
  'login-start': CustomEvent<LoginStartDetail>;
  'login-success': CustomEvent<LoginSuccessDetail>;
  'login-error': CustomEvent<LoginErrorDetail>;
  'login-cancel': CustomEvent<LoginCancelDetail>;
}
