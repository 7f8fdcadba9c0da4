import { LitElement, type PropertyDeclarations } from 'lit';
import type { LoginConfig, LoginMode, ProviderProfile } from '../core/types.js';
import type { TextPreset } from './texts.js';

/**
 * What a page sets on every login element (contract §2, §7's `endpoint`), and the flow configuration made
 * from it. The button, its flow and its looks are `LoginButton`'s.
 */
export class ButtonAttributes extends LitElement {
  static override properties: PropertyDeclarations = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    scope: {},
    mode: {},
    exchangeEndpoint: { attribute: 'exchange-endpoint' },
    authorizeEndpoint: { attribute: 'authorize-endpoint' },
    issuer: {},
    pkce: {},
    popupWidth: { attribute: 'popup-width', type: Number },
    popupHeight: { attribute: 'popup-height', type: Number },
    timeout: { type: Number },
    disabled: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    params: { attribute: false },
    endpoint: {},
    providerName: { attribute: 'provider' },
    theme: {},
    size: {},
    shape: {},
    type: {},
    text: {},
    logoAlignment: { attribute: 'logo-alignment' },
    quiet: { type: Boolean },
    escapeInApp: { attribute: 'escape-in-app', type: Boolean },
    // Its own lang re-renders it even inside a shadow root, where the document's observer does not
    // look; reflected, so that the attribute stays what the page and languageOf read.
    lang: { reflect: true },
  };
  /** The provider profile this element speaks. */
  static profile: ProviderProfile;

  /** Client ID issued by the provider (required, unless `endpoint` serves it). */
  declare clientId: string;
  /** The registered callback page; relative URLs resolve against the document (required, unless `endpoint` serves it). */
  declare redirectUri: string;
  /** Scope in the provider's own format; default: the provider's. */
  declare scope?: string;
  /** `popup`, `redirect`, or `auto` (popup, falling back to redirect when blocked; a redirect at once in in-app browsers, webviews and home-screen apps). */
  declare mode: LoginMode;
  /** Companion endpoint URL; when set the code is exchanged there and `result` is its JSON. */
  declare exchangeEndpoint?: string;
  /** Authorize endpoint override (staging, self-hosted, tests); required on `<oauth-login>`. */
  declare authorizeEndpoint?: string;
  /** Expected `iss` in the callback (RFC 9207); a mismatch fails the flow. */
  declare issuer?: string;
  /** `s256` or `off`; default: the provider's. */
  declare pkce?: 's256' | 'off';
  /** Popup width in px; default: the provider's. */
  declare popupWidth?: number;
  /** Popup height in px; default: the provider's. */
  declare popupHeight?: number;
  /** ms until the flow fails with `timeout`, the companion-endpoint call included; 0 = none. */
  declare timeout: number;
  /** Disables the button. */
  declare disabled: boolean;
  /** Reflected while a flow runs. */
  declare busy: boolean;
  /** Extra authorize-query parameters. */
  declare params: Record<string, string>;
  /** The key the companion endpoint knows this provider by; default: the element's own (`bbaton`…, `oauth` on `<oauth-login>`). Set it when the server names the provider otherwise (two clients of one provider). */
  declare providerName?: string;
  /** The companion handler's base URL (`/auth`): the provider's settings come from `{endpoint}/providers`, asked for once per page; the code is exchanged at `{endpoint}/{provider}`. Attributes set on the element win. */
  declare endpoint?: string;
  /** `filled` (default: brand colours), `outline` (brand border and text on the page's light or dark background) or `neutral` (black/white following the page's colour scheme). */
  declare theme?: 'filled' | 'outline' | 'neutral';
  /** Minimum height: `large` (default) 44 px, `medium` 40 px, `small` 32 px. */
  declare size?: 'large' | 'medium' | 'small';
  /** `rectangular` (default), `pill`, or for `type="icon"` `square`, `circle` (a standard button reads them as `rectangular`, `pill`). */
  declare shape?: 'rectangular' | 'pill' | 'square' | 'circle';
  /** `standard` (default), or `icon`: the mark alone, its accessible name still the full label. */
  declare type?: 'standard' | 'icon';
  /** The label: `signin_with` (default, "Log in with …"), `signup_with`, `continue_with` or `signin` ("Log in"), in the element's language. */
  declare text?: TextPreset;
  /** Where the mark sits in a standard button: `left` (default: at the start edge) or `center` (beside the label). */
  declare logoAlignment?: 'left' | 'center';
  /** No visible message after an error or a cancel (for sites that show their own); announcements stay. */
  declare quiet?: boolean;
  /**
   * Inside an in-app browser (KakaoTalk, LINE, Instagram, Facebook…), a click offers the system browser
   * instead of a login there, as it always does for a provider that refuses them (Google); see
   * docs/in-app-browsers.md.
   */
  declare escapeInApp?: boolean;
  /** The element's language (`en`, `ko`, `ja`, or one added with `setTexts`); unset: its nearest ancestor's, else the document's. */
  declare lang: string;



  constructor() {
    super();
    this.clientId = '';
    this.redirectUri = '';
    this.mode = 'auto';
    this.timeout = 300_000;
    this.disabled = false;
    this.busy = false;
    this.params = {};
  }

  /** The key the companion endpoint knows this provider by; `detail.provider` in every event. */
  get provider(): string {
    return this.providerName || (this.constructor as typeof ButtonAttributes).profile.name;
  }

  /** Dialect-specific settings a subclass adds (audience, base URL…). */
  protected extras(): Record<string, string | undefined> {
    return {};
  }

  /** Everything a flow needs, from the attributes. */
  protected config(): LoginConfig {
    return {
      provider: this.provider,
      profile: (this.constructor as typeof ButtonAttributes).profile,
      clientId: this.clientId,
      redirectUri: this.redirectUri,
      scope: this.scope,
      mode: this.mode,
      exchangeEndpoint: this.exchangeEndpoint,
      authorizeEndpoint: this.authorizeEndpoint,
      issuer: this.issuer,
      pkce: this.pkce,
      popupWidth: this.popupWidth,
      popupHeight: this.popupHeight,
      timeout: this.timeout,
      params: this.params,
      endpoint: this.endpoint,
      escapeInApp: this.escapeInApp,
      extras: this.extras(),
    };
  }

}
