import type { PropertyDeclarations } from 'lit';
import type { LoginConfig, ProviderProfile } from '../core/types.js';
import { CommonAttributes } from './common-attributes.js';

/**
 * The attributes a flow takes as they are, by their `LoginConfig` name (a name it does not have fails
 * typechecking). A list rather than an object literal of `key: this.key`: the names once, not twice, in
 * every element's bundle (decision 37's budget).
 */
const AS_SET = ['clientId', 'redirectUri', 'scope', 'mode', 'exchangeEndpoint', 'authorizeEndpoint', 'issuer', 'pkce', 'popupWidth', 'popupHeight', 'timeout', 'params', 'endpoint', 'escapeInApp'] as const satisfies readonly (keyof LoginConfig & keyof ButtonAttributes)[];

/**
 * What a page sets on every login element (contract §2, §7's `endpoint`), and the flow configuration made
 * from it. The attributes `<login-chooser>` also has (`mode`, `timeout`, `quiet`, the looks) are
 * `CommonAttributes`'; the button, its flow and its looks are `LoginButton`'s.
 */
export class ButtonAttributes extends CommonAttributes {
  static override properties: PropertyDeclarations = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    scope: {},
    exchangeEndpoint: { attribute: 'exchange-endpoint' },
    authorizeEndpoint: { attribute: 'authorize-endpoint' },
    issuer: {},
    pkce: {},
    popupWidth: { attribute: 'popup-width', type: Number },
    popupHeight: { attribute: 'popup-height', type: Number },
    disabled: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    params: { attribute: false },
    endpoint: {},
    providerName: { attribute: 'provider' },
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
    const config = { provider: this.provider, profile: (this.constructor as typeof ButtonAttributes).profile, extras: this.extras() } as LoginConfig;
    for (const key of AS_SET) (config as unknown as Record<string, unknown>)[key] = this[key];
    return config;
  }
}
