// The README's quick start, followed literally: the files of examples/quick-start (which README.md
// includes verbatim, held equal by `npm run docs:check`) copied to a fresh directory, their
// dependencies linked as `npm install` would put them, a `.env` filled in, and `npm start`'s command run
// as it is. Against oidc-provider with exactly what the README says to register, in real Chromium:
// sign in, the session on reload, the guarded /api/me, sign out through the provider and back — with
// helmet()'s default headers refusing nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_USER, startOidc } from '../../demo/stand-ins/oidc.js';
import { launchChromium } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'examples/quick-start');
const clientId = 'quick-start-client';
const clientSecret = 'quick-start-secret-9f1c2e';

let op: Awaited<ReturnType<typeof startOidc>>;
let site: ChildProcess;
let siteLog = '';
let origin: string;
let appDir: string;
let browser: Browser;

/** A free port, so that the site's origin (and what is registered for it) is known before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  // What the README says to register at the provider, and nothing else.
  op = await startOidc([{ clientId, clientSecret, redirectUris: [`${origin}/auth/callback`], postLogoutRedirectUris: [`${origin}/`] }]);

  // The files as they are; node_modules as `npm install` would make it (this checkout is login-elements).
  appDir = mkdtempSync(join(tmpdir(), 'login-elements-quick-start-'));
  cpSync(example, appDir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: { start: string } };
  for (const name of Object.keys(pkg.dependencies)) {
    const link = join(appDir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(name === 'login-elements' ? root : join(root, 'node_modules', name), link, 'dir');
  }
  const env = readFileSync(join(appDir, '.env.example'), 'utf8')
    .replace(/^OIDC_ISSUER=.*$/m, `OIDC_ISSUER=${op.url}`)
    .replace(/^OIDC_CLIENT_ID=.*$/m, `OIDC_CLIENT_ID=${clientId}`)
    .replace(/^OIDC_CLIENT_SECRET=.*$/m, `OIDC_CLIENT_SECRET=${clientSecret}`)
    .replace(/^SESSION_SECRET=$/m, `SESSION_SECRET=${randomBytes(32).toString('base64')}`)
    .replace(/^# PORT=3000$/m, `PORT=${port}`);
  expect(env).toContain(`PORT=${port}\n`);
  writeFileSync(join(appDir, '.env'), env);

  // `npm start`'s command, in its own process group (so the whole of it is stopped after).
  site = spawn(pkg.scripts.start, { cwd: appDir, shell: true, detached: true, env: { ...process.env, NODE_ENV: '' } });
  site.stdout!.on('data', (chunk: Buffer) => (siteLog += chunk));
  site.stderr!.on('data', (chunk: Buffer) => (siteLog += chunk));
  await new Promise<void>((resolve, reject) => {
    const ready = () => siteLog.includes(`Open ${origin}/`) && resolve();
    site.stdout!.on('data', ready);
    site.once('exit', (code) => reject(new Error(`the quick start's server exited (${code}):\n${siteLog}`)));
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (site?.pid && site.exitCode === null) process.kill(-site.pid, 'SIGTERM');
  await op?.close();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

/** The session's state once it has one: the element is defined when it appears (the CDN module loads it then), so no attribute means not yet. */
const state = (page: Page) =>
  page.waitForFunction(() => !['loading', null, undefined].includes(document.querySelector('login-session')?.getAttribute('state'))).then(() => page.getAttribute('login-session', 'state'));
const shown = (page: Page) => page.evaluate(() => document.querySelector('login-session')!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());

/** Clicks "Call GET /api/me" and returns what the page shows: status and body. */
async function callMe(page: Page): Promise<{ status: number; body: unknown }> {
  await page.evaluate(() => (document.getElementById('me-result')!.textContent = ''));
  await page.click('#me');
  await page.waitForFunction(() => document.getElementById('me-result')!.textContent);
  const [status, ...body] = (await page.textContent('#me-result'))!.split(' ');
  return { status: Number(status), body: JSON.parse(body.join(' ')) };
}

describe("the README's quick start, as written", () => {
  it('sign in → signed in after a reload → GET /api/me 200 → sign out at the provider and back → 401; helmet() refuses nothing', async () => {
    const context = await browser.newContext();
    const refused: string[] = [];
    context.on('page', (page) => page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(`${page.url()}: ${m.text()}`)));
    const page = await context.newPage();
    const response = await page.goto(`${origin}/`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(await state(page)).toBe('signed-out');
    expect(await callMe(page)).toEqual({ status: 401, body: expect.objectContaining({ error: 'signed_out' }) });

    // The button's settings come from the server alone: the page names only the provider's key.
    const popupPromise = page.waitForEvent('popup');
    await page.click('oauth-login');
    const popup = await popupPromise;
    await popup.click('#approve');
    await page.waitForFunction(() => document.querySelector('login-session')?.getAttribute('state') === 'signed-in', undefined, { timeout: 20_000 });

    await page.reload();
    expect(await state(page)).toBe('signed-in');
    expect(await shown(page)).toContain(`Signed in as ${OIDC_USER.name}`);
    expect(await callMe(page)).toEqual({ status: 200, body: expect.objectContaining({ id: OIDC_USER.sub, name: OIDC_USER.name, email: OIDC_USER.email }) });

    // Sign out (provider-logout): the provider's own sign-out page, then back to the registered root.
    await page.locator('login-session').locator('button[part="logout"]').click();
    await page.waitForURL((url) => url.href.startsWith(op.url), { timeout: 10_000 });
    await page.click('#signout');
    await page.waitForURL(`${origin}/`, { timeout: 10_000 });
    expect(await state(page)).toBe('signed-out');
    expect(await callMe(page)).toEqual({ status: 401, body: expect.objectContaining({ error: 'signed_out' }) });

    expect(refused).toEqual([]);
    // The server said where to go and nothing else: no warning, no refused request.
    expect(siteLog.trim()).toBe(`Open ${origin}/`);
    await context.close();
  });
});
