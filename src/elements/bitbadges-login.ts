import { css, svg } from 'lit';
import { bitbadges, words } from '../providers/bitbadges.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';

/**
 * Log in with BitBadges. `scope` takes BitBadges' comma-separated labels, e.g. `Complete Claims`.
 * @tagname bitbadges-login
 * @summary Log in with BitBadges.
 */
export class BitbadgesLogin extends LoginButton {
  static override profile = bitbadges;
  /** Drawn for this project: a hexagonal badge. */
  static override mark = svg`<path d="m12 2 9 5v10l-9 5-9-5V7Zm0 6a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"/>`;
  static override words: Words = words;
  static override styles = [LoginButton.styles, css`:host { --_brand: #001529; --_on: #fff; --_ink: light-dark(#001529, #8cb4ff); --_edge: #8e918f; }`];
}
define('bitbadges-login', BitbadgesLogin);

declare global {
  interface HTMLElementTagNameMap {
    'bitbadges-login': BitbadgesLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
