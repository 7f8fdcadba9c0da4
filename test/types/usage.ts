/**
 * Compile-time checks (run by `npm run typecheck`): what a TypeScript user writes must type-check,
 * and the lines marked @ts-expect-error must not.
 */
import type { BbatonLogin, LoginChooser, LoginErrorDetail, LoginSession, LoginSuccessDetail, SessionChangeDetail, SessionUser } from '../../src/index.js';

export function usage(): void {
  const bbaton: BbatonLogin = document.createElement('bbaton-login');
  bbaton.clientId = 'id';
  bbaton.mode = 'popup';
  // @ts-expect-error not a mode
  bbaton.mode = 'window';
  const upbond = document.createElement('upbond-login');
  upbond.audience = 'https://api.example';
  const belladati = document.querySelector('belladati-login');
  if (belladati) belladati.authorizeMethod = 'post';

  bbaton.addEventListener('login-success', (event) => {
    const detail: LoginSuccessDetail = event.detail;
    if ('result' in detail) console.log(detail.provider, detail.result);
    else console.log(detail.code, detail.codeVerifier, detail.redirectUri);
  });
  document.addEventListener('login-error', (event) => {
    const detail: LoginErrorDetail = event.detail;
    console.log(detail.error, detail.status, detail.cause);
  });
  document.addEventListener('login-cancel', (event) => {
    const reason: 'popup_closed' | 'aborted' | 'superseded' | 'in_app_browser' = event.detail.reason;
    // @ts-expect-error not a cancel reason
    if (event.detail.reason === 'closed') console.log(reason);
  });
  void bbaton.login().then((detail) => detail.mode);

  const chooser: LoginChooser = document.createElement('login-chooser');
  chooser.endpoint = '/auth';
  chooser.providers = 'google kakao';
  chooser.theme = 'outline';
  // @ts-expect-error not a theme
  chooser.theme = 'dark';
  chooser.addEventListener('login-success', (event) => console.log(event.detail.provider));
  // A button's own server key (two clients of one provider).
  bbaton.providerName = 'bbaton-staging';

  const session: LoginSession = document.createElement('login-session');
  session.endpoint = '/auth';
  session.providerLogout = true;
  const state: 'loading' | 'signed-in' | 'signed-out' = session.state;
  const user: SessionUser | null = session.user;
  console.log(state, user?.id, user?.name, session.provider, session.expiresAt);
  document.addEventListener('session-change', (event) => {
    const detail: SessionChangeDetail = event.detail;
    // @ts-expect-error a session-change is never `loading`
    if (detail.state === 'loading') console.log(detail);
    console.log(detail.provider, detail.user?.email);
  });
  void session.logout({ everywhere: true }).then((result) => result.endSessionUrl);
  // @ts-expect-error everywhere is a boolean
  void session.logout({ everywhere: 'yes' });
  void session.refresh().then((s) => s?.expiresAt);
  // @ts-expect-error state is read-only: the endpoint decides it
  session.state = 'signed-in';
  // @ts-expect-error user is read-only
  session.user = null;
}
