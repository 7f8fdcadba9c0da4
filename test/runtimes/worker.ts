/**
 * The companion endpoint as a Fetch-runtime module — docs/deploy.md's Workers pattern: secrets arrive in
 * `env` with each request, so the handler is built from `env` once and reused. Bundled by the runtime
 * tests for workerd, Deno and Bun alike.
 */
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';

export interface Env {
  APP_ORIGIN: string;
  TOKEN_ENDPOINT: string;
  REFUSING_TOKEN_ENDPOINT: string;
  CLIENT_SECRET: string;
}

let handler: LoginHandler | undefined;
let withSessions: LoginHandler | undefined;

export function loginHandler(env: Env): LoginHandler {
  return (handler ??= createLoginHandler({
    allowedOrigins: [env.APP_ORIGIN],
    redirectUris: [`${env.APP_ORIGIN}/callback.html`],
    providers: {
      corp: { type: 'oauth', clientId: 'runtime-client', clientSecret: env.CLIENT_SECRET, tokenEndpoint: env.TOKEN_ENDPOINT },
      refusing: { type: 'oauth', clientId: 'runtime-client', clientSecret: env.CLIENT_SECRET, tokenEndpoint: env.REFUSING_TOKEN_ENDPOINT },
    },
  }));
}

/** The same endpoint with sealed-cookie sessions (contract §6), under /sauth. */
export function sessionHandler(env: Env): LoginHandler {
  return (withSessions ??= createLoginHandler({
    basePath: '/sauth',
    allowedOrigins: [env.APP_ORIGIN],
    redirectUris: [`${env.APP_ORIGIN}/callback.html`],
    providers: { corp: { type: 'oauth', clientId: 'runtime-client', clientSecret: env.CLIENT_SECRET, tokenEndpoint: env.TOKEN_ENDPOINT } },
    session: { secret: `${env.CLIENT_SECRET}-and-long-enough-for-a-session`, maxAge: 3600 },
  }));
}

export default {
  fetch: (request: Request, env: Env): Promise<Response> =>
    new URL(request.url).pathname.startsWith('/sauth/') ? sessionHandler(env)(request) : loginHandler(env)(request),
};
