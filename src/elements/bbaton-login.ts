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
  /** Drawn for this project: a ring crossed by a baton. */
  static override mark = svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 3a7 7 0 1 1 0 14 7 7 0 0 1 0-14Z"/><path d="m7 15.5 8.5-8.5L17 8.5 8.5 17Z"/>`;
  static override styles = [LoginButton.styles, css`:host { --_brand: #1c1c1c; --_on: #fff; --_ink: light-dark(#1c1c1c, #f2f2f2); }`];
}
define('bbaton-login', BbatonLogin);

declare global {
  interface HTMLElementTagNameMap {
    'bbaton-login': BbatonLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
