import { css, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import { servedProviders } from '../core/endpoint.js';
import { oauth } from '../providers/oauth.js';
import { define } from './define.js';
import { LoginButton } from './login-button.js';

/**
 * Log in with any OAuth 2.0 / OpenID Connect provider. `authorize-endpoint` is required.
 * `provider-label` names the provider in its texts ("Log in with Corp ID"); with an `endpoint`, the
 * server's `label` for it does when the page sets none; else they name none ("Log in", "Sign up", "Continue"). Its mark is a neutral key; the `logo` slot replaces it.
 * @tagname oauth-login
 * @summary Log in with any OAuth 2.0 / OIDC provider.
 */
export class OauthLogin extends LoginButton {
  static override profile = oauth;
  /** Drawn for this project: a key, for any provider. */
  static override mark = svg`<path d="M12.8 10.5a5 5 0 1 0 0 3H15v2.5h2.5v-2.5H19v-3ZM8 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4Z"/>`;
  static override styles = [LoginButton.styles, css`:host { --_brand: #303030; --_on: #fff; --_ink: light-dark(#303030, #e3e3e3); }`];
  static override properties: PropertyDeclarations = {
    providerLabel: { attribute: 'provider-label' },
  };
  /** The provider's name as people know it, used in the texts ("Log in with Corp ID"). */
  declare providerLabel?: string;

  /** The `label` of this provider in `{endpoint}/providers`, once the list is in (no second request). */
  #servedLabel?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Configured once, on the server: its label names the provider when the page sets none.
    if (changed.has('endpoint') && this.endpoint && this.isConnected)
      servedProviders(this.endpoint).then(({ providers }) => {
        this.#servedLabel = providers.find((p) => p.key == this.provider)?.label;
        this.requestUpdate();
      }, () => {});
  }

  protected override brandName(): string | undefined {
    return this.providerLabel || this.#servedLabel || undefined;
  }
}
define('oauth-login', OauthLogin);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-login': OauthLogin;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
