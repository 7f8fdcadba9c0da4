import { css, type PropertyDeclarations } from 'lit';
import { upbond } from '../providers/upbond.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with UPBOND Login 3.0 (PKCE S256, `audience`).
 * @tagname upbond-login
 * @summary Log in with UPBOND.
 */
export class UpbondLogin extends LoginButton {
  static override profile = upbond;
  static override label = 'Log in with UPBOND';
  static override styles = [LoginButton.styles, css`:host { --_bg: #4f3cc9; --_fg: #fff; --_border: #4f3cc9; }`];
  static override properties: PropertyDeclarations = { audience: {} };
  /** Identifier of the API the token is for (UPBOND `audience`). */
  declare audience?: string;

  protected override extras() {
    return { audience: this.audience };
  }
}
define('upbond-login', UpbondLogin);

declare global {
  interface HTMLElementTagNameMap {
    'upbond-login': UpbondLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
