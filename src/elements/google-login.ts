import { css, svg } from 'lit';
import { google } from '../providers/google.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Sign in with Google (OpenID Connect, PKCE), drawn as Google's "Sign in with Google" branding
 * guidelines require (https://developers.google.com/identity/branding-guidelines): the standard
 * four-colour "G", never recoloured, on the light (#fff, #747775 stroke) or dark (#131314, #8e918f
 * stroke) button by the page's colour scheme, or Google's neutral one (#f2f2f2, no stroke) with
 * `theme="neutral"`. `filled` and `outline` are both the light/dark button: a brand-coloured fill would
 * recolour the button around a "G" Google allows only on white, #131314 or #f2f2f2. In an in-app browser
 * a click offers the system browser instead (Google refuses embedded ones).
 * @tagname google-login
 * @summary Sign in with Google.
 */
export class GoogleLogin extends LoginButton {
  static override profile = google;
  /** Google's "G" (its own 48×48 drawing, at half size), in its four colours. */
  static override mark = svg`<g transform="scale(.5)"><path fill="#ea4335" d="M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z"/><path fill="#4285f4" d="M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z"/><path fill="#fbbc05" d="M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24s.92 7.54 2.56 10.78z"/><path fill="#34a853" d="M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z"/></g>`;
  static override words = { en: { google: 'Google', signin_with: 'Sign in with {provider}', signin: 'Sign in' } };
  static override styles = [
    LoginButton.styles,
    css`
      button[class] {
        --_bg: light-dark(#fff, #131314);
        --_fg: light-dark(#1f1f1f, #e3e3e3);
        --_bd: light-dark(#747775, #8e918f);
        --_mk: var(--_fg);
      }
      button.neutral {
        --_bg: light-dark(#f2f2f2, #131314);
        --_bd: light-dark(#f2f2f2, #8e918f);
      }
    `,
  ];
}
define('google-login', GoogleLogin);

declare global {
  interface HTMLElementTagNameMap {
    'google-login': GoogleLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
