import { css, svg, type PropertyDeclarations } from 'lit';
import { upbond, words } from '../providers/upbond.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';

/**
 * Log in with UPBOND Login 3.0 (PKCE S256, `audience`).
 * @tagname upbond-login
 * @summary Log in with UPBOND.
 */
export class UpbondLogin extends LoginButton {
  static override profile = upbond;
  /** Drawn for this project: a chevron pointing up over a bar. */
  static override mark = svg`<path d="m12 3 9 9-2.5 2.5L12 8l-6.5 6.5L3 12Zm-7 15h14v3H5Z"/>`;
  static override words: Words = words;
  static override styles = [LoginButton.styles, css`:host { --_brand: #4f3cc9; --_on: #fff; --_ink: light-dark(#4f3cc9, #b1a6ff); }`];
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
