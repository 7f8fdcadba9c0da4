/**
 * The demo page's own texts in English, Korean and Japanese: the language switch sets `<html lang>`
 * (every element follows it, contract §2) and puts these in the elements marked `data-t`. Our own strings,
 * some with markup (`<code>`), so they go in as HTML.
 */
export const PAGE_TEXTS: Record<string, Record<'en' | 'ko' | 'ja', string>> = {
  intro: {
    en: 'Drop-in OAuth 2.0 login buttons. Every provider here is a local stand-in unless <code>.env</code> names real credentials.',
    ko: '바로 쓰는 OAuth 2.0 로그인 버튼입니다. <code>.env</code>에 실제 자격 증명이 없으면 여기의 공급자는 모두 로컬 대역입니다.',
    ja: 'そのまま使える OAuth 2.0 ログインボタンです。<code>.env</code> に本物の認証情報がなければ、ここのプロバイダーはすべてローカルの代役です。',
  },
  session: { en: 'Session', ko: '세션', ja: 'セッション' },
  signedOut: {
    en: 'Signed out. Log in with a button below: the session survives a reload, and every tab follows.',
    ko: '로그아웃 상태입니다. 아래 버튼으로 로그인하세요. 세션은 새로고침해도 유지되고 모든 탭이 따라갑니다.',
    ja: 'サインアウトしています。下のボタンでログインしてください。セッションは再読み込みしても残り、すべてのタブが追従します。',
  },
  providerLogout: { en: 'Sign out at the provider too (OpenID Connect, Microsoft)', ko: '공급자에서도 로그아웃 (OpenID Connect, Microsoft)', ja: 'プロバイダーでもサインアウトする (OpenID Connect、Microsoft)' },
  apiMe: { en: 'Call <code>GET /api/me</code>', ko: '<code>GET /api/me</code> 호출', ja: '<code>GET /api/me</code> を呼ぶ' },
  mode: { en: 'Mode', ko: '방식', ja: '方式' },
  modeLegend: { en: 'How the login opens', ko: '로그인을 여는 방식', ja: 'ログインの開き方' },
  popup: { en: 'Popup', ko: '팝업', ja: 'ポップアップ' },
  redirect: { en: 'Redirect', ko: '리디렉션', ja: 'リダイレクト' },
  auto: { en: 'Auto', ko: '자동', ja: '自動' },
  language: { en: 'Language', ko: '언어', ja: '言語' },
  buttons: { en: 'Log in with…', ko: '로그인 방법', ja: 'ログイン方法' },
  profile: { en: 'Profile', ko: '프로필', ja: 'プロフィール' },
  nobodyYet: { en: 'Nobody is logged in yet.', ko: '아직 아무도 로그인하지 않았습니다.', ja: 'まだ誰もログインしていません。' },
  nobody: { en: 'Nobody is signed in.', ko: '로그인한 사람이 없습니다.', ja: '誰もログインしていません。' },
  events: { en: 'Events', ko: '이벤트', ja: 'イベント' },
  clear: { en: 'clear', ko: '지우기', ja: 'クリア' },
  live: { en: 'live', ko: '실제', ja: '本番' },
  standIn: { en: 'stand-in', ko: '대역', ja: '代役' },
  Provider: { en: 'Provider', ko: '공급자', ja: 'プロバイダー' },
  User: { en: 'User', ko: '사용자', ja: 'ユーザー' },
  Name: { en: 'Name', ko: '이름', ja: '名前' },
  Email: { en: 'Email', ko: '이메일', ja: 'メール' },
  'Email verified': { en: 'Email verified', ko: '이메일 인증', ja: 'メール確認済み' },
};

/** The page's language: one of the three, from `<html lang>`. */
export const pageLanguage = (): 'en' | 'ko' | 'ja' => (['ko', 'ja'].includes(document.documentElement.lang) ? (document.documentElement.lang as 'ko' | 'ja') : 'en');

/** `key`'s text in the page's language (the key itself when there is none). */
export const t = (key: string): string => PAGE_TEXTS[key]?.[pageLanguage()] ?? key;

/** Switches the whole page: `<html lang>` (the elements follow it) and every `data-t` element's text. */
export function setPageLanguage(lang: string): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.innerHTML = t(el.dataset.t!);
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t(el.dataset.tLabel!));
}
