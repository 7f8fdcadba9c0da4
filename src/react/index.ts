/**
 * login-elements/react: the eleven login elements and `<login-session>` as React components (made with
 * @lit/react). Props are the elements' properties (`clientId`, `params`, `endpoint`, …), set after
 * hydration; `onLoginStart`, `onLoginSuccess`, `onLoginError`, `onLoginCancel` and (on
 * `LoginSession`) `onSessionChange` get the typed CustomEvents. Works with SSR:
 * the server renders the tag, the client sets properties and listeners once it hydrates.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from '../core/types.js';
import { BbatonLogin as BbatonLoginElement } from '../elements/bbaton-login.js';
import { BelladatiLogin as BelladatiLoginElement } from '../elements/belladati-login.js';
import { BitbadgesLogin as BitbadgesLoginElement } from '../elements/bitbadges-login.js';
import { GithubLogin as GithubLoginElement } from '../elements/github-login.js';
import { GoogleLogin as GoogleLoginElement } from '../elements/google-login.js';
import { KakaoLogin as KakaoLoginElement } from '../elements/kakao-login.js';
import { LineLogin as LineLoginElement } from '../elements/line-login.js';
import { LoginSession as LoginSessionElement, type SessionChangeDetail } from '../elements/login-session.js';
import { MicrosoftLogin as MicrosoftLoginElement } from '../elements/microsoft-login.js';
import { NaverLogin as NaverLoginElement } from '../elements/naver-login.js';
import { OauthLogin as OauthLoginElement } from '../elements/oauth-login.js';
import { UpbondLogin as UpbondLoginElement } from '../elements/upbond-login.js';

const events = {
  onLoginStart: 'login-start' as EventName<CustomEvent<LoginStartDetail>>,
  onLoginSuccess: 'login-success' as EventName<CustomEvent<LoginSuccessDetail>>,
  onLoginError: 'login-error' as EventName<CustomEvent<LoginErrorDetail>>,
  onLoginCancel: 'login-cancel' as EventName<CustomEvent<LoginCancelDetail>>,
};

export const BbatonLogin = createComponent({ tagName: 'bbaton-login', elementClass: BbatonLoginElement, react: React, events, displayName: 'BbatonLogin' });
export const BelladatiLogin = createComponent({ tagName: 'belladati-login', elementClass: BelladatiLoginElement, react: React, events, displayName: 'BelladatiLogin' });
export const UpbondLogin = createComponent({ tagName: 'upbond-login', elementClass: UpbondLoginElement, react: React, events, displayName: 'UpbondLogin' });
export const BitbadgesLogin = createComponent({ tagName: 'bitbadges-login', elementClass: BitbadgesLoginElement, react: React, events, displayName: 'BitbadgesLogin' });
export const GoogleLogin = createComponent({ tagName: 'google-login', elementClass: GoogleLoginElement, react: React, events, displayName: 'GoogleLogin' });
export const GithubLogin = createComponent({ tagName: 'github-login', elementClass: GithubLoginElement, react: React, events, displayName: 'GithubLogin' });
export const MicrosoftLogin = createComponent({ tagName: 'microsoft-login', elementClass: MicrosoftLoginElement, react: React, events, displayName: 'MicrosoftLogin' });
export const KakaoLogin = createComponent({ tagName: 'kakao-login', elementClass: KakaoLoginElement, react: React, events, displayName: 'KakaoLogin' });
export const NaverLogin = createComponent({ tagName: 'naver-login', elementClass: NaverLoginElement, react: React, events, displayName: 'NaverLogin' });
export const LineLogin = createComponent({ tagName: 'line-login', elementClass: LineLoginElement, react: React, events, displayName: 'LineLogin' });
export const OauthLogin = createComponent({ tagName: 'oauth-login', elementClass: OauthLoginElement, react: React, events, displayName: 'OauthLogin' });

export const LoginSession = createComponent({
  tagName: 'login-session',
  elementClass: LoginSessionElement,
  react: React,
  events: { onSessionChange: 'session-change' as EventName<CustomEvent<SessionChangeDetail>> },
  displayName: 'LoginSession',
});

export type { SessionChangeDetail };
export type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail };
