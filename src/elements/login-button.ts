import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type SVGTemplateResult } from 'lit';
import { readyServed, withServed } from '../core/endpoint.js';
import { startLogin, type LoginFlow } from '../core/flow.js';
import { deadline, finish, reporter, timedOut, timeoutOf } from '../core/outcome.js';
import { later } from '../core/on-demand.js';
import { warmCallback } from '../core/warm.js';
import { languageOf, onLanguageChange } from '../i18n/language.js';
import type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from '../core/types.js';
import { ButtonAttributes } from './button-attributes.js';
import { buttonStyles } from './styles.js';
import { busyText, buttonTexts, labelFor, loadTexts, openedText, outcomeText, type ButtonTexts, type Words } from './texts.js';

/**
 * The shared login button: the click → flow wiring, redirect resumption, what it shows and says; the
 * attributes of contract §2 are `ButtonAttributes`'. A provider element is a subclass with a profile, a
 * label and its colours.
 *
 * @slot - The button's label; defaults to the `text` preset in the element's language ("Log in with …").
 * @slot logo - Replaces the provider's mark (e.g. your own provider's logo on `<oauth-login>`).
 * @csspart button - The native button.
 * @csspart logo - The provider's mark (or the busy indicator while a flow runs).
 * @csspart status - The message after an error or a cancel (visually hidden with `quiet`); also the polite live region that announces every outcome and the popup's opening.
 * @cssprop --login-background - Button background (default: the provider's brand colour).
 * @cssprop --login-color - Button text colour.
 * @cssprop --login-border - Button border.
 * @cssprop --login-radius - Corner radius (default: by `shape`, 4px or pill).
 * @cssprop --login-height - Minimum height (default: by `size`, 44, 40 or 32 px).
 * @cssprop --login-padding - Padding (default `0.375em 1em`).
 * @cssprop --login-font - Font shorthand.
 * @cssprop --login-focus-ring - Outer band of the keyboard focus ring, an `outline` (default `2px solid #1a73e8`; the inner band is the text colour).
 * @fires {LoginStartDetail} login-start - A flow starts; cancelable: `preventDefault()` stops it before any window opens.
 * @fires {LoginSuccessDetail} login-success - The flow completed: `{provider, mode, result}` with an exchange endpoint, else `{provider, mode, code, codeVerifier?, redirectUri}`.
 * @fires {LoginErrorDetail} login-error - The flow failed: `{provider, mode, error, message, description?, status?, cause?}`.
 * @fires {LoginCancelDetail} login-cancel - The user closed the popup (`popup_closed`); `cancel()`, a prevented login-start, Back from a redirect or removal from the page (`aborted`); a new click replaced a flow whose popup COOP hid (`superseded`); a click in an in-app browser the provider refuses, or with `escape-in-app`, offered the system browser instead (`in_app_browser`, with `message`).
 */
export class LoginButton extends ButtonAttributes {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles: CSSResultGroup = buttonStyles;
  /** The provider's mark: the inside of a 24×24 SVG, drawn in `currentColor` with the even-odd fill rule (a multi-colour mark sets its own `fill`s). */
  declare static mark?: SVGTemplateResult;
  /**
   * The provider's own words, by language, over the shipped texts of that language (its name, and the
   * labels its branding rules prescribe: Google's "Sign in with Google", Kakao's "카카오 로그인"; from its
   * file in src/providers/);
   * what a site sets with `setTexts` still wins. Kept in the element, so other elements do not carry them.
   */
  declare static words?: Words;

  private declare current?: LoginFlow;
  /** The language the element speaks (own `lang`, an ancestor's, the document's); '' before it is in a document. */
  #lang = '';
  #unlisten?: () => void;
  /** The last outcome's text, its language, and whether it shows (else it is only announced). */
  #message?: { text: string; lang: string; shown: boolean };
  /** Whether the running flow has no popup (it leaves by redirect, or is a resumed one). */
  #noPopup = false;
  /** Disabled while focused: the button keeps focus (aria-disabled) until focus leaves it. */
  #keepFocus = false;

  constructor() {
    super();
    // On the host, not the button: a click anywhere on the element (or el.click()) starts the flow.
    this.addEventListener('click', () => {
      if (!this.disabled) void this.login(); // its promise is handled already (core/outcome.ts)
    });
    // Not busy any more by the time a page's listener sees the outcome.
    const settled = (event: Event) => {
      if (event.target != this) return;
      if (this.current?.settled) {
        this.current = undefined;
        this.busy = false;
      }
      const { texts, lang } = this.texts();
      const said = outcomeText(texts, event.type, (event as CustomEvent).detail);
      if (said) this.#say(said[0], lang, said[1]);
    };
    for (const type of ['login-success', 'login-error', 'login-cancel']) this.addEventListener(type, settled);
    this.addEventListener('focusout', () => {
      if (this.#keepFocus) {
        this.#keepFocus = false;
        this.requestUpdate();
      }
    });
  }

