import { css, type PropertyDeclarations } from 'lit';
import { belladati } from '../providers/belladati.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with BellaDati, on BellaDati's service or a self-hosted installation.
 * @tagname belladati-login
 * @summary Log in with BellaDati.
 */
export class BelladatiLogin extends LoginButton {
  static override profile = belladati;
  static override label = 'Log in with BellaDati';
  static override styles = [LoginButton.styles, css`:host { --_bg: #0b6fb8; --_fg: #fff; --_border: #0b6fb8; }`];
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    authorizeMethod: { attribute: 'authorize-method' },
  };
  /** Base URL of a self-hosted BellaDati (default `https://service.belladati.com`). */
  declare baseUrl?: string;
  /** `get` (default) or `post`: POST submits the authorize parameters into the popup with a form. */
  declare authorizeMethod?: 'get' | 'post';

  protected override extras() {
    return { 'base-url': this.baseUrl, 'authorize-method': this.authorizeMethod };
  }
}
define('belladati-login', BelladatiLogin);

declare global {
  interface HTMLElementTagNameMap {
    'belladati-login': BelladatiLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
