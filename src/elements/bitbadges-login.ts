import { css } from 'lit';
import { bitbadges } from '../providers/bitbadges.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with BitBadges. `scope` takes BitBadges' comma-separated labels, e.g. `Complete Claims`.
 * @tagname bitbadges-login
 * @summary Log in with BitBadges.
 */
export class BitbadgesLogin extends LoginButton {
  static override profile = bitbadges;
  static override label = 'Log in with BitBadges';
  static override styles = [LoginButton.styles, css`:host { --_bg: #001529; --_fg: #fff; --_border: #3a4c63; }`];
}
define('bitbadges-login', BitbadgesLogin);

declare global {
  interface HTMLElementTagNameMap {
    'bitbadges-login': BitbadgesLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
