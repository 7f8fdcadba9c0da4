/**
 * The language a piece of UI speaks (contract §2): the element's own `lang`, else its nearest ancestor's
 * (across shadow roots), else the document's. No Lit, no DOM at import: the callback page, `core`
 * and the elements all read it the same way.
 */

import type { ButtonLabels, ChooserTexts, ErrorTexts, NameTexts, SessionTexts } from './en.js';

/** `ko-KR` → `ko`; '' when nothing says. */
export const primary = (tag: string | null | undefined): string => (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The `lang` that applies to `node`, walking up through shadow roots to the document. */
export function languageOf(node: Element): string {
  for (let at: Element | undefined = node; at; at = (at.getRootNode() as ShadowRoot).host) {
    const lang = at.closest('[lang]:not([lang=""])')?.getAttribute('lang');
    if (lang) return lang;
  }
  return '';
}

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

const LANG = { attributes: true, attributeFilter: ['lang'], subtree: true };

/**
 * Calls `listener` whenever a `lang` attribute changes in the document's light tree or, given the
 * element, in the shadow roots around it — or a site calls `setTexts` — so an element follows a
 * language switch. One observer serves every subscriber; returns the unsubscribe.
 */
export function onLanguageChange(listener: () => void, element?: Node): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, LANG);
  }
  for (let root = element?.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) observer?.observe(root, LANG);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** One UI's texts per language: English complete, the others may leave a text out (English shows). */
export type TextTable<T extends Record<string, string>> = { en: T } & Record<string, Partial<T>>;

/**
 * What a site adds or changes with `setTexts`, by UI: each part typed, so a misspelt text name fails
 * typechecking. Texts left out stay as shipped (English for a language the package does not ship).
 */
export interface SiteTexts {
  /** The login buttons' labels and statuses (src/i18n/en.ts `button`). */
  button?: Partial<ButtonLabels>;
  /** A button's status after a failure or cancel, by `detail.error` or `detail.reason`; `button.failed`/`cancelled` for the rest. */
  errors?: ErrorTexts;
  /** Provider names as the buttons say them, by provider type (`<oauth-login>`: its `provider-label`). */
  names?: NameTexts;
  /** `<login-session>`'s signed-in card. */
  session?: Partial<SessionTexts>;
  /** `<login-chooser>`. */
  chooser?: Partial<ChooserTexts>;
}

/** Every part of `SiteTexts` (test/types/texts.ts fails if one is missing). */
export const PARTS = ['button', 'errors', 'names', 'session', 'chooser'] as const satisfies readonly (keyof SiteTexts)[];

/** What sites added with `setTexts`, by UI, then by language; `errors` and `names` go with `button`, as a button reads them (ButtonTexts). */
const added: Record<string, Record<string, Record<string, string>>> = {};

/**
 * Adds a language, or overrides any text of a shipped one, for every element on the page (no
 * subclass): `setTexts('de', {button: {signin_with: 'Mit {provider} anmelden'}, errors: {timeout: 'Zeit abgelaufen.'}})`.
 * Elements already on the page re-render at once. An unknown part or a text that is not a string is a
 * `TypeError`, and nothing is changed.
 */
export function setTexts(lang: string, texts: SiteTexts): void {
  const code = primary(lang);
  const parts = Object.entries(texts);
  // A page without TypeScript gets the same refusals, before anything is changed.
  for (const [ui, table] of parts) {
    if (!(PARTS as readonly string[]).includes(ui)) throw new TypeError(`setTexts: no part "${ui}" (${PARTS.join(', ')})`);
    for (const [name, text] of Object.entries(table ?? {})) if (typeof text != 'string') throw new TypeError(`setTexts: ${ui}.${name} must be a string`);
  }
  for (const [ui, table] of parts) {
    const byLang = (added[ui == 'errors' || ui == 'names' ? 'button' : ui] ||= {});
    byLang[code] = { ...byLang[code], ...table };
  }
  listeners.forEach((notify) => notify());
}

/**
 * The texts for `lang` from a complete `table`, and the language they are really in: `en` when `lang`
 * is not covered (the caller marks the fallback `lang="en"`, so a screen reader picks an English voice).
 */
export function pick<T extends Record<string, string>>(table: TextTable<T>, lang: string): { texts: T; lang: string } {
  const code = primary(lang);
  const own = code != 'en' && table[code];
  return own ? { texts: { ...table.en, ...own }, lang: code } : { texts: table.en, lang: 'en' };
}

/** `pick` over `table` with what `setTexts` added for `ui` (the elements' texts; a callback page has no `setTexts`). */
export function textsFor<T extends Record<string, string>>(table: TextTable<T>, lang: string, ui?: string): { texts: T; lang: string } {
  const code = primary(lang);
  const site = (ui && added[ui]) || {};
  const en = { ...table.en, ...site.en };
  return code != 'en' && (table[code] || site[code]) ? { texts: { ...en, ...table[code], ...site[code] }, lang: code } : { texts: en, lang: 'en' };
}

/** `fill('Log in with {provider}', {provider: 'BBaton'})` → `Log in with BBaton`. */
export const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
