import { button as en } from '../i18n/en.js';
import { button as ja } from '../i18n/ja.js';
import { button as ko } from '../i18n/ko.js';
import { fill, textsFor } from '../i18n/language.js';
import type { LoginCancelDetail, LoginErrorDetail } from '../core/types.js';

/** The button's texts in one language. */
export type ButtonTexts = typeof en;
export type TextPreset = 'signin_with' | 'signup_with' | 'continue_with' | 'signin';

const table = { en, ko, ja };

/** The button's texts for `lang` (with what a site added by `setTexts`) and the language they are in. */
export const buttonTexts = (lang: string) => textsFor(table, lang, 'button');

/**
 * The label for a `text` preset: "Log in with BBaton"; without a provider name (an `<oauth-login>`
 * without `provider-label`) the same words without one: "Log in", "Sign up", "Continue".
 */
export function labelFor(t: ButtonTexts, preset: string | undefined, provider: string | undefined): string {
  const key = preset == 'signup_with' || preset == 'continue_with' || preset == 'signin' ? preset : 'signin_with';
  if (key == 'signin') return t.signin;
  return provider ? fill(t[key], { provider }) : t[key.replace('_with', '') as 'signup' | 'continue' | 'signin'];
}

/** What a busy button says: where the person goes on. */
export const busyText = (t: ButtonTexts, redirecting: boolean, provider: string | undefined): string =>
  redirecting ? t.redirecting : provider ? fill(t.busy, { provider }) : t.busy_none;

/**
 * What an outcome event says, and whether it is shown (errors and cancels) or only announced
 * (success). A flow a new click superseded says nothing: the new one speaks.
 */
export function outcomeText(t: ButtonTexts, type: string, detail: Partial<LoginErrorDetail & LoginCancelDetail>): [text: string, shown: boolean] | undefined {
  if (type == 'login-success') return [t.success, false];
  if (type == 'login-cancel') return detail.reason == 'superseded' ? undefined : [t.cancelled, true];
  const error = detail.error;
  return [error == 'popup_blocked' || error == 'timeout' || error == 'access_denied' ? t[error] : t.failed, true];
}