  /** The provider's name as the texts say it (`<oauth-login>`: its `provider-label`, or none). */
  protected brandName(texts: ButtonTexts): string | undefined {
    return texts[(this.constructor as typeof LoginButton).profile.name];
  }

  /** The texts in the element's language, and the language they are really in (`en` when it fell back). */
  protected texts() {
    return buttonTexts(this.#lang, this.constructor as typeof LoginButton);
  }

  /** Shows and announces `text` (or only announces it: `shown` false, or `quiet`), frozen in `lang`. */
  #say(text: string, lang: string, shown: boolean): void {
    this.#message = { text, lang, shown: shown && !this.quiet };
    this.requestUpdate();
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
    // The next click clears the last message.
    this.#message = undefined;
    this.requestUpdate();
    const config = this.config();
    const flow = startLogin(config, this, config.endpoint ? () => withServed(config) : undefined);
    this.#noPopup = flow.mode == 'redirect';
    const { texts, lang } = this.texts();
    if (!flow.settled && !this.#noPopup) this.#say(openedText(texts, this.brandName(texts)), lang, true);
    return this.track(flow);
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
    this.#unlisten = onLanguageChange(() => this.requestUpdate(), this);
    // Once the page has loaded, the callback page's script gets cached: a login never waits for it
    // (docs/decisions.md, 19). A redirect-uri set later is warmed when its flow starts.
    const warm = () => this.isConnected && warmCallback(this.redirectUri);
    // Wait for the page's own scripts: they add the listeners a resumed redirect fires into.
    const resume = () =>
      // The stored-transaction code comes on demand (later.ts): a page that is not coming back from a redirect never needs it.
      setTimeout(() =>
        later().then((parts) => {
          const config = this.config();
          const flow = this.isConnected && !this.current ? parts.resumeTaken(config, this, [reporter, timeoutOf, deadline, finish, timedOut]) : undefined;
          if (!flow) return warm();
          this.#noPopup = true;
          void this.track(flow);
        }, warm),
      );
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
    this.#unlisten?.();
    setTimeout(() => this.isConnected || this.cancel());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read here, never in render: Lit SSR renders with no document (and so in English).
    // The property first: set as one, it reaches the attribute only after this update.
    this.#lang = this.isConnected ? this.lang || languageOf(this) : '';
    // Until a language's texts are in, the element speaks English (marked lang="en").
    void loadTexts(this.#lang)?.then(() => this.requestUpdate());
    // An element with an `endpoint` asks for its provider list as soon as it is on a page (one request for all).
    if (changed.has('endpoint') && this.endpoint && this.isConnected) readyServed(this.config());
    if (changed.has('disabled')) this.#keepFocus = this.disabled && !!this.shadowRoot?.activeElement;
  }

  override render() {
    const { texts, lang } = this.texts();
    const provider = this.brandName(texts);
    // Unset attributes give class "undefined": the defaults are the unclassed styles.
    const round = this.shape == 'pill' || this.shape == 'circle';
    const classes = `${this.theme} ${this.size} ${round ? 'pill' : ''} ${this.type == 'icon' ? 'icon' : this.logoAlignment}`;
    const message = this.#message;
    const mark = (this.constructor as typeof LoginButton).mark;
    return html`<button
        part="button"
        type="button"
        class=${classes}
        ?disabled=${this.disabled && !this.#keepFocus}
        aria-disabled=${this.disabled && this.#keepFocus ? 'true' : nothing}
        aria-busy=${this.busy}
      >
        <span part="logo" class="logo">
          ${this.busy
            ? html`<span class="spin"></span>`
            : html`<slot name="logo"><svg viewBox="0 0 24 24" aria-hidden="true">${mark}</svg></slot>`}
        </span>
        <span class="label">
          <span ?hidden=${!this.busy} lang=${lang}>${this.busy ? busyText(texts, this.#noPopup, provider) : ''}</span>
          <slot ?hidden=${this.busy}><span lang=${lang}>${labelFor(texts, this.text, provider)}</span></slot>
        </span>
      </button>
      <div part="status" class=${message?.shown ? 'status' : 'sr'} role="status" aria-live="polite" lang=${message?.lang ?? lang}>${message?.text ?? ''}</div>`;
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
