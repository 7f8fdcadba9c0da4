import { LitElement, adoptStyles, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { emit } from '../core/events.js';
import { safeUrl } from '../core/config-check.js';
import { watchSession, type LogoutResult, type SessionView, type SessionUser, type SessionWatch } from '../core/session.js';
import { languageOf, onLanguageChange } from '../i18n/language.js';
import { loadSessionTexts, sessionTexts, sessionTextsMissing } from './session-texts.js';
import { define } from './define.js';
import { buttonStyles } from './styles.js';
import { loadCard } from './card-on-demand.js';

type Card = Awaited<ReturnType<typeof loadCard>>;

/** `loading` until the endpoint has answered once; then `signed-in` or `signed-out`. */
export type SessionState = 'loading' | 'signed-in' | 'signed-out';

export interface SessionChangeDetail {
  state: Exclude<SessionState, 'loading'>;
  provider: string | null;
  user: SessionUser | null;
}

/**
 * Who is signed in (contract §6): reads `GET {endpoint}/session` and shows the `signed-in` or `signed-out`
 * slot, nothing before the endpoint has answered. Follows sign-ins and sign-outs in other tabs, re-reads
 * when the page becomes visible and when the session expires, and turns `signed-in` when a login
 * element whose `exchange-endpoint` lies under `endpoint` succeeds. An endpoint that cannot answer
 * (503, offline) changes nothing: the last known state stays (`loading` stays `loading`) and it is
 * asked again.
 * @tagname login-session
 * @summary Shows who is signed in, and signs out.
 * @slot signed-in - Shown while signed in; default: the user's picture or initials, "Signed in as {name}" (`name`, else `email`, else "Signed in with {provider's label}") and a Sign out button, in the element's language, looking like the login buttons (`theme`, `size`; `size="small"` is a one-line form for a page header).
 * @slot signed-out - Shown while signed out (the login buttons).
 * @csspart user - The user's name in the default signed-in content.
 * @csspart logout - The Sign out button in the default signed-in content.
 * @fires {SessionChangeDetail} session-change - The state is first known, or changed: `{state, provider, user}`; never twice in a row for the same state and user.
 */
export class LoginSession extends LitElement {
  // Focusing the element focuses its Sign out button (keyboard users, and a page's own focus()).
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [buttonStyles];
  static override properties: PropertyDeclarations = {
    endpoint: {},
    providerLogout: { attribute: 'provider-logout', type: Boolean },
    returnTo: { attribute: 'return-to' },
    theme: {},
    size: {},
  };

  /** The companion endpoint's `basePath` URL, same origin. */
  declare endpoint: string;
  /** After sign-out, go to the provider's `endSessionUrl` when there is one (ends the provider's own session). */
  declare providerLogout: boolean;
  /**
   * Where the provider sends the person after its sign-out (`provider-logout`), resolved against the
   * document and sent as `returnTo`; it must be on an allowed origin and registered at the provider as
   * a post-logout redirect URI. Default: none sent — the server uses the provider's
   * `postLogoutRedirectUri`, else the site's root (`{origin}/`).
   */
  declare returnTo?: string;
  /** The default signed-in content's look: `filled` (a tinted surface), `outline` (bordered) or `neutral` (flat). */
  declare theme?: 'filled' | 'outline' | 'neutral';
  /** The default signed-in content's size as the buttons': `large` (44 px), `medium` (40), `small` (32, one line for a header). */
  declare size?: 'large' | 'medium' | 'small';

  // undefined while loading, null when signed out.
  #session: SessionView | null | undefined;
  #told?: string;
  #lang = '';
  #watch?: SessionWatch;
  #stop?: () => void;
  #stopLanguage?: () => void;
  /** The picture that failed to load (initials show instead), and the provider label once served. */
  #brokenPicture?: string;
  #label: { held?: [key: string, label: string] } = {};
  /** The card's module once loaded and its styles adopted here (null: it could not load), and the latest session told. */
  #card?: Card | null;
  #cardLoad?: Promise<unknown>;
  #textsTried?: boolean;
  #latest?: SessionView | null;

  constructor() {
    super();
    this.endpoint = '/auth';
    this.providerLogout = false;
  }

  /** `loading`, `signed-in` or `signed-out` (reflected as the `state` attribute). */
  get state(): SessionState {
    return this.#session ? 'signed-in' : this.#session === null ? 'signed-out' : 'loading';
  }

  /** The signed-in user (the normalized user without `raw`); null otherwise. */
  get user(): SessionUser | null {
    return this.#session?.user ?? null;
  }

  /** The provider key of the session; null otherwise. */
  get provider(): string | null {
    return this.#session?.provider ?? null;
  }

  /** When the session ends at the latest (epoch ms); null otherwise. */
  get expiresAt(): number | null {
    return this.#session?.expiresAt ?? null;
  }

  /** Re-reads the session; rejects with a `LoginError` (`exchange_failed`, `status`, `cause`) when the endpoint cannot say (the state stays). */
  refresh(): Promise<SessionView | null> {
    return this.#watcher().refresh();
  }

  /**
   * Signs out (`POST {endpoint}/logout`, every tab follows), then `signed-out`; with `provider-logout`,
   * then goes to the provider's sign-out page when it has one. `everywhere` ends every session of the
   * user. With the sealed cookie (no server `store`) this clears this browser's cookie only: a copy
   * taken before stays signed in until it expires. Rejects with a `LoginError` (`exchange_failed`,
   * `status`, `cause`) when the endpoint did not sign out (the state stays).
   */
  async logout(options: { everywhere?: boolean } = {}): Promise<LogoutResult> {
    const returnTo = this.providerLogout && this.returnTo ? new URL(this.returnTo, document.baseURI).href : undefined;
    const result = await this.#watcher().logout({ ...options, returnTo });
    const away = this.providerLogout && result.endSessionUrl && safeUrl(result.endSessionUrl);
    if (away) location.assign(away);
    return result;
  }

  #watcher(): SessionWatch {
    return (this.#watch ??= watchSession(this.endpoint, (session) => this.#show(session)));
  }

  #show(session: SessionView | null) {
    this.#latest = session;
    // Signed in: the card's module and the page's language first (each tried once), so that the state
    // and the content change together, in that language. A card that cannot load still lets the state
    // change (a page's own signed-in slot shows).
    const waits = session && this.#waits();
    if (waits) {
      void waits.then(() => this.#latest === session && this.#show(session));
      return;
    }
    this.#session = session;
    this.requestUpdate();
    const detail: SessionChangeDetail = { state: session ? 'signed-in' : 'signed-out', provider: session?.provider ?? null, user: session?.user ?? null };
    const key = JSON.stringify(detail);
    if (key != this.#told) {
      this.#told = key;
      emit(this, 'session-change', detail);
    }
  }

  /** What a signed-in view still waits for, once: the card's module (its styles adopted here) and its texts. */
  #waits(): Promise<unknown> | undefined {
    const textsMissing = sessionTextsMissing(this.#lang) && !this.#textsTried;
    if (this.#card !== undefined && !textsMissing) return;
    this.#textsTried = true;
    return Promise.all([this.#loadCard(), loadSessionTexts(this.#lang)?.catch(() => {})]);
  }

  /** The card's module, its styles adopted here; null when it cannot load (a page's own signed-in slot still shows). */
  #loadCard(): Promise<unknown> {
    return (this.#cardLoad ??= loadCard().then(
      (part) => {
        adoptStyles(this.renderRoot as ShadowRoot, [buttonStyles, part.cardStyles]);
        this.#card = part;
      },
      () => (this.#card = null),
    ));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const read = () => {
      this.#lang = languageOf(this);
      this.requestUpdate();
    };
    read();
    this.#stopLanguage = onLanguageChange(read, this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = undefined;
    this.#stopLanguage?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') && this.#watch) {
      this.#stop?.();
      this.#watch = undefined;
      this.#stop = undefined;
    }
    // Not in the constructor (a created element may not have attributes yet).
    if (this.getAttribute('state') != this.state) this.setAttribute('state', this.state);
  }

  // Listening starts after an update, so that it uses the endpoint the element was given (by attribute
  // or property) before it was connected; a reconnection requests one (the language is read again).
  protected override updated(): void {
    if (this.isConnected && !this.#stop) {
      this.#stop = this.#watcher().listen();
      // Fetched beside the first read, so that a signed-in answer seldom waits for it.
      void this.#loadCard();
    }
  }

  override render() {
    const session = this.#session;
    if (session === undefined) return nothing;
    if (!session) return html`<slot name="signed-out"></slot>`;
    const part = this.#card;
    if (!part) return html`<slot name="signed-in"></slot>`;
    void loadSessionTexts(this.#lang)?.then(() => this.requestUpdate());
    const { texts, lang } = sessionTexts(this.#lang);
    const content = part.cardOf({
      session,
      texts,
      lang,
      theme: this.theme,
      size: this.size,
      brokenPicture: this.#brokenPicture,
      label: (key) => part.heldLabel(this.#label, this.endpoint, key, () => this.requestUpdate()),
      onPictureError: (picture) => ((this.#brokenPicture = picture), this.requestUpdate()),
      onSignOut: () => this.logout().catch(() => {}),
    });
    return html`<slot name="signed-in">${content}</slot>`;
  }
}
define('login-session', LoginSession);

export type { LogoutResult, SessionView, SessionUser };

declare global {
  interface HTMLElementTagNameMap {
    'login-session': LoginSession;
  }
  interface GlobalEventHandlersEventMap {
    'session-change': CustomEvent<SessionChangeDetail>;
  }
}
