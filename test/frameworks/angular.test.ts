// Angular 21 with CUSTOM_ELEMENTS_SCHEMA on the packed tarball: `ng build`, the built app served on
// 127.0.0.1, and in Chromium the property binding reaches the element, a real click fires the
// (login-start) binding, and the popup's authorize URL carries the bound params.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type ServedApp } from '../support/serve-app.js';
import { installApp } from './support.js';

let site: ServedApp;

beforeAll(async () => {
  const app = await installApp('angular');
  execFileSync('npx', ['ng', 'build'], { cwd: app, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  const built = join(app, 'dist/browser');
  site = await serveApp(() => (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/authorize') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Provider</p>');
    const file = path === '/' ? 'index.html' : path.slice(1);
    let body: Buffer;
    try {
      body = readFileSync(join(built, file.replace(/\.\./g, '')));
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
  });
}, 600_000);

afterAll(() => site?.close());

describe('Angular 21 with CUSTOM_ELEMENTS_SCHEMA', () => {
  it('[params] reaches the element, (login-start) runs on a real click, the authorize URL carries the params', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.origin);
    await page.waitForFunction(() => (document.querySelector('bbaton-login') as unknown as { params?: Record<string, string> })?.params?.app_marker === 'angular');
    expect(await page.$eval('bbaton-login', (el) => el.shadowRoot!.querySelector('button')!.textContent!.trim())).toBe('Log in with BBaton');
    const popupPromise = page.waitForEvent('popup');
    await page.click('bbaton-login');
    const popup = await popupPromise;
    await popup.waitForURL(/\/authorize\?/);
    const authorize = new URL(popup.url());
    expect(authorize.searchParams.get('app_marker')).toBe('angular');
    expect(authorize.searchParams.get('client_id')).toBe('angular-client');
    await page.waitForFunction(() => document.querySelector('#log')?.textContent === 'start bbaton');
    await page.close();
  });
});
