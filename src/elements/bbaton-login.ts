import { css } from 'lit';
import { bbaton } from '../providers/bbaton.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with BBaton (adult verification). Korean label when the page's `lang` is `ko`.
 * @tagname bbaton-login
 * @summary Log in with BBaton.
 */
export class BbatonLogin extends LoginButton {
  static override profile = bbaton;
  static override label = 'Log in with BBaton';
  static override styles = [LoginButton.styles, css`:host { --_bg: #1c1c1c; --_fg: #fff; --_border: #5c5c5c; }`];
  // Whether the page around the element is in Korean: read once it is in a document, never during
  // render (Lit SSR has none).
  #korean = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const lang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    this.#korean = /^ko\b/i.test(lang);
    this.requestUpdate();
  }

  protected override label(): string {
    return this.#korean ? '비바톤으로 로그인' : super.label();
  }
}
define('bbaton-login', BbatonLogin);

declare global {
  interface HTMLElementTagNameMap {
    'bbaton-login': BbatonLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
