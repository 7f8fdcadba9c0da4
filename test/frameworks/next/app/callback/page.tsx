'use client';
// The callback page: the module is imported at the top, as docs/frameworks.md says; on the server (prerender)
// it does nothing.
import 'login-elements/callback';

export default function Callback() {
  return <p>Signing in…</p>;
}
