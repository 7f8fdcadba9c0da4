// React 19 + TypeScript, against the packed tarball: the plain tags through
// `login-elements/jsx`, and the components of `login-elements/react`. Lines marked @ts-expect-error
// must fail: a wrong type is caught, not accepted in silence.
import type {} from 'login-elements/jsx';
import { BbatonLogin, LoginChooser, LoginSession, OauthLogin } from 'login-elements/react';
import type { LoginErrorDetail, LoginStartDetail, LoginSuccessDetail, SessionChangeDetail } from 'login-elements/react';

export function Tags() {
  return (
    <>
      <bbaton-login client-id="id" redirect-uri="/callback.html" mode="popup" params={{ prompt: 'login' }} onlogin-start={(e: CustomEvent<LoginStartDetail>) => e.detail.provider} />
      <oauth-login client-id="id" redirect-uri="/callback.html" authorize-endpoint="https://idp.example/authorize" onlogin-success={(e) => e.detail.provider} />
      {/* @ts-expect-error params is a record of strings */}
      <bbaton-login client-id="id" redirect-uri="/cb" params={123} />
      {/* @ts-expect-error mode is popup, redirect or auto */}
      <bbaton-login client-id="id" redirect-uri="/cb" mode="window" />
      {/* @ts-expect-error a handler of the wrong detail type */}
      <bbaton-login client-id="id" redirect-uri="/cb" onlogin-error={(e: CustomEvent<{ nope: number }>) => e.detail.nope} />
      <login-session endpoint="/auth" provider-logout onsession-change={(e) => e.detail.user?.name}>
        <div slot="signed-out">…</div>
      </login-session>
      {/* @ts-expect-error provider-logout is a boolean */}
      <login-session provider-logout="yes" />
      {/* @ts-expect-error a handler of the wrong detail type */}
      <login-session onsession-change={(e: CustomEvent<{ nope: number }>) => e.detail.nope} />
      <login-chooser endpoint="/auth" providers="google kakao" theme="outline" size="medium" onlogin-success={(e) => e.detail.provider} />
      {/* @ts-expect-error theme is filled, outline or neutral */}
      <login-chooser endpoint="/auth" theme="dark" />
    </>
  );
}

export function Components() {
  return (
    <>
      <BbatonLogin
        clientId="id"
        redirectUri="/callback.html"
        params={{ prompt: 'login' }}
        onLoginStart={(e) => console.log(e.detail.mode)}
        onLoginSuccess={(e: CustomEvent<LoginSuccessDetail>) => console.log(e.detail.provider)}
        onLoginError={(e: CustomEvent<LoginErrorDetail>) => console.log(e.detail.error)}
      />
      {/* @ts-expect-error a misspelt property */}
      <OauthLogin clientID="id" redirectUri="/cb" />
      {/* @ts-expect-error params is a record of strings */}
      <OauthLogin clientId="id" redirectUri="/cb" params={123} />
      {/* @ts-expect-error a handler of the wrong detail type */}
      <BbatonLogin clientId="id" redirectUri="/cb" onLoginError={(e: CustomEvent<{ nope: number }>) => e.detail.nope} />
      <LoginSession endpoint="/auth" providerLogout onSessionChange={(e: CustomEvent<SessionChangeDetail>) => console.log(e.detail.state, e.detail.user?.email)} />
      {/* @ts-expect-error providerLogout is a boolean */}
      <LoginSession providerLogout="yes" />
      {/* @ts-expect-error a handler of the wrong detail type */}
      <LoginSession onSessionChange={(e: CustomEvent<{ nope: number }>) => e.detail.nope} />
      <LoginChooser endpoint="/auth" providers="google kakao" shape="pill" onLoginSuccess={(e: CustomEvent<LoginSuccessDetail>) => console.log(e.detail.provider)} />
      {/* @ts-expect-error size is large, medium or small */}
      <LoginChooser endpoint="/auth" size="huge" />
    </>
  );
}
