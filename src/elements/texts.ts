import { button as en, type ButtonTexts, type LanguageButtonTexts, type Words } from '../i18n/en.js';
import { textsFor, type TextTable } from '../i18n/language.js';
import { inline } from './languages.js';
import { textsLoader } from './load-texts.js';
import type { LoginCancelDetail, LoginErrorDetail, ProviderProfile } from '../core/types.js';

export type { ButtonTexts, Words };
export type TextPreset = 'signin_with' | 'signup_with' | 'continue_with' | 'signin';

const table: { en: ButtonTexts } & Record<string, LanguageButtonTexts> = { en, ...inline };

/**
 * Loads `lang`'s shipped texts if they are not in yet: a promise that settles once they are, or
 * undefined when there is nothing to wait for (loaded, English, or a language not shipped).
 */
export const loadTexts = textsLoader(table, 'button');

/**
 * The button's texts for `provider` in `lang` — a provider's own words (the element's English `words`,
 * its language's `brands`) over the shipped ones of a language that is in, then what a site added by
 * `setTexts` — and the language they are in.
 */
export function buttonTexts(lang: string, { profile, words = {} }: { profile: ProviderProfile; words?: Words }) {
  const mine: TextTable<ButtonTexts> = { ...table };
  for (const code in mine) mine[code] = { ...mine[code], ...words[code], ...table[code]!.brands?.[profile.name] };
  return textsFor(mine, lang, 'button');
}

/**
 * The label for a `text` preset: "Log in with BBaton"; without a provider name (an `<oauth-login>`
 * without `provider-label`) the same words without one: "Log in", "Sign up", "Continue".
 */
export function labelFor(t: ButtonTexts, preset: string | undefined, provider: string | undefined): string {
  const key = preset == 'signup_with' || preset == 'continue_with' || preset == 'signin' ? preset : 'signin_with';
  return provider || key == 'signin' ? t[key].replace('{provider}', provider!) : t[key.slice(0, -5) as 'signup' | 'continue' | 'signin'];
}

/** What a busy button says: where the person goes on, or (no popup to point at) that it is working. */
export const busyText = (t: ButtonTexts, noPopup: boolean, provider: string | undefined): string =>
  noPopup ? t.working : provider ? t.busy.replace('{provider}', provider) : t.busy_none;

/**
 * What the status says while the popup is open, shown and announced: where the person goes on
 * (the busy text without its ellipsis), and that closing that window cancels — a provider that shows
 * its own error page (an unregistered redirect URI) sends nothing back, and the person must know the
 * way out (decision 30).
 */
export const openedText = (t: ButtonTexts, provider: string | undefined): string => busyText(t, false, provider).replace(/…$/, '') + t.close_to_cancel;

/**
 * What an outcome event says, and whether it is shown (errors and cancels) or only announced
 * (success). A flow a new click superseded says nothing: the new one speaks.
 */
export function outcomeText(t: ButtonTexts, type: string, detail: Partial<LoginErrorDetail & LoginCancelDetail>): [text: string, shown: boolean] | undefined {
  if (type == 'login-success') return [t.success, false];
  if (detail.reason == 'superseded') return;
  // The error texts: one for the error code (popup_blocked, timeout, access_denied, or one a site added
  // with setTexts' `errors`, e.g. invalid_scope) or the cancel's reason (ko, ja: `in_app_browser`); else the general
  // one — or the message a cancel carries (English `in_app_browser`: from the on-demand way out).
  const own = t[detail.error || detail.reason!];
  return [own || (detail.error ? t.failed : detail.message || t.cancelled), true];
}
