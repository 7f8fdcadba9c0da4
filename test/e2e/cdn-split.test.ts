// Contract §8, "cost flat in the number of providers": a page that shows one button from the CDN module
// loads the module and that element's chunks — no other provider's — and the element upgrades; a tag
// added later loads its own chunk then. dist/cdn served as a site serves it (express.static), real Chromium.
import express from 'express';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type ServedApp } from '../support/serve-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CDN = join(root, 'dist/cdn');
/** The provider elements' chunks in dist/cdn, by tag (`login-elements-google-login-<hash>.js`). */
const chunks = new Map(readdirSync(CDN).flatMap((file) => (/^login-elements-(\w+-login)-[\w-]+\.js$/.exec(file) ? [[/^login-elements-(\w+-login)-/.exec(file)![1]!, file]] : [])));

let site: ServedApp;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/cdn/login-elements.js"></script></head><body>${body}</body></html>`;

beforeAll(async () => {
  site = await serveApp(() => {
    const app = express();
    app.use('/cdn', express.static(CDN));
    app.get('/one.html', (_req, res) => res.type('html').send(page('<google-login client-id="c" redirect-uri="/cb.html"></google-login>')));
    app.get('/none.html', (_req, res) => res.type('html').send(page('<p>No button yet.</p>')));
    return app;
  });
}, 60_000);

afterAll(() => site?.close());

/** Opens `path` and records every script the page fetched (file names in dist/cdn). */
async function open(path: string) {
  const context = await site.browser.newContext();
  const tab = await context.newPage();
  const fetched: string[] = [];
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/cdn/')) fetched.push(url.pathname.slice('/cdn/'.length));
  });
  await tab.goto(site.origin + path);
  return { tab, fetched, close: () => context.close() };
}

describe('the CDN module splits per provider', () => {
  it('has one chunk per built-in element', () => {
    expect([...chunks.keys()].sort()).toEqual(
      ['bbaton', 'belladati', 'bitbadges', 'github', 'google', 'kakao', 'line', 'microsoft', 'naver', 'oauth', 'upbond'].map((type) => `${type}-login`),
    );
  });

  it('a page with only <google-login> fetches Google\'s chunk and no other provider\'s, and the element upgrades', async () => {
    const { tab, fetched, close } = await open('/one.html');
    await tab.waitForFunction(() => customElements.get('google-login') && document.querySelector('google-login')!.shadowRoot?.querySelector('button'));
    expect(await tab.textContent('google-login >> button')).toContain('Sign in with Google');
    await tab.waitForLoadState('networkidle');
    const elementChunks = fetched.filter((file) => [...chunks.values()].includes(file));
    expect(elementChunks).toEqual([chunks.get('google-login')]);
    for (const tag of chunks.keys()) if (tag != 'google-login') expect(await tab.evaluate((t) => !!customElements.get(t), tag), tag).toBe(false);
    await close();
  });

  it('a tag added later loads its own chunk then, and only it', async () => {
    const { tab, fetched, close } = await open('/none.html');
    await tab.waitForLoadState('networkidle');
    expect(fetched.filter((file) => [...chunks.values()].includes(file))).toEqual([]);
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div><kakao-login client-id="c" redirect-uri="/cb.html" lang="ko"></kakao-login></div>'));
    await tab.waitForFunction(() => customElements.get('kakao-login'));
    await tab.waitForLoadState('networkidle');
    expect(fetched.filter((file) => [...chunks.values()].includes(file))).toEqual([chunks.get('kakao-login')]);
    await tab.waitForFunction(() => document.querySelector('kakao-login')!.shadowRoot?.textContent?.includes('카카오 로그인'));
    await close();
  });
});
