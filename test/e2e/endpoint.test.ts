// contract §7 end to end: `<oauth-login provider="corp" endpoint="/auth">` on the demo page, whose handler
// (the real createLoginHandler) serves GET /auth/providers from its config, against oidc-provider,
// which checks the nonce in the ID token it issues the way the handler then checks it.
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OIDC_USER } from '../../demo/stand-ins/oidc.js';
import { demoEvent, eventTypes, openDemo, useDemo } from './support.js';

const e2e = useDemo();

describe('the endpoint attribute against the real handler and oidc-provider', () => {
  it('eleven elements and the chooser on the page ask for GET /auth/providers once', async () => {
    const lists: string[] = [];
    e2e.context.on('request', (request) => new URL(request.url()).pathname == '/auth/providers' && lists.push(request.method()));
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#buttons [data-key]').count()).toBe(11);
    expect(await page.locator('login-chooser').count()).toBe(1);
    expect(await page.locator('#buttons [data-key="corp"]').evaluate((el) => [el.getAttribute('endpoint'), el.getAttribute('client-id')])).toEqual(['/auth', null]);
    expect(lists).toEqual(['GET']);
  });

  it('a popup login: the served client id and a nonce at authorize, the same nonce in the exchange, the user from oidc-provider', async () => {
    const seen: Request[] = [];
    e2e.context.on('request', (request) => seen.push(request));
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.waitForLoadState('networkidle');
    const popup = page.waitForEvent('popup');
    await page.click('#buttons [data-key="corp"]');
    await (await popup).click('#approve');
    const success = await demoEvent(page, 'login-success', 'corp');
    expect(success.detail.result!.user).toMatchObject({ id: OIDC_USER.sub, email: OIDC_USER.email });
    expect(await eventTypes(page)).toEqual(['login-start', 'login-success']);
    const authorize = new URL(seen.find((r) => new URL(r.url()).searchParams.get('response_type') == 'code')!.url());
    expect(authorize.searchParams.get('client_id')).toBe('JDJhJDA0+oidc/demo==');
    expect(authorize.searchParams.get('scope')).toBe('openid profile email');
    const nonce = authorize.searchParams.get('nonce');
    expect(nonce).toMatch(/^[\w-]{43}$/);
    const exchange = seen.find((r) => r.method() == 'POST' && new URL(r.url()).pathname == '/auth/corp')!;
    expect(JSON.parse(exchange.postData()!)).toMatchObject({ nonce, redirectUri: `${new URL(e2e.demo.url).origin}/demo/callback.html` });
  });
});
