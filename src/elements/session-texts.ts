import { session as en } from '../i18n/en.js';
import { primary, textsFor, type TextTable } from '../i18n/language.js';
import { inlineSession, lazy } from './languages.js';
import { textsLoader } from './load-texts.js';

/** `<login-session>`'s texts: English, and the shipped languages once in (the CDN files have them all inline). */
const table: TextTable<typeof en> = { en, ...inlineSession };

/** Loads `lang`'s shipped session texts if they are not in yet (the buttons' language chunk: one request for both). */
export const loadSessionTexts = textsLoader(table, 'session');

/** Whether `lang` has shipped session texts that are not in yet. */
export const sessionTextsMissing = (lang: string): boolean => {
  const code = primary(lang);
  return !table[code] && !!lazy[code];
};

/** The session texts for `lang` (with what a site added by `setTexts`) and the language they are in. */
export const sessionTexts = (lang: string) => textsFor(table, lang, 'session');
