/**
 * The login's own cost, side by side with oidc-client-ts 3.5 in the same browser: one static site
 * (node:http on 127.0.0.1, every script served as a pinned CDN file would be), one instant provider
 * (its authorize endpoint answers at once with a code), two pages. Ours: `<oauth-login>` from
 * dist/cdn/login-elements.js, callback page = docs/endpoint.md's markup with dist/cdn/callback.js; timed from
 * the click to `login-success`. Theirs: `UserManager.signinPopup()` from its browser bundle, callback page
 * calling `signinPopupCallback()` with the same bundle; timed from the click to the callback's message
 * reaching the opener (before its token request, which ours has no counterpart for without an
 * exchange endpoint). Both times are taken in the page (performance.now), from a capturing click
 * listener, so Playwright's round trips are not in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';

const OIDC_BUNDLE = 'node_modules/oidc-client-ts/dist/browser/oidc-client-ts.min.js';
/** Times the click in the capturing phase, before any handler of the page runs. */
const CLICK_CLOCK = `<script>addEventListener('click', () => (window.clickAt ??= performance.now()), true)</script>`;
const CALLBACK_HEAD = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Signing in…</title>';

const pages: Record<string, (origin: string) => string> = {
  '/ours.html': () => `<!doctype html><html lang="en"><meta charset="utf-8"><title>ours</title>${CLICK_CLOCK}
<script type="module" src="/dist/cdn/login-elements.js"></script>
<oauth-login id="login" client-id="bench" redirect-uri="/ours-callback.html" authorize-endpoint="/authorize" provider="bench">Log in</oauth-login>
<script type="module">
  document.addEventListener('login-success', (e) => (window.doneAt = performance.now(), window.mode = e.detail.mode));
  customElements.whenDefined('oauth-login').then(() => (document.body.dataset.ready = 'true'));
</script>`,
  // The same element, exchanging its code at /served/bench (instant): the attribute form of endpoint.html.
  '/exchange.html': () => `<!doctype html><html lang="en"><meta charset="utf-8"><title>ours, exchange</title>${CLICK_CLOCK}
<script type="module" src="/dist/cdn/login-elements.js"></script>
<oauth-login id="login" client-id="bench" redirect-uri="/ours-callback.html" authorize-endpoint="/authorize" exchange-endpoint="/served/bench" provider="bench">Log in</oauth-login>
<script type="module">
  document.addEventListener('login-success', (e) => (window.doneAt = performance.now(), window.mode = e.detail.mode));
  customElements.whenDefined('oauth-login').then(() => (document.body.dataset.ready = 'true'));
</script>`,
  // Configured once, on the server (contract §7): its settings come from /served/providers, its code goes to /served/bench.
  '/endpoint.html': () => `<!doctype html><html lang="en"><meta charset="utf-8"><title>ours, endpoint</title>${CLICK_CLOCK}
<script type="module" src="/dist/cdn/login-elements.js"></script>
<oauth-login id="login" endpoint="/served" provider="bench">Log in</oauth-login>
<script type="module">
  document.addEventListener('login-success', (e) => (window.doneAt = performance.now(), window.mode = e.detail.mode));
  customElements.whenDefined('oauth-login').then(() => (document.body.dataset.ready = 'true'));
</script>`,
  '/ours-callback.html': () => `${CALLBACK_HEAD}<script type="module" src="/dist/cdn/callback.js"></script><p>Signing in…</p>`,
  '/oidc.html': (origin) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>oidc-client-ts</title>${CLICK_CLOCK}
<script src="/oidc/oidc-client-ts.min.js"></script>
<button id="login">Log in</button>
<script>
  const manager = new oidc.UserManager(${settings(origin)});
  addEventListener('message', (e) => e.data?.source === 'oidc-client' && (window.doneAt ??= performance.now()));
  document.getElementById('login').onclick = () => manager.signinPopup().catch(() => {});
  document.body.dataset.ready = 'true';
</script>`,
  '/oidc-callback.html': (origin) =>
    `${CALLBACK_HEAD}<script src="/oidc/oidc-client-ts.min.js"></script><script>new oidc.UserManager(${settings(origin)}).signinPopupCallback().catch(() => {})</script><p>Signing in…</p>`,
};

/** oidc-client-ts's settings: the provider's metadata given inline, as ours is (no discovery request). */
function settings(origin: string): string {
  return JSON.stringify({
    authority: origin,
    client_id: 'bench',
    redirect_uri: `${origin}/oidc-callback.html`,
    popup_redirect_uri: `${origin}/oidc-callback.html`,
    response_type: 'code',
    scope: 'openid',
    metadata: { issuer: origin, authorization_endpoint: `${origin}/authorize`, token_endpoint: `${origin}/token` },
  });
}

/** The site and the instant provider, on 127.0.0.1 port 0. */
export async function startSite(): Promise<{ origin: string; server: Server }> {
  // Every CDN file, not only the entries: the module loads its on-demand chunks from beside itself.
  const files: Record<string, string> = { '/oidc/oidc-client-ts.min.js': readFileSync(OIDC_BUNDLE, 'utf8') };
  for (const name of readdirSync('dist/cdn')) files[`/dist/cdn/${name}`] = readFileSync(`dist/cdn/${name}`, 'utf8');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const script = files[url.pathname];
    if (script) {
      // What a CDN serves for a pinned version: cached for good, both libraries alike.
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=31536000, immutable' });
      return void res.end(script);
    }
    const page = pages[url.pathname];
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end(page(url.origin));
    }
    if (url.pathname === '/served/providers') {
      // What GET {basePath}/providers answers for the bench provider: the settings ours.html writes as attributes.
      const bench = { key: 'bench', type: 'oauth', clientId: 'bench', authorizeEndpoint: `${url.origin}/authorize`, scope: '', pkce: 's256', redirectUri: `${url.origin}/ours-callback.html`, label: 'Bench' };
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
      return void res.end(JSON.stringify({ providers: [bench] }));
    }
    if (url.pathname === '/served/bench') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"provider":"bench","user":null}');
    }
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri')!, url.origin);
      back.searchParams.set('code', 'instant-code');
      back.searchParams.set('state', url.searchParams.get('state')!);
      return void res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/token') {
      res.writeHead(400, { 'content-type': 'application/json' });
      return void res.end('{"error":"invalid_grant"}');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** One login on a fresh profile (nothing cached from an earlier run): ms from the click to the opener having the code. */
export async function timeOne(browser: Browser, origin: string, page: 'ours' | 'exchange' | 'endpoint' | 'oidc'): Promise<number> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${origin}/${page}.html`);
    await tab.waitForSelector('body[data-ready="true"]');
    // A person clicks once the page has finished loading, not the moment its script ran: both pages
    // alike wait until their network is quiet (ours has warmed its callback page by then).
    await tab.waitForLoadState('networkidle');
    await tab.click('#login');
    await tab.waitForFunction(() => typeof (window as unknown as { doneAt?: number }).doneAt == 'number', undefined, { timeout: 15_000 });
    const { clickAt, doneAt, mode } = await tab.evaluate(() => {
      const w = window as unknown as { clickAt: number; doneAt: number; mode?: string };
      return { clickAt: w.clickAt, doneAt: w.doneAt, mode: w.mode };
    });
    if (page != 'oidc' && mode != 'popup') throw new Error(`${page} ran in ${mode} mode`);
    return doneAt - clickAt;
  } finally {
    await context.close();
  }
}
