import express from 'express';
import helmet from 'helmet';
import { createLoginHandler } from 'login-elements/server';
import { requireSession, toNodeListener } from 'login-elements/server/node';

const port = Number(process.env.PORT ?? 3000);
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;   // the address people open

const login = createLoginHandler({
  basePath: '/auth',   // serves /auth/providers, /auth/corp, /auth/callback, /auth/session, /auth/logout
  allowedOrigins: [origin],
  providers: {
    corp: {
      type: 'oauth',
      issuer: process.env.OIDC_ISSUER,   // its endpoints come from {issuer}/.well-known/openid-configuration
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
      label: 'Corp ID',
      postLogoutRedirectUri: `${origin}/`,
    },
  },
  session: { secret: process.env.SESSION_SECRET },   // a sealed cookie; 32 characters or more
});

const app = express();
app.use(helmet());
app.use('/login-elements', express.static('node_modules/login-elements/dist/cdn'));
app.use(toNodeListener(login));
app.get('/api/me', requireSession(login), (req, res) => res.json(res.locals.session.user));
app.use(express.static('public'));
app.listen(port, () => console.log(`Open ${origin}/`));
