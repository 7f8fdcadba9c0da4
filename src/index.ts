/** login-elements: registers all eleven login elements, `<login-session>` and `<login-chooser>`; exports their classes, the types and `login()`. */
export type { LoginButton } from './elements/login-button.js';
export { OauthLogin } from './elements/oauth-login.js';
export { BbatonLogin } from './elements/bbaton-login.js';
export { BelladatiLogin } from './elements/belladati-login.js';
export { UpbondLogin } from './elements/upbond-login.js';
export { BitbadgesLogin } from './elements/bitbadges-login.js';
export { GoogleLogin } from './elements/google-login.js';
export { GithubLogin } from './elements/github-login.js';
export { MicrosoftLogin } from './elements/microsoft-login.js';
export { KakaoLogin } from './elements/kakao-login.js';
export { NaverLogin } from './elements/naver-login.js';
export { LineLogin } from './elements/line-login.js';
export { LoginSession, type SessionChangeDetail, type SessionState } from './elements/login-session.js';
export { LoginChooser } from './elements/login-chooser.js';
export { login, type LoginOptions } from './login.js';
export { setTexts, type SiteTexts } from './i18n/language.js';
export * from './core/public.js';
