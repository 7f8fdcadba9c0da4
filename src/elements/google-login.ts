import { css } from 'lit';
import { google, words } from '../providers/google.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';
import { markOnDemand } from './mark-on-demand.js';

/**
 * Sign in with Google (OpenID Connect, PKCE), drawn as Google's "Sign in with Google" branding
 * guidelines require (https://developers.google.com/identity/branding-guidelines): the standard
 * four-colour "G", never recoloured, on the light (#fff, #747775 stroke) or dark (#131314, #8e918f
 * stroke) button by the page's colour scheme, whatever the `theme`: a brand-coloured fill would put the
 * "G" on a colour Google does not allow it on, and its outline is that light button. In an in-app browser
 * a click offers the system browser instead (Google refuses embedded ones).
 * @tagname google-login
 * @summary Sign in with Google.
 */
export class GoogleLogin extends LoginButton {
  static override profile = google;
  static override words: Words = words;
  static override styles = [
    LoginButton.styles,
    css`
      /* Every theme is Google's light or dark button (the project's neutral look is exactly that). */
      button[class] {
        --_bg: light-dark(#fff, #131314);
        --_fg: light-dark(#1f1f1f, #e3e3e3);
        --_bd: light-dark(#747775, #8e918f);
      }
    `,
  ];
}
define('google-login', GoogleLogin);

// The "G" (338 B gzip of its 4 paths: more than one element's budget had left, decision 31) comes in a
// chunk of its own.
markOnDemand(GoogleLogin, () => import('./google-mark.js'));

declare global {
  interface HTMLElementTagNameMap {
    'google-login': GoogleLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
