import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { safeUrl } from '../core/config-check.js';
import { servedProviders } from '../core/endpoint.js';
import { emit } from '../core/events.js';
import type { LoginErrorCode, LoginErrorDetail, LoginSuccessDetail } from '../core/types.js';
import { chooser as en } from '../i18n/en.js';
import { languageOf, onLanguageChange, primary, textsFor, type TextTable } from '../i18n/language.js';
import { loadElement } from './catalogue.js';
import { chooseEntries, lastUsed, listWait, remember } from './chooser-order.js';
import { describeBy, renderRow, rowFor, type Row } from './chooser-row.js';
import { chooserStyles } from './chooser-styles.js';
import { CommonAttributes, handDown } from './common-attributes.js';
import { define } from './define.js';
import { inlineChooser, lazy } from './languages.js';

const table: TextTable<typeof en> = { en, ...inlineChooser };

/**
 * One login button per provider the companion endpoint serves (contract §8), from `GET {endpoint}/providers`
 * — the same one request per page as every element with an `endpoint` — in the server's order, or in the
 * order of `providers`. The provider last used on this device comes first with a "Last used" badge (kept
 * in `localStorage` under `login-elements:last-provider` after a successful login only). Each button is
 * the provider's own element (`<google-login>`…; `<oauth-login>` for a generic provider), loaded only
 * when shown, and gets the chooser's `mode`, `timeout`, `quiet` and looks (`CommonAttributes`: the
 * attributes both have); its login events bubble out of the chooser as they do from a button on the
 * page. A provider the server lists with an `error` (its discovery failed) is shown disabled, in its place.
 * @tagname login-chooser
 * @summary One login button per provider the endpoint serves.
 * @csspart group - The buttons' group (`role="group"`, named "Choose how to log in" in the chooser's language).
 * @csspart badge - The "Last used" badge on the provider last used on this device.
 * @csspart error - The message shown when the provider list cannot be had.
 * @csspart button - Every button's native button (exported from the provider elements).
 * @csspart logo - Every button's mark.
 * @csspart status - Every button's status message.
 * @cssprop --login-chooser-gap - Space between the buttons (default `0.75rem`).
 * @cssprop --login-badge-background - The badge's background (default `#1557b0`).
 * @cssprop --login-badge-color - The badge's text colour (default `#fff`).
 * @fires {LoginStartDetail} login-start - A button's flow starts (from the button, bubbling out of the chooser; cancelable).
 * @fires {LoginSuccessDetail} login-success - A button's flow completed; the chooser keeps its provider as the one last used.
 * @fires {LoginErrorDetail} login-error - A button's flow failed; or the chooser's own: the provider list cannot be had (`config_unavailable`: network, non-2xx, no answer within 10 s, nothing to show) or `endpoint` is unsafe (`invalid_config`), with `provider` `''`.
 * @fires {LoginCancelDetail} login-cancel - A button's flow was cancelled.
 */
export class LoginChooser extends CommonAttributes {
  static override styles = chooserStyles;
  static override properties: PropertyDeclarations = {
    endpoint: {},
    providers: {},
    disabled: { type: Boolean, reflect: true },
    lang: { reflect: true },
  };

  /** The companion handler's base URL: the buttons come from `{endpoint}/providers`, each logs in through `{endpoint}/{key}`. */
  declare endpoint: string;
  /** Provider keys (space-separated) to show, in this order; unset: every provider the endpoint serves, in its order. A key the list lacks is warned about on the console and skipped. */
  declare providers?: string;
  /** Disables every button. */
  declare disabled: boolean;
  /** The chooser's language, and so its buttons' (`en`, `ko`, `ja`, or one added with `setTexts`); unset: its nearest ancestor's, else the document's. */
  declare lang: string;

  /** The buttons once the list and their elements are in; undefined before. */
  #rows?: Row[];
  /** The key last used on this device, as read when the list arrived. */
  #last?: string;
  /** Why there are no buttons (the error state), shown and sent as a login-error. */
  #failed = false;
  /** The current ask for the list: an older one that settles later changes nothing. */
  #ask = 0;
  #lang = '';
  #unlisten?: () => void;

