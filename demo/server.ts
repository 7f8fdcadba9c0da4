/**
 * `npm start`: the demo page (Vite), the companion endpoint at /auth with sessions (a sealed cookie),
 * a demo API route that only a signed-in user may call (`GET /api/me`), and a local stand-in for every
 * provider, in one process. Ctrl-C stops all of it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, preview, type Plugin } from 'vite';
import { createLoginHandler, memoryStore, type LoginHandler, type Session } from '../src/server/index.js';
import { requireSession, toNodeListener } from '../src/server/node.js';
import { builtPackageModule } from './build.js';
import { startProviders, type ButtonConfig, type DemoProviders } from './providers.js';

export interface DemoOptions {
  port?: number;
  /** Serve every page with Cross-Origin-Opener-Policy: same-origin (the COOP case). */
  coop?: boolean;
  quiet?: boolean;
  /**
   * Sessions in a memory store that keeps the providers' tokens (`keepTokens`), the six big providers'
   * stand-in access tokens living `expiresIn` seconds: what the tests of refresh and revocation use.
   */
  tokens?: { expiresIn: number };
  /**
   * Serve this production build of the pages (demo/build.ts's directory) instead of the live dev server,
   * with the same routes around it: the end-to-end tests, which load the page hundreds of times (decision 38).
   */
  built?: string;
}

export interface RunningDemo {
  url: string;
  buttons: ButtonConfig[];
  /** Every client secret in play, and the session secret: a test checks none reaches the browser. */
  secrets: string[];
  /** The companion endpoint, for a test's `getSession()`. */
  handler: LoginHandler;
  /** The six big providers' stand-ins (where `.env` names no real service). */
  standIns: DemoProviders['standIns'];
  /** The URL path the page loads the package's main module from, for a test's `import()` of it. */
  packageModule: string;
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
/** Pages that use only the built CDN files, served as a static host would. */
const RAW_PAGES = new Set(['/demo/cdn.html', '/demo/cdn-callback.html', '/demo/cdn-iife.html']);

/**
 * A free port on 127.0.0.1, so that the page's origin (and so its redirect URIs) is known up front. It
 * stays held until `release()`, just before Vite listens on it: the stand-ins started meanwhile (port 0
 * each) and other test files cannot be given it in between.
 */
function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      resolve({ port, release: () => new Promise<void>((done) => probe.close(() => done())) });
    });
    probe.on('error', reject);
  });
}

export async function startDemo({ port = 0, coop = false, quiet = false, tokens, built }: DemoOptions = {}): Promise<RunningDemo> {
  const held = port ? undefined : await holdPort();
  const chosen = port || held!.port;
  const origins = [`http://127.0.0.1:${chosen}`, `http://localhost:${chosen}`];
  const redirectUris = origins.flatMap((origin) => [`${origin}/demo/callback.html`, `${origin}/demo/cdn-callback.html`]);
  const providers = await startProviders(redirectUris, { expiresIn: tokens?.expiresIn });
  // SESSION_SECRET keeps sessions across restarts; without it, a fresh one per start (a restart signs everyone out).
  const sessionSecret = process.env.SESSION_SECRET || randomBytes(32).toString('base64url');
  const handler = createLoginHandler({
    basePath: '/auth',
    redirectUris,
    allowedOrigins: origins,
    providers: providers.server,
    session: tokens ? { secret: sessionSecret, store: memoryStore(), keepTokens: true } : { secret: sessionSecret },
    log: quiet ? undefined : console.warn,
  });
  const listener = toNodeListener(handler);

  /**
   * `GET /api/me`: the site's own route, for signed-in users only, behind the guard docs/sessions.md shows
   * (401 `signed_out`, 503 `session_store_unavailable`, JSON both).
   */
  const guard = requireSession(handler);
  function apiMe(req: IncomingMessage, res: ServerResponse & { locals?: { session?: Session } }) {
    guard(req, res, () => {
      const { provider, user } = res.locals!.session!;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ provider, user }));
    });
  }

  function demoRoutes(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) {
    const path = (req.url ?? '/').split('?')[0];
    if (coop) res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // In the dev server the callback page's <meta name="referrer"> comes after the injected client script;
    // the header covers that script too. (A built page, like cdn-callback.html, needs only the meta.)
    if (path === '/demo/callback.html') res.setHeader('Referrer-Policy', 'no-referrer');
    if (path === '/') return void res.writeHead(302, { location: '/demo/' }).end();
    // The CDN page and files go out untouched (no Vite client, no transforms): a plain static site.
    if (RAW_PAGES.has(path!) || path?.startsWith('/dist/cdn/')) {
      const file = join(root, path!);
      if (!file.startsWith(join(root, 'dist/cdn')) && !RAW_PAGES.has(path!)) return void res.writeHead(404).end();
      if (!existsSync(file)) return void res.writeHead(404).end('run npm run build first');
      res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' });
      return void res.end(readFileSync(file));
    }
    if (path === '/demo-config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify({ buttons: providers.buttons, coop }));
    }
    if (path === '/api/me') return void apiMe(req, res);
    listener(req, res, next);
  }
  const demoPlugin: Plugin = {
    name: 'login-elements-demo',
    configureServer: (server) => void server.middlewares.use(demoRoutes),
    configurePreviewServer: (server) => void server.middlewares.use(demoRoutes),
  };

  // The dev-server settings are vite.config.ts's; only the port and the middleware are the demo run's.
  async function devServer() {
    const dev = await createServer({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: quiet ? 'silent' : 'info',
      server: { port: chosen },
      plugins: [demoPlugin],
    });
    await held?.release();
    return dev.listen();
  }
  // A build's files as a static host serves them (Vite's preview server), behind the same routes.
  async function builtServer(outDir: string) {
    await held?.release();
    return preview({
      root,
      configFile: false,
      appType: 'mpa',
      logLevel: quiet ? 'silent' : 'info',
      build: { outDir },
      preview: { host: '127.0.0.1', port: chosen, strictPort: true },
      plugins: [demoPlugin],
    });
  }
  const vite = built ? await builtServer(built) : await devServer();

  return {
    url: `${origins[0]}/demo/`,
    buttons: providers.buttons,
    handler,
    standIns: providers.standIns,
    packageModule: built ? builtPackageModule(built) : '/src/index.ts',
    secrets: [...Object.values(providers.server).flatMap((p) => (p.clientSecret ? [p.clientSecret] : [])), sessionSecret],
    async close() {
      await vite.close();
      await providers.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const demo = await startDemo({ port: Number(process.env.PORT) || 5173, coop: process.env.DEMO_COOP === '1' });
  const live = demo.buttons.filter((b) => b.live).map((b) => b.label);
  console.log(`\n  login-elements demo: ${demo.url}`);
  console.log(`  providers: ${live.length ? `real ${live.join(', ')}, local stand-ins for the rest` : `local stand-ins for all ${demo.buttons.length} (no credentials needed)`}\n`);
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
