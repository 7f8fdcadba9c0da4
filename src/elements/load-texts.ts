import { primary } from '../i18n/language.js';
import { lazy } from './languages.js';

/**
 * The one loader of shipped texts: for a table of one element's texts (`part` of each language chunk:
 * the buttons' or `<login-session>`'s; one request serves both), a function that loads `lang`'s if
 * they are not in yet and settles once they are, or returns undefined when there is nothing to wait
 * for (loaded, English, or a language not shipped).
 */
export function textsLoader(table: Record<string, unknown>, part: 'button' | 'session'): (lang: string) => Promise<void> | undefined {
  // No cache of the loads: the browser's module map makes a second import() of a chunk the first one.
  return (lang) => {
    const code = primary(lang);
    const load = lazy[code];
    if (table[code] || !load) return;
    return load().then((module) => void (table[code] = module[part]));
  };
}
