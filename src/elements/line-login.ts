import { css, svg } from 'lit';
import { line } from '../providers/line.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

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
  /** The LINE speech bubble with "LINE" cut out of it, white, on LINE's green (the button's, or a tile's). */
  static override mark = svg`<rect class="tile" width="24" height="24" rx="5.5"/><path fill="#fff" d="M12 3.2c-5.5 0-10 3.6-10 8 0 4 3.5 7.3 8.3 7.9.3.1.8.2.9.5.1.3.1.7 0 1l-.1.8c0 .3-.2 1 .9.5 1-.4 5.7-3.4 7.8-5.8 1.5-1.6 2.2-3.2 2.2-5 0-4.4-4.5-7.9-10-7.9ZM5.4 8.9h1.3v3.5h2v1.3H5.4Zm4 0h1.3v4.8H9.4Zm2.2 0h1.2l1.9 2.6V8.9H16v4.8h-1.2l-1.9-2.6v2.6h-1.3Zm5.2 0h3v1.2h-1.7v.6h1.7v1.2h-1.7v.6h1.7v1.2h-3Z"/>`;
  static override words = { en: { line: 'LINE' }, ja: { signin_with: '{provider}でログイン' }, ko: { signin_with: '{provider}으로 로그인' } };
  static override styles = [
    LoginButton.styles,
    css`
      :host {
        --_brand: #06c755;
        --_on: #000;
        --_ink: light-dark(#1e1e1e, #fff);
      }
      .tile {
        fill: transparent;
      }
      .outline .tile,
      .neutral .tile {
        fill: #06c755;
      }
    `,
  ];
}
define('line-login', LineLogin);

declare global {
  interface HTMLElementTagNameMap {
    'line-login': LineLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
