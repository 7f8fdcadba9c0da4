// The README's Next.js (App Router) route handler: app/auth/[provider]/route.ts.
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';

let handler: LoginHandler | undefined;
const login = () =>
  (handler ??= createLoginHandler({
    allowedOrigins: [process.env.APP_ORIGIN!],
    providers: { corp: { type: 'oauth', clientId: process.env.CORP_CLIENT_ID!, clientSecret: process.env.CORP_CLIENT_SECRET!, tokenEndpoint: process.env.CORP_TOKEN_ENDPOINT! } },
  }));

export const POST = (request: Request) => login()(request);
export const runtime = 'nodejs';
