/**
 * Every text the package shows or announces, in Korean: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

/** `<login-session>`'s default signed-in content; `{name}` is the user's name (in the `user` part). */
export const session = {
  signedInAs: '{name} 님으로 로그인됨',
  signOut: '로그아웃',
};

/** The callback page (src/callback.ts). */
export const callback = {
  failed: '여기에서는 로그인을 마칠 수 없습니다.',
  restart: '다시 시작하기',
  done: '이 창을 닫아도 됩니다.',
};
