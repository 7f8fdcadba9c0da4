import { css } from 'lit';
import { line, words } from '../providers/line.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';
import { tileMarkStyles } from './tile-mark.js';
import { markOnDemand } from './mark-on-demand.js';

/**
 * Log in with LINE (LINE Login v2.1, OpenID Connect, PKCE), after LINE's login-button guidelines
 * (https://developers.line.biz/en/docs/line-login/login-button/): #06c755 with the white LINE speech
 * bubble; "Log in with LINE", "LINEでログイン", "LINE으로 로그인". The label is black on the green: the
 * guideline's white is 2.26:1 on #06c755, under the 4.5:1 contract §2 holds every label to (decision 31).
 * `outline` and `neutral` show LINE's icon (the bubble on its green tile) on the page's own background.
 * @tagname line-login
 * @summary Log in with LINE.
 */
export class LineLogin extends LoginButton {
  static override profile = line;
  static override words: Words = words;
  static override styles = [
    LoginButton.styles,
    tileMarkStyles,
    css`
      :host {
        --_brand: #06c755;
        --_on: #000;
        --_ink: light-dark(#1e1e1e, #fff);
      }
    `,
  ];
}
define('line-login', LineLogin);
// The mark's path data would put the element over 12,288 B gzip (decision 37): it comes in a chunk of its own (mark-on-demand.ts).
markOnDemand(LineLogin, () => import('./line-mark.js'));

declare global {
  interface HTMLElementTagNameMap {
    'line-login': LineLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