  constructor() {
    super();
    this.endpoint = '/auth';
    this.disabled = false;
    // Only a successful login is remembered; a cancel or an error is not the person's choice.
    this.addEventListener('login-success', (event) => remember((event as CustomEvent<LoginSuccessDetail>).detail.provider));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unlisten = onLanguageChange(() => this.requestUpdate(), this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten?.();
  }

  /** Shows the error state and says why in a `login-error` (once per ask). */
  #fail(ask: number, error: LoginErrorCode, message: string, failure: Partial<LoginErrorDetail> = {}): void {
    if (ask != this.#ask || this.#rows) return;
    this.#failed = true;
    this.requestUpdate();
    emit(this, 'login-error', { provider: '', mode: this.mode || 'auto', error, message: `login-chooser: ${message}`, ...failure });
  }

  /** Asks for the list (one request per page), then loads the shown providers' elements and makes their buttons. */
  async #load(): Promise<void> {
    const ask = ++this.#ask;
    const endpoint = this.endpoint;
    this.#rows = undefined;
    this.#failed = false;
    if (!safeUrl(endpoint)) return this.#fail(ask, 'invalid_config', `endpoint must be https: (or http: on localhost): ${endpoint}`);
    const where = `${endpoint.replace(/\/*$/, '')}/providers`;
    // A list that never comes is an error after a while; if it comes later, the buttons show then.
    const late = setTimeout(() => this.#fail(ask, 'config_unavailable', `${where} did not answer within ${listWait.ms} ms`), listWait.ms);
    try {
      const list = await servedProviders(endpoint);
      if (!Array.isArray(list?.providers)) throw { message: `${where} answered without a providers array` };
      if (ask != this.#ask) return;
      const entries = chooseEntries(list.providers, this.providers, (this.#last = lastUsed()), where);
      if (!entries.length) throw { message: `${where} lists no provider to show` };
      // Only the shown providers' elements load (a page's bytes do not grow with the number of providers).
      const tags = await Promise.all(entries.map((entry) => loadElement(entry.type || entry.key)));
      if (ask != this.#ask) return;
      this.#rows = entries.map((entry, i) => rowFor(entry, endpoint, tags[i]!, where));
      this.#failed = false;
      this.requestUpdate();
    } catch (failure) {
      const { message, status, cause, description } = failure as Partial<LoginErrorDetail>;
      this.#fail(ask, 'config_unavailable', String(message), { status, cause, description });
    } finally {
      clearTimeout(late);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read here, never in render: Lit SSR renders with no document (and so in English).
    this.#lang = this.isConnected ? this.lang || languageOf(this) : '';
    const code = primary(this.#lang);
    const load = lazy[code];
    if (!table[code] && load) load().then((module) => ((table[code] = module.chooser), this.requestUpdate()), () => {});
    if ((changed.has('endpoint') || changed.has('providers')) && this.isConnected) void this.#load();
  }

  protected override updated(): void {
    for (const { entry, el } of this.#rows ?? []) {
      handDown(this, el);
      el.disabled = this.disabled || !!entry.error;
    }
    const first = this.#rows?.[0];
    const badge = this.renderRoot.querySelector('.badge');
    if (first && badge) describeBy(first, badge);
  }

  override render() {
    const { texts, lang } = textsFor(table, this.#lang, 'chooser');
    if (this.#failed) return html`<p part="error" role="alert" lang=${lang}>${texts.unavailable}</p>`;
    return html`<div part="group" role="group" aria-label=${texts.label} aria-busy=${!this.#rows} class=${this.type == 'icon' ? 'row' : ''}>
      ${(this.#rows ?? []).map((row) => renderRow(row, row.entry.key == this.#last ? texts.lastUsed : undefined, lang))}
    </div>`;
  }
}
define('login-chooser', LoginChooser);

declare global {
  interface HTMLElementTagNameMap {
    'login-chooser': LoginChooser;
  }
}
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from './login-button.js';
