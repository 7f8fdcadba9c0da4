import { LitElement, css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { emit } from '../core/events.js';
import { safeUrl } from '../core/config-check.js';
import { watchSession, type LogoutResult, type Session, type SessionUser, type SessionWatch } from '../core/session.js';
import { session as en } from '../i18n/en.js';
import { session as ja } from '../i18n/ja.js';
import { session as ko } from '../i18n/ko.js';
import { languageOf, onLanguageChange, textsFor } from '../i18n/language.js';
import { define } from './define.js';

/** `loading` until the endpoint has answered once; then `signed-in` or `signed-out`. */
export type SessionState = 'loading' | 'signed-in' | 'signed-out';

export interface SessionChangeDetail {
  state: Exclude<SessionState, 'loading'>;
  provider: string | null;
  user: SessionUser | null;
}

const texts = { en, ko, ja };

/**
 * Who is signed in (SPEC §6): reads `GET {endpoint}/session` and shows the `signed-in` or `signed-out`
 * slot, nothing before the endpoint has answered. Follows sign-ins and sign-outs in other tabs, re-reads
 * when the page becomes visible and when the session expires, and turns `signed-in` when a login
 * element whose `exchange-endpoint` lies under `endpoint` succeeds. An endpoint that cannot answer
 * (503, offline) changes nothing: the last known state stays (`loading` stays `loading`) and it is
 * asked again.
 * @tagname login-session
 * @summary Shows who is signed in, and signs out.
 * @slot signed-in - Shown while signed in; default: "Signed in as {name} · Sign out" in the element's language.
 * @slot signed-out - Shown while signed out (the login buttons).
 * @csspart user - The user's name in the default signed-in content.
 * @csspart logout - The Sign out button in the default signed-in content.
 * @fires {SessionChangeDetail} session-change - The state is first known, or changed: `{state, provider, user}`; never twice in a row for the same state and user.
 */
export class LoginSession extends LitElement {
  // Focusing the element focuses its Sign out button (keyboard users, and a page's own focus()).
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = css`button{font:inherit;cursor:pointer}`;
  static override properties: PropertyDeclarations = {
    endpoint: {},
    providerLogout: { attribute: 'provider-logout', type: Boolean },
  };

  /** The companion endpoint's `basePath` URL, same origin. */
  declare endpoint: string;
  /** After sign-out, go to the provider's `endSessionUrl` when there is one (ends the provider's own session). */
  declare providerLogout: boolean;

  // undefined while loading, null when signed out.
  #session: Session | null | undefined;
  #told?: string;
  #lang = '';
  #watch?: SessionWatch;
  #stop?: () => void;
  #stopLanguage?: () => void;

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

  /** Re-reads the session; rejects with `{message, status?, cause?}` when the endpoint cannot say (the state stays). */
  refresh(): Promise<Session | null> {
    return this.#watcher().refresh();
  }

  /**
   * Signs out (`POST {endpoint}/logout`, every tab follows), then `signed-out`; with `provider-logout`,
   * then goes to the provider's sign-out page when it has one. `everywhere` ends every session of the
   * user. With the sealed cookie (no server `store`) this clears this browser's cookie only: a copy
   * taken before stays signed in until it expires. Rejects with `{message, status?, cause?}` when the
   * endpoint did not sign out (the state stays).
   */
  async logout(options: { everywhere?: boolean } = {}): Promise<LogoutResult> {
    const result = await this.#watcher().logout({ ...options, returnTo: this.providerLogout ? location.href : undefined });
    const away = this.providerLogout && result.endSessionUrl && safeUrl(result.endSessionUrl);
    if (away) location.assign(away);
    return result;
  }

  #watcher(): SessionWatch {
    return (this.#watch ??= watchSession(this.endpoint, (session) => this.#show(session)));
  }

  #show(session: Session | null) {
    this.#session = session;
    this.requestUpdate();
    const detail: SessionChangeDetail = { state: session ? 'signed-in' : 'signed-out', provider: session?.provider ?? null, user: session?.user ?? null };
    const key = JSON.stringify(detail);
    if (key != this.#told) {
      this.#told = key;
      emit(this, 'session-change', detail);
    }
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
    if (this.isConnected && !this.#stop) this.#stop = this.#watcher().listen();
  }

  override render() {
    const session = this.#session;
    if (session === undefined) return nothing;
    if (!session) return html`<slot name="signed-out"></slot>`;
    const { texts: t, lang } = textsFor(texts, this.#lang);
    const [before, after] = t.signedInAs.split('{name}');
    const user = session.user;
    const name = String(user?.name ?? user?.email ?? user?.id ?? session.provider);
    // One line: a template's whitespace ships in the bundle.
    return html`<slot name="signed-in"><span lang=${lang}>${before}<span part="user">${name}</span>${after} · <button part="logout" type="button" @click=${() => this.logout().catch(() => {})}>${t.signOut}</button></span></slot>`;
  }
}
define('login-session', LoginSession);

export type { LogoutResult, Session, SessionUser };

declare global {
  interface HTMLElementTagNameMap {
    'login-session': LoginSession;
  }
  interface GlobalEventHandlersEventMap {
    'session-change': CustomEvent<SessionChangeDetail>;
  }
}
