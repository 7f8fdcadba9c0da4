/**
 * The language a piece of UI speaks (SPEC §2): the element's own `lang`, else its nearest ancestor's
 * (across shadow roots), else the document's. No Lit, no DOM at import: the callback page, `core`
 * and the elements all read it the same way.
 */

/** `ko-KR` → `ko`; '' when nothing says. */
export const primary = (tag: string | null | undefined): string => (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The `lang` that applies to `node`, walking up through shadow roots to the document. */
export function languageOf(node: Node): string {
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) {
    const lang = at instanceof Element ? at.getAttribute('lang') : null;
    if (lang) return lang;
  }
  return node.ownerDocument?.documentElement.lang ?? '';
}

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever a `lang` attribute changes anywhere in the document's light tree, so an
 * element follows a language switch. One observer serves every subscriber; returns the unsubscribe.
 */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver == 'function') {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
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
 * The texts for `lang` from `table`, and the language they are really in: `en` when `lang` is not
 * covered (the caller marks the fallback `lang="en"`, so a screen reader picks an English voice).
 */
export function textsFor<T extends Record<string, string>>(table: TextTable<T>, lang: string): { texts: T; lang: string } {
  const own = table[primary(lang)];
  return own && primary(lang) != 'en' ? { texts: { ...table.en, ...own }, lang: primary(lang) } : { texts: table.en, lang: 'en' };
}
