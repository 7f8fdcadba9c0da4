/**
 * Every text the package shows or announces, in English: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

/** `<login-session>`'s default signed-in content; `{name}` is the user's name (in the `user` part). */
export const session = {
  signedInAs: 'Signed in as {name}',
  signOut: 'Sign out',
};
