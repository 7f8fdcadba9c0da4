// The companion endpoint as a route handler: built from the environment once, then reused.
import { createLoginHandler, type LoginHandler } from 'login-elements/server';

let handler: LoginHandler | undefined;
const login = () =>
  (handler ??= createLoginHandler({
    allowedOrigins: [process.env.APP_ORIGIN!],
    providers: {
      bbaton: {
        clientId: process.env.BBATON_CLIENT_ID!,
        clientSecret: process.env.BBATON_CLIENT_SECRET!,
        tokenEndpoint: process.env.BBATON_TOKEN_ENDPOINT!,
        userinfoEndpoint: process.env.BBATON_USERINFO_ENDPOINT!,
      },
    },
  }));

export const POST = (request: Request) => login()(request);
