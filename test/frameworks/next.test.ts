// Next.js App Router (React 19, SSR + hydration) with the packed tarball — what users install: `next
// build`, `next start` on 127.0.0.1, then in Chromium a real click after hydration runs the app's
// onLoginStart with the params on the authorize URL, and a full popup login against the BBaton stand-in
// (and the app's own route handler as the companion endpoint) ends in the app's onLoginSuccess.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBATON_USER, startBbaton } from '../../demo/stand-ins/bbaton.js';
import { launchChromium } from '../support/chromium.js';
import { installApp } from './support.js';

const client = { clientId: 'JDJhJDA0+next/app==', clientSecret: 'next-app-secret-NEVER-LEAK' };

let next: ChildProcess | undefined;
let browser: Browser;
let bbaton: Awaited<ReturnType<typeof startBbaton>>;
let base: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const app = await installApp('next');
  execFileSync('npx', ['next', 'build'], { cwd: app, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bbaton = await startBbaton({ ...client, redirectUris: [`${base}/callback`] });
  next = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: fileURLToPath(new URL('./next', import.meta.url)),
    stdio: 'ignore',
    detached: true,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      APP_ORIGIN: base,
      BBATON_CLIENT_ID: client.clientId,
      BBATON_CLIENT_SECRET: client.clientSecret,
      BBATON_AUTHORIZE: bbaton.endpoints.authorizeEndpoint,
      BBATON_TOKEN_ENDPOINT: bbaton.endpoints.tokenEndpoint,
      BBATON_USERINFO_ENDPOINT: bbaton.endpoints.userinfoEndpoint,
    },
  });
  for (let i = 0; ; i++) {
    if ((await fetch(base).catch(() => undefined))?.ok) break;
    if (i > 150) throw new Error('next start never answered');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  // npx started next in a process group of its own: end all of it.
  if (next?.pid) process.kill(-next.pid, 'SIGTERM');
  await bbaton?.close();
});

describe('Next.js App Router with SSR and hydration', () => {
  it('the server renders the tag; the callback page (login-elements/callback at the top) prerendered', async () => {
    const html = await (await fetch(base)).text();
    expect(html).toContain('<bbaton-login');
    const callback = await fetch(`${base}/callback`);
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain('<meta name="referrer" content="no-referrer"/>');
  });

  it('after hydration a real click runs onLoginStart, the authorize URL carries params, and the login ends in onLoginSuccess', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    // Hydrated: the component has set the element's properties.
    await page.waitForFunction(() => (document.querySelector('bbaton-login') as unknown as { params?: Record<string, string> })?.params?.app_marker === 'next-ssr');
    const popupPromise = page.waitForEvent('popup');
    await page.click('bbaton-login');
    const popup = await popupPromise;
    await popup.waitForSelector('#approve');
    const authorize = new URL(popup.url());
    expect(authorize.searchParams.get('app_marker')).toBe('next-ssr');
    expect(authorize.searchParams.get('prompt')).toBe('login');
    expect(authorize.searchParams.get('client_id')).toBe(client.clientId);
    await page.waitForFunction(() => document.querySelector('#log')?.textContent?.includes('start bbaton popup'));
    await popup.click('#approve');
    await page.waitForFunction(() => document.querySelector('#log')?.textContent?.includes('success'), undefined, { timeout: 15_000 });
    const log = await page.$$eval('#log li', (items) => items.map((item) => item.textContent!));
    expect(log[0]).toBe('start bbaton popup');
    expect(log).toHaveLength(2);
    const result = JSON.parse(log[1]!.slice('success '.length)) as { provider: string; user: { id: string } };
    expect(result.provider).toBe('bbaton');
    expect(result.user.id).toBe(BBATON_USER.user_id);
    await context.close();
  });
});
