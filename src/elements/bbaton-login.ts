import { css, svg } from 'lit';
import { bbaton } from '../providers/bbaton.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with BBaton (adult verification).
 * @tagname bbaton-login
 * @summary Log in with BBaton.
 */
export class BbatonLogin extends LoginButton {
  static override profile = bbaton;
  /** Drawn for this project: the bold "B" of BBaton's wordmark (a crossed ring read as "prohibited"). */
  static override mark = svg`<path d="M5 2.5h7.6c3 0 5 1.8 5 4.4 0 1.6-.8 2.8-2 3.4 1.8.6 3 2.1 3 4.1 0 3-2.3 5.1-5.6 5.1H5ZM9 6v4.3h3c1.3 0 2.1-.8 2.1-2.2S13.3 6 12 6Zm0 7.5V18h3.4c1.5 0 2.4-.9 2.4-2.3s-.9-2.2-2.4-2.2Z"/>`;
  static override styles = [LoginButton.styles, css`:host { --_brand: #1c1c1c; --_on: #fff; --_ink: light-dark(#1c1c1c, #f2f2f2); --_edge: light-dark(#1c1c1c, #8e918f); }`];
}
define('bbaton-login', BbatonLogin);

declare global {
  interface HTMLElementTagNameMap {
    'bbaton-login': BbatonLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
