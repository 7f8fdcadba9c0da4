/**
 * The demo's six big providers (issue 24): Google, GitHub, Microsoft, Kakao, NAVER and LINE, each its
 * local stand-in, or the real service when `.env` names its client ID and secret. Every setting is the
 * server's; the page's `<google-login endpoint="/auth">` reads it from `GET /auth/providers`.
 */
import type { RegisteredClient } from './stand-ins/grants.js';
import { startGithub } from './stand-ins/github.js';
import { startGoogle } from './stand-ins/google.js';
import { startKakao } from './stand-ins/kakao.js';
import { startLine } from './stand-ins/line.js';
import { startMicrosoft } from './stand-ins/microsoft.js';
import { startNaver } from './stand-ins/naver.js';
import type { ProviderConfig } from '../src/server/index.js';
import type { ButtonConfig } from './providers.js';

export type SocialProvider = 'google' | 'github' | 'microsoft' | 'kakao' | 'naver' | 'line';

/** A running stand-in as tests see it: where it listens, whether it still honours a token, its client. */
export interface SocialStandIn {
  url: string;
  /** The client as the stand-in has it registered, read at every request (a test rotates the secret). */
  client: RegisteredClient;
  /** Absent for Microsoft, which has no revocation (its tokens are not tracked). */
  live?(token: string): boolean;
}

interface Started extends Omit<SocialStandIn, 'client'> {
  config: ProviderConfig;
  close(): Promise<void>;
}

/**
 * Per provider: its label, the `.env` prefix, what the real service needs beyond the client, and how to
 * start its stand-in (`expiresIn`: the access tokens' life, seconds).
 */
const SOCIAL: Record<SocialProvider, { label: string; env: string; standInId: string; live?: (env: Env) => Partial<ProviderConfig>; start(client: RegisteredClient, expiresIn?: number): Promise<Started> }> = {
  google: {
    label: 'Google',
    env: 'GOOGLE',
    standInId: '204877361914-standin.apps.googleusercontent.com',
    // A refresh token only with access_type=offline.
    live: () => ({ params: { access_type: 'offline' } }),
    async start(client, expiresIn) {
      const s = await startGoogle(client, 0, { expiresIn });
      return { ...s, config: { ...client, ...s.endpoints, params: { access_type: 'offline' } } };
    },
  },
  github: {
    label: 'GitHub',
    env: 'GITHUB',
    standInId: 'Iv23liStandIn7d0c9e',
    // As a GitHub App with expiring user tokens: refresh as well as revocation.
    async start(client, expiresIn) {
      const s = await startGithub(client, 0, { expiring: true, expiresIn });
      return { ...s, config: { ...client, ...s.endpoints } };
    },
  },
  microsoft: {
    label: 'Microsoft',
    env: 'MICROSOFT',
    standInId: '3f1c9a52-7b0e-4d8a-9c61-5e2b7d4a0f13',
    live: (env) => ({ tenant: env('MICROSOFT_TENANT') }),
    async start(client, expiresIn) {
      const s = await startMicrosoft(client, 0, { expiresIn });
      return { url: s.url, close: s.close, config: { ...client, ...s.configFor('common') } };
    },
  },
  kakao: {
    label: 'Kakao',
    env: 'KAKAO',
    standInId: '9b1f0c6e2d4a8b7e5c3f1a0d9e8b7c6a',
    async start(client, expiresIn) {
      const s = await startKakao(client, 0, { expiresIn });
      return { ...s, config: { ...client, ...s.endpoints } };
    },
  },
  naver: {
    label: 'NAVER',
    env: 'NAVER',
    standInId: 'StandInNaverClnt01',
    async start(client, expiresIn) {
      const s = await startNaver(client, 0, { expiresIn });
      return { ...s, config: { ...client, ...s.endpoints } };
    },
  },
  line: {
    label: 'LINE',
    env: 'LINE',
    standInId: '2006123456',
    async start(client, expiresIn) {
      const s = await startLine(client, 0, { expiresIn });
      // The stand-in's channel has LINE's email permission, so the demo asks for it on top of the default
      // `openid profile` (src/providers/line.ts), as a site that was granted it does.
      return { ...s, config: { ...client, ...s.endpoints, scope: 'openid profile email' } };
    },
  },
};

type Env = (name: string) => string | undefined;

/** `expiresIn`: the stand-ins' access-token lifetime, seconds (a test's refresh). */
export async function startSocial(redirectUris: string[], env: Env, expiresIn?: number) {
  const server: Record<string, ProviderConfig> = {};
  const buttons: ButtonConfig[] = [];
  const standIns: Partial<Record<SocialProvider, SocialStandIn>> = {};
  const closers: (() => Promise<void>)[] = [];
  const entries = Object.entries(SOCIAL) as [SocialProvider, (typeof SOCIAL)[SocialProvider]][];
  // One after another, in the page's order; each stand-in starts in milliseconds.
  for (const [key, { label, env: prefix, standInId, live, start }] of entries) {
    const [clientId, clientSecret] = [env(`${prefix}_CLIENT_ID`), env(`${prefix}_CLIENT_SECRET`)];
    if (clientId && clientSecret) server[key] = { clientId, clientSecret, ...live?.(env) };
    else {
      // Demo-only credentials shaped like the provider's own: anyone may read them, they open nothing real.
      const client = { clientId: standInId, clientSecret: `stand-in-secret-${key}-9d2f`, redirectUris };
      const { config, close, url, live: honours } = await start(client, expiresIn);
      server[key] = config;
      standIns[key] = { url, client, live: honours };
      closers.push(close);
    }
    buttons.push({ tag: `${key}-login`, key, label, live: !!(clientId && clientSecret) });
  }
  return { server, buttons, standIns, close: async () => void (await Promise.all(closers.map((close) => close()))) };
}
