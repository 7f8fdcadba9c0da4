// The handler serves the callback page and its script (contract §7): GET {basePath}/callback and
// {basePath}/callback.js, the script being the build of src/callback.ts (what dist/cdn/callback.js is).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { createLoginHandler } from '../../src/server/index.js';
import { CALLBACK_SCRIPT } from '../../src/server/http/callback-script.js';
import { toNodeListener } from '../../src/server/node.js';

const APP = 'https://app.example';
const handler = createLoginHandler({ basePath: '/login', allowedOrigins: [APP], log: () => {}, providers: { bbaton: { clientId: 'id', clientSecret: 'secret' } } });
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => handler(new Request(APP + path, { method, headers }));

describe('GET {basePath}/callback', () => {
  it('is an HTML page without inline script or style, its script beside it, no referrer, never cached', async () => {
    const response = await get('/login/callback?code=abc&state=xyz');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes, body]) => [attributes!.trim(), body])).toEqual([['type="module" src="callback.js"', '']]);
    expect(html).not.toMatch(/\son\w+=|\sstyle=|<style/i);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('the script is the build of src/callback.ts, byte for byte; revalidated by its ETag', async () => {
    const response = await get('/login/callback.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const served = await response.text();
    // What `npm run build` writes to dist/cdn/callback.js, built here from the source as it is now: a
    // stale src/server/http/callback-script.ts (src/callback.ts edited, no build since) fails this.
    const [output] = (await build({ configFile: 'vite.config.ts', mode: 'callback.js', logLevel: 'silent', build: { write: false } })) as Rolldown.RolldownOutput[];
    expect(served).toBe(output!.output[0].code);
    expect(served).toBe(CALLBACK_SCRIPT);
    const etag = response.headers.get('etag')!;
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const again = await get('/login/callback.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('GET and HEAD only', async () => {
    for (const path of ['/login/callback', '/login/callback.js']) {
      const post = await get(path, {}, 'POST');
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('through the Node adapter, mounted under a path: the page and its script, HEAD without a body', async () => {
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${origin}/login/callback?code=c&state=s`);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const src = /src="([^"]+)"/.exec(await page.text())![1]!;
      const script = await fetch(new URL(src, page.url));
      expect(script.url).toBe(`${origin}/login/callback.js`);
      expect(await script.text()).toBe(CALLBACK_SCRIPT);
      const head = await fetch(`${origin}/login/callback.js`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('a provider may not be named callback or callback.js', () => {
    for (const key of ['callback', 'callback.js'])
      expect(() => createLoginHandler({ allowedOrigins: [APP], providers: { [key]: { type: 'oauth', clientId: 'c', clientSecret: 's', issuer: APP } } })).toThrow(`may not be named "${key}"`);
  });
});
