/**
 * Every text the package shows or announces, in English: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

/**
 * The login buttons: labels (`text` attribute; `{provider}` is the provider's name), what a busy
 * button says (`busy` while the popup is open — its status adds `close_to_cancel`, from its first character; `working` while the page leaves for the provider, or
 * completes a login the provider sent it back with), and the status texts shown and announced after an outcome. Provider names are keyed
 * by provider (`bbaton`…); `<oauth-login>` takes its `provider-label`.
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
  popup_blocked: 'Pop-up blocked. Allow pop-ups and try again.',
  timeout: 'Login timed out.',
  access_denied: 'Login declined.',
  failed: 'Login failed.',
};

/**
 * The built-in dialects' names, as their buttons say them. Not in `button`, which every element
 * carries: each element has its own in its `words` (src/elements/*-login.ts); the server's provider
 * list and `<login-session>`'s card take them from here. A language's own (`bbaton` in ko.ts), or
 * one a site adds with `setTexts`, wins on the button.
 */
export const names = {
  bbaton: 'BBaton',
  belladati: 'BellaDati',
  upbond: 'UPBOND',
  bitbadges: 'BitBadges',
};

/**
 * Button texts other languages add that English keeps elsewhere: `in_app_browser`, what a click inside an
 * in-app browser says (contract §8), is in English in the on-demand way out (src/core/way-out.ts), not
 * in every bundle; a language's own, or one a site adds with `setTexts`, wins.
 */
export type ButtonExtras = { in_app_browser?: string; brands?: Brands };

/**
 * A language's words of one provider's button (`brands` of its `button` texts), by provider type, over
 * that language's other button texts: its name as the service writes it in that language, and the label
 * its branding rules prescribe (Kakao's "카카오 로그인"). In the language's chunk, loaded with it, so no
 * element carries another language's words; English ones are in the element (`LoginButton.words`).
 */
export type Brands = Record<string, Partial<typeof button> & Record<string, string>>;

/**
 * `<login-session>`'s default signed-in content; `{name}` is the user's name or email (in the `user`
 * part); `signedInWith` stands in when the session has neither (`{provider}` is the provider's label).
 */
export const session = {
  signedInAs: 'Signed in as {name}',
  signedInWith: 'Signed in with {provider}',
  signOut: 'Sign out',
};

/**
 * `<login-chooser>`: the group's accessible name, the badge on the provider last used on this device,
 * and the message shown when the endpoint's provider list cannot be had.
 */
export const chooser = {
  label: 'Choose how to log in',
  lastUsed: 'Last used',
  unavailable: 'Login is not available right now. Try again later.',
};

/** The callback page (src/callback.ts). */
export const callback = {
  /** Nothing took the result: it landed in another browser or app, or the page that started it is gone. */
  failed: 'The login could not finish here.',
  restart: 'Start again',
  /** Only after the page that started the login acknowledged the result. */
  done: 'You can close this window.',
};
