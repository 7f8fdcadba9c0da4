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
