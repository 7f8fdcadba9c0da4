/**
 * Which provider the demo talks to: its local stand-in, or — when `.env` names a client ID and secret
 * for it — the real service. Only this file knows the difference.
 */
import { startBbaton } from './stand-ins/bbaton.js';
import { startBelladati } from './stand-ins/belladati.js';
import { startBitbadges } from './stand-ins/bitbadges.js';
import { startOidc } from './stand-ins/oidc.js';
import { startUpbond } from './stand-ins/upbond.js';
import { startSocial, type SocialProvider, type SocialStandIn } from './social-providers.js';
import type { ProviderConfig } from '../src/server/index.js';

/**
 * What the page needs per button (never a secret): the tag and its key. Every other setting is the
 * server's, which the elements read from `GET /auth/providers` (their `endpoint` attribute, contract §7).
 */
export interface ButtonConfig {
  tag: `${SocialProvider}-login` | 'bbaton-login' | 'belladati-login' | 'upbond-login' | 'bitbadges-login' | 'oauth-login';
  key: string;
  label: string;
  live: boolean;
}

export interface DemoProviders {
  server: Record<string, ProviderConfig>;
  buttons: ButtonConfig[];
  /** The six big providers' stand-ins, by key (absent where `.env` names the real service): for tests. */
  standIns: Partial<Record<SocialProvider, SocialStandIn>>;
  close(): Promise<void>;
}

export interface ProvidersOptions {
  /** The six big providers' access-token lifetime at their stand-ins, seconds (a test's refresh). */
  expiresIn?: number;
}

/** Demo-only credentials for the stand-ins: anyone may read them, they open nothing real. */
const demoClient = (name: string, redirectUris: string[]) => ({
  clientId: `JDJhJDA0+${name}/demo==`,
  clientSecret: `stand-in-secret-${name}-9d2f`,
  redirectUris,
});

const env = (name: string) => process.env[name]?.trim() || undefined;

