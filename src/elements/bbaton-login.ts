import { css, svg } from 'lit';
import { bbaton, words } from '../providers/bbaton.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';

/**
 * Log in with BBaton (adult verification).
 * @tagname bbaton-login
 * @summary Log in with BBaton.
 */
export class BbatonLogin extends LoginButton {
  static override profile = bbaton;
  /** Drawn for this project: the bold "B" of BBaton's wordmark (a crossed ring read as "prohibited"). */
  static override mark = svg`<path d="M5 2h7.5a4.5 4.5 0 0 1 3.4 7.4A5 5 0 0 1 13 22H5ZM9 6v4h3a2 2 0 0 0 0-4Zm0 8v4h4a2 2 0 0 0 0-4Z"/>`;
  static override words: Words = words;
  static override styles = [LoginButton.styles, css`:host { --_brand: #1c1c1c; --_on: #fff; --_ink: light-dark(#1c1c1c, #f2f2f2); --_edge: #8e918f; }`];
}
define('bbaton-login', BbatonLogin);

declare global {
  interface HTMLElementTagNameMap {
    'bbaton-login': BbatonLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
