/** Session tests' helpers: the handler on a real listener, a browser-like cookie jar, a small provider. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, serve } from '../../demo/stand-ins/http.js';
import type { LoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** The handler behind `toNodeListener` on 127.0.0.1; `extra` answers what the handler does not. */
export async function listen(handler: LoginHandler, extra?: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const listener = toNodeListener(handler);
  const server = createServer((req, res) => {
    if (extra && !req.url?.startsWith(handler.basePath + '/')) return extra(req, res);
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One browser's cookies for one site: what Set-Cookie says, sent back as Cookie. */
export class Jar {
  readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];

  header(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const maxAge = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('max-age='));
      if (maxAge && Number(maxAge.split('=')[1]) <= 0) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1));
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers });
    this.take(response);
    return response;
  }
}

/** A login as the page does it, through the jar: `POST {base}/auth/{provider}` with the page's Origin. */
export async function login(jar: Jar, base: string, provider = 'corp', origin = base): Promise<Response> {
  return jar.fetch(`${base}/auth/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ code: 'any-code', redirectUri: `${origin}/callback.html` }),
  });
}

export const readSession = async (jar: Jar, base: string) => {
  const response = await jar.fetch(`${base}/auth/session`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> | null };
};

export const logout = (jar: Jar, base: string, body?: unknown, origin = base) =>
  jar.fetch(`${base}/auth/logout`, {
    method: 'POST',
    headers: { origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/**
 * An OAuth provider that takes any code: tokens (with a refresh token), a userinfo endpoint answering
 * `user`, and a revocation endpoint that can be told to refuse. Counts what it was asked. Refresh
 * tokens rotate: each is good once (a spent one is `invalid_grant`). `delays` slows the discovery
 * document and the refresh answer (after the refresh token is spent, as a slow provider would);
 * `discoveryConfig` finds the endpoints from the issuer alone.
 */
export async function startProvider(user: Record<string, unknown> = { sub: 'user-1', name: 'Alice', email: 'alice@example.org' }) {
  const state = {
    user,
    refuseRevocation: false,
    revoked: [] as string[],
    tokenCalls: 0,
    expiresIn: 3600,
    refreshesSent: [] as string[],
    delays: { discovery: 0, refresh: 0 },
    metadata: {} as Record<string, unknown>,
    /** The ID token the token endpoint answers (none by default). */
    idToken: undefined as string | undefined,
  };
  const live = new Set<string>();
  // `state.delays`: a slow provider is what the lock tests are about, so these waits are the subject (0 unless set).
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let counter = 0;
  let base = '';
  const server = await serve({
    'GET /.well-known/openid-configuration': async () => {
      await sleep(state.delays.discovery);
      return json({ issuer: base, token_endpoint: `${base}/token`, userinfo_endpoint: `${base}/userinfo`, revocation_endpoint: `${base}/revoke`, ...state.metadata });
    },
    'POST /token': async (request) => {
      state.tokenCalls++;
      const form = new URLSearchParams(request.body);
      if (form.get('grant_type') == 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        state.refreshesSent.push(token);
        if (!live.delete(token)) return json({ error: 'invalid_grant' }, 400);
        await sleep(state.delays.refresh);
      }
      counter++;
      live.add(`RT-${counter}`);
      return json({ access_token: `AT-${counter}`, token_type: 'Bearer', expires_in: state.expiresIn, refresh_token: `RT-${counter}`, id_token: state.idToken });
    },
    'GET /userinfo': () => json(state.user),
    'POST /revoke': (request) => {
      if (state.refuseRevocation) return json({ error: 'server_error' }, 503);
      const token = new URLSearchParams(request.body).get('token') ?? '';
      state.revoked.push(token);
      live.delete(token);
      return json({});
    },
  });
  base = server.url;
  const credentials = { type: 'oauth' as const, clientId: 'session-client', clientSecret: 'session-client-secret' };
  return {
    ...server,
    state,
    /** Whether a refresh token is still good (issued, neither spent nor revoked). */
    isRefreshTokenLive: (token: string) => live.has(token),
    config: {
      ...credentials,
      tokenEndpoint: `${server.url}/token`,
      userinfoEndpoint: `${server.url}/userinfo`,
      revocationEndpoint: `${server.url}/revoke`,
    },
    discoveryConfig: { ...credentials, issuer: server.url },
  };
}

/**
 * Where the handler's own `endSessionUrl` sends the browser: its `303` Location (the provider's
 * end-session endpoint with `id_token_hint`), or the status and body when it refuses.
 */
export async function followEndSession(endSessionUrl: string): Promise<{ status: number; location?: URL; body?: unknown }> {
  const response = await fetch(endSessionUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (location) return { status: response.status, location: new URL(location) };
  return { status: response.status, body: await response.json() };
}
