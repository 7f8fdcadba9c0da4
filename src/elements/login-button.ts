import { LitElement, html, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { resumeRedirect, startLogin, type LoginFlow } from '../core/flow.js';
import { warmCallback } from '../core/warm.js';
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
 * @fires {LoginStartDetail} login-start - A flow starts; cancelable: `preventDefault()` stops it before any window opens.
 * @fires {LoginSuccessDetail} login-success - The flow completed: `{provider, mode, result}` with an exchange endpoint, else `{provider, mode, code, codeVerifier?, redirectUri}`.
 * @fires {LoginErrorDetail} login-error - The flow failed: `{provider, mode, error, message, description?, status?, cause?}`.
 * @fires {LoginCancelDetail} login-cancel - The user closed the popup (`popup_closed`); `cancel()`, a prevented login-start, Back from a redirect or removal from the page (`aborted`); a new click replaced a flow whose popup COOP hid (`superseded`).
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

  private current?: LoginFlow;

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
    // Not busy any more by the time a page's listener sees the outcome.
    const settled = (event: Event) => {
      if (event.target != this || !this.current?.settled) return;
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

  /**
   * Starts the login (as a click does). While a flow runs, its open popup is focused instead; a flow
   * whose popup reads closed (maybe hidden by COOP) is ended as `superseded` and a fresh one starts.
   * Rejects with the error or cancel detail.
   */
  login(): Promise<LoginSuccessDetail> {
    const running = this.current;
    if (running) {
      if (running.focus()) return running.promise;
      running.cancel('superseded');
    }
    return this.track(startLogin(this.config(), this));
  }

  /** Makes a running flow the element's own (busy until its outcome event); one that already ended never runs. */
  private track(flow: LoginFlow): Promise<LoginSuccessDetail> {
    if (!flow.settled) {
      this.current = flow;
      this.busy = true;
    }
    return flow.promise;
  }

  /** Ends the running flow: `login-cancel` with reason `aborted`, popup closed, exchange aborted. */
  cancel(): void {
    this.current?.cancel();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Wait for the page's own scripts: they add the listeners a resumed redirect fires into.
    const resume = () =>
      setTimeout(() => {
        const flow = this.isConnected && !this.current ? resumeRedirect(this.config(), this) : undefined;
        if (flow) void this.track(flow);
        // Once the page has loaded, the callback page's script gets cached: a login never waits for it
        // (docs/decisions.md, 13). A redirect-uri set later is warmed when its flow starts.
        else if (this.isConnected) warmCallback(this.redirectUri);
      });
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', resume, { once: true });
    else resume();
  }

  /**
   * Removed from the page mid-flow (a framework unmounting it), the element ends its flow as `aborted`
   * — popup closed, exchange aborted, `login()` rejected — so nothing runs on for a button nobody sees.
   * A move (removed and re-inserted in the same task) keeps the flow.
   */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setTimeout(() => this.isConnected || this.cancel());
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
