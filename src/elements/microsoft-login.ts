import { css, type PropertyDeclarations } from 'lit';
import { microsoft, words } from '../providers/microsoft.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';
import type { Words } from './texts.js';
import { markOnDemand } from './mark-on-demand.js';

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
  static override words: Words = words;
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
// The four squares' path data would put the element over 12,288 B gzip (decision 37): it comes in a chunk of its own (mark-on-demand.ts).
markOnDemand(MicrosoftLogin, () => import('./microsoft-mark.js'));

declare global {
  interface HTMLElementTagNameMap {
    'microsoft-login': MicrosoftLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
