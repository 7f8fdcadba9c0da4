import { css, svg, type PropertyDeclarations } from 'lit';
import { microsoft } from '../providers/microsoft.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Sign in with Microsoft (Entra ID, OpenID Connect, PKCE), drawn as Microsoft's identity-platform
 * branding guidelines require
 * (https://learn.microsoft.com/entra/identity-platform/howto-add-branding-in-apps): the four squares
 * (#f25022 #7fba00 #00a4ef #ffb900), never recoloured, on the light button (#fff, #8c8c8c border,
 * #5e5e5e text) or the dark one (#2f2f2f, white text) by the page's colour scheme — the only two it
 * has, so every `theme` is one of them. "Sign in with Microsoft" is its wording.
 * @tagname microsoft-login
 * @summary Sign in with Microsoft.
 */
export class MicrosoftLogin extends LoginButton {
  static override profile = microsoft;
  /** Microsoft's logo: four squares in its four colours. */
  static override mark = svg`<path fill="#f25022" d="M2 2h9.5v9.5H2z"/><path fill="#7fba00" d="M12.5 2H22v9.5h-9.5z"/><path fill="#00a4ef" d="M2 12.5h9.5V22H2z"/><path fill="#ffb900" d="M12.5 12.5H22V22h-9.5z"/>`;
  static override words = { en: { microsoft: 'Microsoft', signin_with: 'Sign in with {provider}', signin: 'Sign in' }, ja: { signin_with: '{provider} でサインイン', signin: 'サインイン' } };
  static override styles = [
    LoginButton.styles,
    css`
      button[class] {
        --_bg: light-dark(#fff, #2f2f2f);
        --_fg: light-dark(#5e5e5e, #fff);
        --_bd: light-dark(#8c8c8c, #2f2f2f);
        --_mk: var(--_fg);
      }
    `,
  ];
  static override properties: PropertyDeclarations = { tenant: {} };
  /** Who may sign in: `common` (default: work, school and personal accounts), `organizations`, `consumers`, or a tenant id or domain. */
  declare tenant?: string;

  protected override extras() {
    return { tenant: this.tenant };
  }
}
define('microsoft-login', MicrosoftLogin);

declare global {
  interface HTMLElementTagNameMap {
    'microsoft-login': MicrosoftLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
