import { LitElement, html, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { resumeRedirect, startLogin, type LoginFlow } from '../core/flow.js';
import type {
  LoginCancelDetail,
  LoginConfig,
  LoginErrorDetail,
  LoginMode,
  LoginStartDetail,
  LoginSuccessDetail,
  ProviderProfile,
} from '../core/types.js';
import { buttonStyles } from './styles.js';

/**
 * The shared login button: attributes of SPEC §2, the click → flow wiring, redirect resumption.
 * A provider element is a subclass with a profile, a label and its colours.
 *
 * @slot - The button's label; defaults to the provider's own ("Log in with …").
 * @csspart button - The native button.
 * @cssprop --login-background - Button background (default: the provider's brand colour).
 * @cssprop --login-color - Button text colour.
 * @cssprop --login-border - Button border.
 * @cssprop --login-radius - Corner radius (default 0.5rem).
 * @cssprop --login-height - Minimum height (default 2.75rem).
 * @cssprop --login-padding - Padding (default `0 1.25em`).
 * @cssprop --login-font - Font shorthand.
 * @cssprop --login-focus-ring - Outline shown on keyboard focus.
 * @fires {CustomEvent<LoginStartDetail>} login-start - A flow starts; cancelable: `preventDefault()` stops it before any window opens.
 * @fires {CustomEvent<LoginSuccessDetail>} login-success - The flow completed: `{provider, mode, result}` with an exchange endpoint, else `{provider, mode, code, codeVerifier?, redirectUri}`.
 * @fires {CustomEvent<LoginErrorDetail>} login-error - The flow failed: `{provider, mode, error, message, description?, status?, cause?}`.
 * @fires {CustomEvent<LoginCancelDetail>} login-cancel - The user closed the popup (`popup_closed`) or `cancel()` was called (`aborted`).
 */
export class LoginButton extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles: CSSResultGroup = buttonStyles;
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
  };
  /** The provider profile this element speaks. */
  static profile: ProviderProfile;
  /** Default label when the slot is empty. */
  static label = 'Log in';

  /** Client ID issued by the provider (required). */
  declare clientId: string;
  /** The registered callback page; relative URLs resolve against the document (required). */
  declare redirectUri: string;
  /** Scope in the provider's own format; default: the provider's. */
  declare scope?: string;
  /** `popup`, `redirect`, or `auto` (popup, falling back to redirect when blocked). */
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
  /** ms until the flow fails with `timeout`; 0 = none. */
  declare timeout: number;
  /** Disables the button. */
  declare disabled: boolean;
  /** Reflected while a flow runs. */
  declare busy: boolean;
  /** Extra authorize-query parameters. */
  declare params: Record<string, string>;

  private current?: LoginFlow;
  private flows: LoginFlow[] = [];

  constructor() {
    super();
    this.clientId = '';
    this.redirectUri = '';
    this.mode = 'auto';
    this.timeout = 300_000;
    this.disabled = false;
    this.busy = false;
    this.params = {};
    // On the host, not the button: a click anywhere on the element (or el.click()) starts the flow.
    this.addEventListener('click', () => {
      if (!this.disabled) void this.login().catch(() => {});
    });
    // Not busy any more by the time a page's listener sees the outcome; a late result of an earlier
    // flow (its popup only looked closed) leaves a running one alone.
    const settled = (event: Event) => {
      if (event.target != this || !this.current?.settled()) return;
      this.current = undefined;
      this.busy = false;
    };
    for (const type of ['login-success', 'login-error', 'login-cancel']) this.addEventListener(type, settled);
  }

  /** The key the companion endpoint knows this provider by; `detail.provider` in every event. */
  get provider(): string {
    return (this.constructor as typeof LoginButton).profile.name;
  }

  /** Dialect-specific settings a subclass adds (audience, base URL…). */
  protected extras(): Record<string, string | undefined> {
    return {};
  }

  /** The label shown when the slot is empty. */
  protected label(): string {
    return (this.constructor as typeof LoginButton).label;
  }

  private config(): LoginConfig {
    return {
      provider: this.provider,
      profile: (this.constructor as typeof LoginButton).profile,
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
      extras: this.extras(),
    };
  }

  /** Starts the login (as a click does); a running flow's popup is focused instead. Rejects with the error or cancel detail. */
  login(): Promise<LoginSuccessDetail> {
    if (this.current) {
      this.current.focus();
      return this.current.promise;
    }
    return this.track(startLogin(this.config(), this));
  }

  /** Stops the running flow (and any wait for a late result): `login-cancel` with reason `aborted`. */
  cancel(): void {
    for (const flow of this.flows) flow.cancel();
    this.flows = [];
  }

  private track(flow: LoginFlow): Promise<LoginSuccessDetail> {
    this.flows = [...this.flows.filter((f) => f.listening()), flow];
    // A flow that already ended (invalid config, a prevented login-start, a blocked popup) never runs;
    // one that runs ends through the `settled` listener, since every outcome fires an event.
    if (!flow.settled()) {
      this.current = flow;
      this.busy = true;
    }
    return flow.promise;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Wait for the page's own scripts: they add the listeners a resumed redirect fires into.
    const resume = () =>
      setTimeout(() => {
        const flow = this.isConnected && !this.current ? resumeRedirect(this.config(), this) : undefined;
        if (flow) void this.track(flow);
      });
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', resume, { once: true });
    else resume();
  }

  override render() {
    return html`<button part="button" type="button" ?disabled=${this.disabled} aria-busy=${this.busy}>
      <slot>${this.label()}</slot>
    </button>`;
  }
}

export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    'login-start': CustomEvent<LoginStartDetail>;
    'login-success': CustomEvent<LoginSuccessDetail>;
    'login-error': CustomEvent<LoginErrorDetail>;
    'login-cancel': CustomEvent<LoginCancelDetail>;
  }
}
