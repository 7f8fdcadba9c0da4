/**
 * Every text the package shows or announces, in Korean: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */

import type { Brands, ButtonLabels, ErrorTexts, LanguageButtonTexts } from './en.js';

/** The providers' own Korean words (see en.ts): their Korean names, and Kakao's, Naver's and LINE's labels. */
export const brands: Brands = {
  bbaton: { bbaton: '비바톤' },
  kakao: { kakao: '카카오', signin_with: '{provider} 로그인' },
  naver: { naver: '네이버', signin_with: '{provider} 로그인' },
  line: { signin_with: '{provider}으로 로그인' },
};

/** What a failed or cancelled login says (see en.ts `ErrorTexts`). */
const errors: ErrorTexts = {
  popup_blocked: '팝업이 차단되었습니다. 허용 후 다시 시도하세요.',
  timeout: '시간이 초과되었습니다.',
  access_denied: '로그인이 거부되었습니다.',
  in_app_browser: '브라우저에서 로그인하세요: ••• 또는 ⋮ 를 누르고 브라우저로 열기를 선택하세요.',
};

/** The login buttons (see en.ts). "… 계정으로" keeps the particle right after any provider name. */
const labels: Partial<ButtonLabels> = {
  signin_with: '{provider} 계정으로 로그인',
  signup_with: '{provider} 계정으로 가입',
  continue_with: '{provider} 계정으로 계속하기',
  signin: '로그인',
  signup: '가입하기',
  continue: '계속하기',
  busy: '{provider} 창에서 계속하세요…',
  busy_none: '로그인 창에서 계속하세요…',
  working: '로그인하는 중…',
  close_to_cancel: '. 창을 닫으면 취소됩니다.',
  success: '로그인되었습니다.',
  cancelled: '로그인이 취소되었습니다.',
  failed: '로그인하지 못했습니다.',
};

/** The login buttons' texts as the element reads them (see en.ts): labels, error texts, the providers' own words. */
export const button: LanguageButtonTexts = { ...labels, ...errors, brands };

/** `<login-session>`'s default signed-in content; `{name}` is the user's name (in the `user` part). */
export const session = {
  signedInAs: '{name} 님으로 로그인됨',
  signedInWith: '{provider} 계정으로 로그인됨',
  signOut: '로그아웃',
};

/** `<login-chooser>` (see en.ts). */
export const chooser = {
  label: '로그인 방법 선택',
  lastUsed: '최근 사용',
  unavailable: '지금은 로그인할 수 없습니다. 잠시 후 다시 시도하세요.',
};

/** The callback page (src/callback.ts). */
export const callback = {
  failed: '여기에서는 로그인을 마칠 수 없습니다.',
  restart: '다시 시작하기',
  done: '이 창을 닫아도 됩니다.',
};
