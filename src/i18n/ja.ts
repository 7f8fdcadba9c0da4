/**
 * Every text the package shows or announces, in Japanese: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */
export {};

/** The callback page (src/callback.ts). */
export const callback = {
  failed: 'ここではログインを完了できませんでした。',
  restart: 'もう一度始める',
  done: 'このウィンドウは閉じてかまいません。',
};
