import { html, nothing, type TemplateResult } from 'lit';
import type { PublicProvider } from '../contract/wire.js';
import type { ButtonAttributes } from './button-attributes.js';

/** One row of `<login-chooser>`: a provider the endpoint lists, and its button. */
export type Row = { entry: PublicProvider; el: ButtonAttributes };

/**
 * The row of a listed provider: its own element (`tag`), configured by the endpoint — the server's key,
 * and a generic provider's label. A provider listed with an `error` is warned about (its button is disabled).
 */
export function rowFor(entry: PublicProvider, endpoint: string, tag: string, where: string): Row {
  if (entry.error) console.warn(`login-elements: <login-chooser>: ${where} lists "${entry.key}" with ${entry.error}: its button is disabled`);
  const el = document.createElement(tag) as ButtonAttributes;
  el.setAttribute('endpoint', endpoint);
  el.setAttribute('provider', entry.key);
  if (tag == 'oauth-login' && entry.label) el.setAttribute('provider-label', entry.label);
  el.setAttribute('exportparts', 'button, logo, status');
  return { entry, el };
}

/** A row as the chooser shows it: its button, under the "Last used" badge (`badge`) when it is the provider last used here. */
export const renderRow = ({ el }: Row, badge: string | undefined, lang: string): TemplateResult =>
  html`<div class="item ${badge ? 'last' : ''}">${badge ? html`<span class="badge" part="badge" lang=${lang}>${badge}</span>` : nothing}${el}</div>`;

/** Makes the badge describe the row's button (where the browser lets a description reach into its shadow root). */
export function describeBy({ el }: Row, badge: Element): void {
  void el.updateComplete.then(() => {
    const button = el.shadowRoot?.querySelector('button');
    if (button && 'ariaDescribedByElements' in button) button.ariaDescribedByElements = [badge];
  });
}
