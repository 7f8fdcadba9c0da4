// A server component, rendered per request (the stand-in provider's address is known at run time):
// the login button below is rendered on the server, then hydrated.
import { Login } from './login';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Next.js app</h1>
      <Login clientId={process.env.BBATON_CLIENT_ID!} authorizeEndpoint={process.env.BBATON_AUTHORIZE!} />
    </main>
  );
}
