/**
 * Every text the package shows or announces, in English: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

/** `<login-session>`'s default signed-in content; `{name}` is the user's name (in the `user` part). */
export const session = {
  signedInAs: 'Signed in as {name}',
  signOut: 'Sign out',
};

/** The callback page (src/callback.ts). */
export const callback = {
  /** Nothing took the result: it landed in another browser or app, or the page that started it is gone. */
  failed: 'The login could not finish here.',
  restart: 'Start again',
  /** Only after the page that started the login acknowledged the result. */
  done: 'You can close this window.',
};
