// Compiled with no @types/node and skipLibCheck off (tsconfig.json beside it): what a Workers, Deno or
// Bun project sees of login-elements/server.
import { createLoginHandler, refresh, type LoginHandler, type LoginHandlerOptions } from 'login-elements/server';

interface Env {
  CORP_CLIENT_ID: string;
  CORP_CLIENT_SECRET: string;
}

let handler: LoginHandler | undefined;
const options = (env: Env): LoginHandlerOptions => ({
  allowedOrigins: ['https://app.example'],
  providers: { corp: { type: 'oauth', clientId: env.CORP_CLIENT_ID, clientSecret: env.CORP_CLIENT_SECRET, tokenEndpoint: 'https://idp.example/token' } },
});

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createLoginHandler(options(env));
    return handler(request);
  },
};

export const renew = (env: Env, token: string) => refresh('corp', options(env).providers.corp!, token);

// @ts-expect-error allowedOrigins must be strings
createLoginHandler({ allowedOrigins: [42], providers: {} });

// @ts-expect-error toNodeListener is not here: it is in login-elements/server/node
export { toNodeListener } from "login-elements/server";

// Sessions (SPEC §6) on a Fetch runtime: sealed cookie or memoryStore, getSession on a Request.
import { memoryStore, type Session } from 'login-elements/server';
const sessions = createLoginHandler({
  allowedOrigins: ['https://app.example'],
  providers: { corp: { type: 'oauth', clientId: 'id', clientSecret: 'secret', issuer: 'https://idp.example' } },
  session: { secret: 'a-secret-of-at-least-thirty-two-characters', maxAge: 3600, idleTimeout: 600, store: memoryStore(), keepTokens: true },
});
export const guard = async (request: Request): Promise<Response> => {
  const session: Session | null = await sessions.getSession(request);
  if (!session) return new Response(null, { status: 401 });
  const token: string | undefined = await session.accessToken?.();
  return Response.json({ user: session.user, token: token !== undefined });
};

// The guard (SPEC §7): the route gets the session; 401/503 JSON are the guard's.
export const me: (request: Request) => Promise<Response> = sessions.requireSession(async (_request, session: Session) => {
  const token: string | undefined = await session.accessToken?.();
  return Response.json({ user: session.user, token: token !== undefined });
});
// @ts-expect-error requireSession(login) for Node is in login-elements/server/node
export { requireSession } from 'login-elements/server';
// The provider's sign-out default, per provider entry.
createLoginHandler({
  allowedOrigins: ['https://app.example'],
  providers: { corp: { type: 'oauth', clientId: 'id', clientSecret: 'secret', issuer: 'https://idp.example', postLogoutRedirectUri: 'https://app.example/signed-out' } },
  session: { secret: 'a-secret-of-at-least-thirty-two-characters' },
});
