// docs/deploy.md's plain-HTML page (every setting on the element), callback and server, served byte for
// byte behind helmet()'s default headers (CSP script-src 'self', COOP same-origin, …), logging in for
// real in Chromium against oidc-provider. Only the page's placeholders (client id, the provider's URL)
// are replaced. (The README's quick start, with the settings on the server: quick-start.test.ts.)
import { createHash } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProviders } from '../../demo/providers.js';
import { OIDC_USER } from '../../demo/stand-ins/oidc.js';
import { createLoginHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { launchChromium } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Every `<!-- csp-page: public/x -->` code block of docs/deploy.md, by file name. */
const readmeFiles = new Map(
  [...readFileSync(join(root, 'docs/deploy.md'), 'utf8').matchAll(/<!-- csp-page: public\/(\S+) -->\n```\w+\n([\s\S]*?)```/g)].map(([, name, text]) => [name!, text!]),
);

const servers: Server[] = [];
let browser: Browser;
let closeProviders: () => Promise<void>;
const sites: Record<'defaults' | 'importMap', string> = { defaults: '', importMap: '' };

async function listen(): Promise<{ server: Server; origin: string }> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  expect([...readmeFiles.keys()].sort()).toEqual(['app.js', 'callback.html', 'index.html', 'npm-app.js', 'npm.html']);
  const [plain, mapped] = [await listen(), await listen()];
  const providers = await startProviders([plain, mapped].map(({ origin }) => `${origin}/callback.html`));
  closeProviders = providers.close;
  const corp = providers.server.corp!;
  const publicDir = mkdtempSync(join(tmpdir(), 'login-elements-csp-'));
  for (const [name, text] of readmeFiles)
    writeFileSync(
      join(publicDir, name),
      text.replaceAll('YOUR_CLIENT_ID', corp.clientId).replaceAll('https://id.example.com/auth', corp.authorizeEndpoint!).replaceAll('https://id.example.com', corp.issuer!),
    );
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(readmeFiles.get('npm.html')!)![1]!;
  const mapHash = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;

  for (const [{ server, origin }, headers] of [
    [plain, helmet()],
    [mapped, helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", mapHash] } } })],
  ] as const) {
    // The page's server.js, with the package at the project root instead of node_modules/login-elements.
    const app = express();
    app.use(headers);
    app.use('/login-elements', express.static(join(root, 'dist/cdn')));
    app.use('/node_modules/login-elements', express.static(root));
    app.use('/node_modules', express.static(join(root, 'node_modules')));
    app.use(toNodeListener(createLoginHandler({ allowedOrigins: [origin], redirectUris: [`${origin}/callback.html`], providers: { corp: providers.server.corp! } })));
    app.use(express.static(publicDir));
    server.on('request', app);
  }
  sites.defaults = plain.origin;
  sites.importMap = mapped.origin;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await closeProviders?.();
});

/** Logs in from `path` of `site`, recording what the CSP refused on the page and in the popup. */
async function logIn(site: string, path: string): Promise<{ status: string; refused: string[]; csp: string }> {
  const context = await browser.newContext();
  const refused: string[] = [];
  const watch = (page: Page) => page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
  context.on('page', watch);
  const page = await context.newPage();
  const response = await page.goto(site + path);
  await page.waitForFunction(() => customElements.get('oauth-login'));
  const popup = page.waitForEvent('popup');
  await page.click('oauth-login');
  await (await popup).click('#approve');
  await page.waitForFunction(() => document.getElementById('status')!.textContent!.length > 0, null, { timeout: 20_000 });
  const status = await page.textContent('#status');
  await context.close();
  return { status: status!, refused, csp: response!.headers()['content-security-policy']! };
}

describe("docs/deploy.md's plain-HTML page behind helmet()", () => {
  it("helmet()'s defaults: self-hosted CDN files, no inline script → the login completes, nothing refused", async () => {
    const { status, refused, csp } = await logIn(sites.defaults, '/');
    expect(csp).toContain("script-src 'self'");
    expect(refused).toEqual([]);
    expect(status).toBe(`Signed in as ${OIDC_USER.sub}`);
  });

  it('import "login-elements" from node_modules with the import map allowed by its hash → the login completes', async () => {
    const { status, refused, csp } = await logIn(sites.importMap, '/npm.html');
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(refused).toEqual([]);
    expect(status).toBe(`Signed in as ${OIDC_USER.sub}`);
  });
});
