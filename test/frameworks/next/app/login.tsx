'use client';
import { BbatonLogin } from 'login-elements/react';
import { useState } from 'react';

/** The app's handlers: what the test checks ran, after hydration, on a real click. */
export function Login({ clientId, authorizeEndpoint }: { clientId: string; authorizeEndpoint: string }) {
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <>
      <BbatonLogin
        clientId={clientId}
        redirectUri="/callback"
        exchangeEndpoint="/auth/bbaton"
        authorizeEndpoint={authorizeEndpoint}
        mode="popup"
        params={{ prompt: 'login', app_marker: 'next-ssr' }}
        onLoginStart={(e) => note(`start ${e.detail.provider} ${e.detail.mode}`)}
        onLoginSuccess={(e) => note(`success ${JSON.stringify('result' in e.detail ? e.detail.result : null)}`)}
        onLoginError={(e) => note(`error ${e.detail.error}`)}
        onLoginCancel={(e) => note(`cancel ${e.detail.reason}`)}
      />
      <ol id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </>
  );
}
