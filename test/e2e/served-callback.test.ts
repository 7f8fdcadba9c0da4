// The callback page the handler serves (contract §7: GET {basePath}/callback + callback.js) behind
// helmet()'s default headers (CSP script-src 'self', style-src-attr 'none', COOP same-origin, …), in
// real Chromium against oidc-provider: the popup login completes, and nothing is refused by a CSP.
import express from 'express';
import helmet from 'helmet';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_USER, startOidc } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { serveApp, type ServedApp } from '../support/serve-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const clientId = 'served-callback-client';
const clientSecret = 'served-callback-secret-long-enough-for-hs256';

let served: ServedApp;
let site: string;
let op: Awaited<ReturnType<typeof startOidc>>;

beforeAll(async () => {
  served = await serveApp(async (origin) => {
    // Nothing but the default: the redirect URI is the handler's own callback page.
    const redirectUri = `${origin}/auth/callback`;
    op = await startOidc([{ clientId, clientSecret, redirectUris: [redirectUri] }]);
    const publicDir = mkdtempSync(join(tmpdir(), 'login-elements-served-callback-'));
    for (const [file, mode] of [
      ['index.html', 'popup'],
      ['redirect.html', 'redirect'],
    ])
      writeFileSync(
        join(publicDir, file),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
<script type="module" src="/login-elements/login-elements.js"></script><script type="module" src="/app.js"></script></head>
<body><oauth-login provider="corp" mode="${mode}" client-id="${clientId}" authorize-endpoint="${op.endpoints.authorizeEndpoint}" issuer="${op.url}"
 scope="openid profile email" redirect-uri="/auth/callback" exchange-endpoint="/auth/corp">Log in</oauth-login><p id="status"></p></body></html>`,
      );
    writeFileSync(
      join(publicDir, 'app.js'),
      `const status = document.getElementById('status');
document.addEventListener('login-success', (e) => (status.textContent = 'Signed in as ' + e.detail.result.user.id));
document.addEventListener('login-error', (e) => (status.textContent = 'Could not sign in (' + e.detail.error + ')'));`,
    );
    const app = express();
    app.use(helmet());
    app.use('/login-elements', express.static(join(root, 'dist/cdn')));
    app.use(toNodeListener(createLoginHandler({ allowedOrigins: [origin], providers: { corp: { type: 'oauth', clientId, clientSecret, issuer: op.url } } })));
    app.use(express.static(publicDir));
    return app;
  });
  site = served.origin;
}, 60_000);

afterAll(async () => {
  await served?.close();
  await op?.close();
});

describe('the callback page served by the handler, behind helmet()', () => {
  it('popup login completes; no CSP refusal on the page or in the popup; the page answered no-referrer', async () => {
    const context = await served.browser.newContext();
    const refused: string[] = [];
    const callbackHeaders: Record<string, string>[] = [];
    const watch = (page: Page) => {
      page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
      // The one carrying the code (the element also fetches the page ahead, without one).
      page.on('response', (r) => new URL(r.url()).pathname === '/auth/callback' && new URL(r.url()).searchParams.has('code') && callbackHeaders.push(r.headers()));
    };
    context.on('page', watch);
    const page = await context.newPage();
    const response = await page.goto(site + '/');
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
    await page.waitForFunction(() => customElements.get('oauth-login'));
    const popup = page.waitForEvent('popup');
    await page.click('oauth-login');
    await (await popup).click('#approve');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.length > 0, null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toBe(`Signed in as ${OIDC_USER.sub}`);
    expect(refused).toEqual([]);
    expect(callbackHeaders).toHaveLength(1);
    expect(callbackHeaders[0]!['referrer-policy']).toBe('no-referrer');
    await context.close();
  });

  it('redirect login: through the served callback page and back, the same user', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(site + '/redirect.html');
    await page.waitForFunction(() => customElements.get('oauth-login'));
    await Promise.all([page.waitForURL((url) => url.href.startsWith(op.url)), page.click('oauth-login')]);
    await page.click('#approve');
    await page.waitForFunction(() => document.getElementById('status')?.textContent, null, { timeout: 20_000 });
    expect(page.url()).toBe(`${site}/redirect.html`);
    expect(await page.textContent('#status')).toBe(`Signed in as ${OIDC_USER.sub}`);
    await context.close();
  });
});
