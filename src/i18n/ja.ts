/**
 * Every text the package shows or announces, in Japanese: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

/** `<login-session>`'s default signed-in content; `{name}` is the user's name (in the `user` part). */
export const session = {
  signedInAs: '{name} としてログイン中',
  signOut: 'ログアウト',
};

/** The callback page (src/callback.ts). */
export const callback = {
  failed: 'ここではログインを完了できませんでした。',
  restart: 'もう一度始める',
  done: 'このウィンドウは閉じてかまいません。',
};
