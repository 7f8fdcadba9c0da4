/**
 * Every text the package shows or announces, in Japanese: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

import type { Brands, ButtonLabels, ErrorTexts, LanguageButtonTexts } from './en.js';

/** The providers' own Japanese words (see en.ts): LINE's and Microsoft's labels. */
export const brands: Brands = {
  line: { signin_with: '{provider}でログイン' },
  microsoft: { signin_with: '{provider} でサインイン', signin: 'サインイン' },
};

/** What a failed or cancelled login says (see en.ts `ErrorTexts`). */
const errors: ErrorTexts = {
  popup_blocked: 'ポップアップを許可して、もう一度お試しください。',
  timeout: '時間切れです。',
  access_denied: 'ログインが拒否されました。',
  in_app_browser: 'ブラウザでログインしてください：••• または ⋮ をタップし、ブラウザで開くを選択してください。',
};

/** The login buttons (see en.ts). Provider names stay as the services write them. */
const labels: Partial<ButtonLabels> = {
  signin_with: '{provider} でログイン',
  signup_with: '{provider} で登録',
  continue_with: '{provider} で続ける',
  signin: 'ログイン',
  signup: '登録',
  continue: '続ける',
  busy: '{provider} のウィンドウで続けてください…',
  busy_none: 'ログイン画面で続けてください…',
  working: 'ログインしています…',
  close_to_cancel: '。閉じるとキャンセルします。',
  success: 'ログインしました。',
  cancelled: 'ログインをキャンセルしました。',
  failed: 'ログインできませんでした。',
};

/** The login buttons' texts as the element reads them (see en.ts): labels, error texts, the providers' own words. */
export const button: LanguageButtonTexts = { ...labels, ...errors, brands };

/** `<login-session>`'s default signed-in content; `{name}` is the user's name (in the `user` part). */
export const session = {
  signedInAs: '{name} としてログイン中',
  signedInWith: '{provider} でログイン中',
  signOut: 'ログアウト',
};

/** `<login-chooser>` (see en.ts). */
export const chooser = {
  label: 'ログイン方法を選択',
  lastUsed: '前回使用',
  unavailable: '現在ログインできません。しばらくしてからもう一度お試しください。',
};

/** The callback page (src/callback.ts). */
export const callback = {
  failed: 'ここではログインを完了できませんでした。',
  restart: 'もう一度始める',
  done: 'このウィンドウは閉じてかまいません。',
};