export async function startProviders(redirectUris: string[], options: ProvidersOptions = {}): Promise<DemoProviders> {
  const server: Record<string, ProviderConfig> = {};
  const buttons: ButtonConfig[] = [];
  const closers: (() => Promise<void>)[] = [];

  // BBaton
  if (env('BBATON_CLIENT_ID') && env('BBATON_CLIENT_SECRET')) {
    server.bbaton = { clientId: env('BBATON_CLIENT_ID')!, clientSecret: env('BBATON_CLIENT_SECRET')! };
    buttons.push({ tag: 'bbaton-login', key: 'bbaton', label: 'BBaton', live: true });
  } else {
    const client = demoClient('bbaton', redirectUris);
    const standIn = await startBbaton(client);
    closers.push(standIn.close);
    server.bbaton = { ...client, ...standIn.endpoints };
    buttons.push({ tag: 'bbaton-login', key: 'bbaton', label: 'BBaton', live: false });
  }

  // BellaDati
  if (env('BELLADATI_CLIENT_ID') && env('BELLADATI_CLIENT_SECRET')) {
    const baseUrl = env('BELLADATI_BASE_URL') ?? 'https://service.belladati.com';
    server.belladati = { clientId: env('BELLADATI_CLIENT_ID')!, clientSecret: env('BELLADATI_CLIENT_SECRET')!, baseUrl };
    buttons.push({ tag: 'belladati-login', key: 'belladati', label: 'BellaDati', live: true });
  } else {
    const client = demoClient('belladati', redirectUris);
    const standIn = await startBelladati(client);
    closers.push(standIn.close);
    server.belladati = { ...client, baseUrl: standIn.url };
    buttons.push({ tag: 'belladati-login', key: 'belladati', label: 'BellaDati', live: false });
  }

  // UPBOND
  const audience = env('UPBOND_AUDIENCE') ?? 'https://api.demo.example';
  if (env('UPBOND_CLIENT_ID') && env('UPBOND_CLIENT_SECRET')) {
    server.upbond = { clientId: env('UPBOND_CLIENT_ID')!, clientSecret: env('UPBOND_CLIENT_SECRET')!, audience };
    buttons.push({ tag: 'upbond-login', key: 'upbond', label: 'UPBOND', live: true });
  } else {
    const client = demoClient('upbond', redirectUris);
    const standIn = await startUpbond(client);
    closers.push(standIn.close);
    server.upbond = { ...client, audience, scope: 'openid profile email', ...standIn.endpoints };
    buttons.push({ tag: 'upbond-login', key: 'upbond', label: 'UPBOND', live: false });
  }

  // BitBadges
  if (env('BITBADGES_CLIENT_ID') && env('BITBADGES_CLIENT_SECRET')) {
    server.bitbadges = { clientId: env('BITBADGES_CLIENT_ID')!, clientSecret: env('BITBADGES_CLIENT_SECRET')!, apiKey: env('BITBADGES_API_KEY') };
    buttons.push({ tag: 'bitbadges-login', key: 'bitbadges', label: 'BitBadges', live: true });
  } else {
    const client = { ...demoClient('bitbadges', redirectUris), apiKey: 'stand-in-api-key-bitbadges' };
    const standIn = await startBitbadges(client);
    closers.push(standIn.close);
    server.bitbadges = { ...client, scope: 'Complete Claims', ...standIn.endpoints };
    buttons.push({ tag: 'bitbadges-login', key: 'bitbadges', label: 'BitBadges', live: false });
  }

  // Any OAuth 2.0 / OIDC provider, as "corp": oidc-provider locally.
  if (env('OAUTH_CLIENT_ID') && env('OAUTH_CLIENT_SECRET') && env('OAUTH_AUTHORIZE_ENDPOINT') && env('OAUTH_TOKEN_ENDPOINT')) {
    server.corp = {
      type: 'oauth',
      clientId: env('OAUTH_CLIENT_ID')!,
      clientSecret: env('OAUTH_CLIENT_SECRET')!,
      issuer: env('OAUTH_ISSUER'),
      tokenEndpoint: env('OAUTH_TOKEN_ENDPOINT'),
      userinfoEndpoint: env('OAUTH_USERINFO_ENDPOINT'),
      endSessionEndpoint: env('OAUTH_END_SESSION_ENDPOINT'),
      authorizeEndpoint: env('OAUTH_AUTHORIZE_ENDPOINT'),
      scope: 'openid profile email',
      label: 'OpenID Connect',
    };
    buttons.push({ tag: 'oauth-login', key: 'corp', label: 'OpenID Connect', live: true });
  } else {
    const client = demoClient('oidc', redirectUris);
    // The demo page itself, on each origin: where the provider's sign-out sends the browser back.
    const postLogoutRedirectUris = [...new Set(redirectUris.map((uri) => new URL('/demo/', uri).href))];
    const op = await startOidc([{ ...client, postLogoutRedirectUris }]);
    closers.push(op.close);
    // The issuer alone: token, userinfo, revocation and end-session endpoints come from its discovery document.
    // The page gets its settings (and the default scope `openid profile email`) from GET /auth/providers.
    server.corp = { type: 'oauth', ...client, issuer: op.endpoints.issuer, authorizeEndpoint: op.endpoints.authorizeEndpoint, label: 'OpenID Connect' };
    buttons.push({ tag: 'oauth-login', key: 'corp', label: 'OpenID Connect', live: false });
  }

  // Google, GitHub, Microsoft, Kakao, NAVER, LINE: the real service when .env names its client, else a stand-in.
  const social = await startSocial(redirectUris, env, options.expiresIn);
  Object.assign(server, social.server);
  buttons.push(...social.buttons);
  closers.push(social.close);

  return { server, buttons, standIns: social.standIns, close: async () => void (await Promise.all(closers.map((close) => close()))) };
}
