// docs/deploy.md's Next.js (App Router) route handler: app/auth/[...path]/route.ts.
import { createLoginHandler, type LoginHandler } from '../../src/server/index.js';

let handler: LoginHandler | undefined;
const login = () =>
  (handler ??= createLoginHandler({
    allowedOrigins: [process.env.APP_ORIGIN!],
    providers: { corp: { type: 'oauth', clientId: process.env.CORP_CLIENT_ID!, clientSecret: process.env.CORP_CLIENT_SECRET!, tokenEndpoint: process.env.CORP_TOKEN_ENDPOINT! } },
  }));

const handle = (request: Request) => login()(request);
export const GET = handle;
export const POST = handle;
export const runtime = 'nodejs';
