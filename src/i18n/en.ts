/**
 * Every text the package shows or announces, in English: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

import type { ProviderType } from '../contract/wire.js';
import type { LoginCancelDetail, LoginErrorCode } from '../core/types.js';

/** What a button's status says after a failure or a cancel with its own text: by error code or cancel reason. */
export type ErrorKey = LoginErrorCode | LoginCancelDetail['reason'];
export type ErrorTexts = Partial<Record<ErrorKey, string>>;

/**
 * The login buttons: labels (`text` attribute; `{provider}` is the provider's name), what a busy
 * button says (`busy` while the popup is open — its status adds `close_to_cancel`, from its first character; `working` while the page leaves for the provider, or
 * completes a login the provider sent it back with), and the status after an outcome: `success`
 * (announced), then the error texts by code (`ErrorTexts`), and `failed` or `cancelled` for an
 * outcome with no text of its own. One object, as the button reads it (`ButtonTexts`); `setTexts` takes
 * the labels and the error texts apart (`button`, `errors`). English has no `in_app_browser`: it says it
 * in the on-demand way out (src/core/way-out.ts), not in every bundle (contract §8).
 */
export const button = {
  signin_with: 'Log in with {provider}',
  signup_with: 'Sign up with {provider}',
  continue_with: 'Continue with {provider}',
  signin: 'Log in',
  signup: 'Sign up',
  continue: 'Continue',
  busy: 'Continue in the {provider} window…',
  busy_none: 'Continue in the login window…',
  working: 'Logging in…',
  close_to_cancel: ' — close it to cancel.',
  success: 'Logged in.',
  cancelled: 'Login cancelled.',
  failed: 'Login failed.',
  // The error texts (ErrorTexts).
  popup_blocked: 'Pop-up blocked. Allow pop-ups and try again.',
  timeout: 'Login timed out.',
  access_denied: 'Login declined.',
} satisfies ErrorTexts & Record<string, string>;

/** The buttons' labels and statuses: every English text of `button` but the error texts. */
export type ButtonLabels = Record<Exclude<keyof typeof button, ErrorKey>, string>;

/** Provider names, by provider type: a language's own (Kakao's "카카오"), or a site's. English ones are in each provider's file (`words`). */
export type NameTexts = Partial<Record<ProviderType, string>>;

/**
 * A button's texts in one language as the button reads them: labels, error texts and provider names,
 * merged. The three sets of keys never meet (test/types/texts.ts holds them apart), so no name is read as
 * a label, nor a label as an error's text.
 */
export type ButtonTexts = ButtonLabels & ErrorTexts & NameTexts;

/**
 * A provider's own words for its button, by language (src/providers/*.ts `words`, `LoginButton.words`):
 * its name under its type, as it writes it, and the labels its branding rules prescribe (Google's "Sign in with Google").
 */
export type Words = Record<string, Partial<ButtonTexts>>;

/**
 * A language's words of one provider's button, by provider type, over that language's other button texts:
 * its name as the service writes it in that language, and the label its branding rules prescribe
 * (Kakao's "카카오 로그인"). In the language's chunk, loaded with it, so no element carries another
 * language's words; English ones are in the provider's file (`words`).
 */
export type Brands = Partial<Record<ProviderType, Partial<ButtonTexts>>>;

/** A shipped language's button texts, as its chunk hands them over: any texts, and its providers' own words. */
export type LanguageButtonTexts = Partial<ButtonTexts> & { brands?: Brands };

/**
 * `<login-session>`'s default signed-in content; `{name}` is the user's name or email (in the `user`
 * part); `signedInWith` stands in when the session has neither (`{provider}` is the provider's label).
 */
export const session = {
  signedInAs: 'Signed in as {name}',
  signedInWith: 'Signed in with {provider}',
  signOut: 'Sign out',
};
export type SessionTexts = typeof session;

/**
 * `<login-chooser>`: the group's accessible name, the badge on the provider last used on this device,
 * and the message shown when the endpoint's provider list cannot be had.
 */
export const chooser = {
  label: 'Choose how to log in',
  lastUsed: 'Last used',
  unavailable: 'Login is not available right now. Try again later.',
};
export type ChooserTexts = typeof chooser;

/** The callback page (src/callback.ts). */
export const callback = {
  /** Nothing took the result: it landed in another browser or app, or the page that started it is gone. */
  failed: 'The login could not finish here.',
  restart: 'Start again',
  /** Only after the page that started the login acknowledged the result. */
  done: 'You can close this window.',
};
