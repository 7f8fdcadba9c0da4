import { css, svg, type PropertyDeclarations } from 'lit';
import { belladati, words } from '../providers/belladati.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';

/**
 * Log in with BellaDati, on BellaDati's service or a self-hosted installation.
 * @tagname belladati-login
 * @summary Log in with BellaDati.
 */
export class BelladatiLogin extends LoginButton {
  static override profile = belladati;
  /** Drawn for this project: three rising bars (a chart). */
  static override mark = svg`<path d="M3 14h4v7H3Zm7-5h4v12h-4Zm7-6h4v18h-4Z"/>`;
  static override words: Words = words;
  static override styles = [LoginButton.styles, css`:host { --_brand: #0b6fb8; --_on: #fff; --_ink: light-dark(#0b6fb8, #7cc0f5); }`];
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
