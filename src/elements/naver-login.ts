import { css, svg } from 'lit';
import { naver, words } from '../providers/naver.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';
import { tileMarkStyles } from './tile-mark.js';

/**
 * Log in with NAVER (OAuth 2.0): Naver's green #03c75a with its white "N". The label is black on the
 * green: white on #03c75a is 2.25:1, under the 4.5:1 contract §2 holds every label to (decision 31).
 * `outline` and `neutral` put the green tile with its white "N" on the page's own background.
 * @tagname naver-login
 * @summary Log in with NAVER.
 */
export class NaverLogin extends LoginButton {
  static override profile = naver;
  /** Naver's "N", white, on its green (the button's in `filled`, a tile of its own in the other themes). */
  static override mark = svg`<rect class="tile" width="24" height="24" rx="4"/><path fill="#fff" d="M14.67 12.53 9.11 4.5H4.5v15h4.83v-8.03l5.56 8.03h4.61v-15h-4.83Z"/>`;
  static override words: Words = words;
  static override styles = [
    LoginButton.styles,
    tileMarkStyles,
    css`
      :host {
        --_brand: #03c75a;
        --_on: #000;
        --_ink: light-dark(#1e1e1e, #fff);
      }
    `,
  ];
}
define('naver-login', NaverLogin);

declare global {
  interface HTMLElementTagNameMap {
    'naver-login': NaverLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
