import { css, type PropertyDeclarations } from 'lit';
import { oauth } from '../providers/oauth.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with any OAuth 2.0 / OpenID Connect provider. `authorize-endpoint` is required.
 * Follows the page's light or dark colour scheme.
 * @tagname oauth-login
 * @summary Log in with any OAuth 2.0 / OIDC provider.
 */
export class OauthLogin extends LoginButton {
  static override profile = oauth;
  static override label = 'Log in';
  static override styles = [
    LoginButton.styles,
    css`:host { color-scheme: light dark; --_bg: Canvas; --_fg: CanvasText; --_border: GrayText; }`,
  ];
  static override properties: PropertyDeclarations = { providerName: { attribute: 'provider' } };
  /** The key the companion endpoint knows this provider by (default `oauth`). */
  declare providerName?: string;

  override get provider(): string {
    return this.providerName || super.provider;
  }
}
define('oauth-login', OauthLogin);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-login': OauthLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
