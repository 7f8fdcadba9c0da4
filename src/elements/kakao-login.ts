import { css, svg } from 'lit';
import { kakao, words } from '../providers/kakao.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';

/**
 * Log in with Kakao (OpenID Connect, PKCE), drawn as Kakao Login's design guide requires
 * (https://developers.kakao.com/docs/latest/en/kakaologin/design-guide): container #fee500, the
 * speech-bubble symbol #000, the label #000 at 85 %, corner radius 12 px; "카카오 로그인" /
 * "Login with Kakao". The guide allows no other colours, so every `theme` is that button.
 * @tagname kakao-login
 * @summary Log in with Kakao.
 */
export class KakaoLogin extends LoginButton {
  static override profile = kakao;
  /** Kakao's speech-bubble symbol. */
  static override mark = svg`<path d="M12 3.5C6.75 3.5 2.5 6.86 2.5 11c0 2.68 1.78 5.03 4.46 6.36l-.9 3.33c-.08.3.26.54.52.37l3.96-2.62c.48.05.97.08 1.46.08 5.25 0 9.5-3.36 9.5-7.5S17.25 3.5 12 3.5Z"/>`;
  static override words: Words = words;
  static override styles = [
    LoginButton.styles,
    css`
      button[class] {
        --_r: 12px;
        --_bg: #fee500;
        --_fg: #000000d9;
        --_bd: #fee500;
        --_mk: #000;
      }
      button.pill {
        --_r: 999px;
      }
    `,
  ];
}
define('kakao-login', KakaoLogin);

declare global {
  interface HTMLElementTagNameMap {
    'kakao-login': KakaoLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
