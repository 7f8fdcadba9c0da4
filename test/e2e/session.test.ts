// Sessions end to end in Chromium, with real clicks against the demo (its companion endpoint with a
// sealed-cookie session, the oidc-provider "corp" provider, the demo API route): what a person sees
// after a login — across a reload, in a second tab, after a sign-out in either — and what the site's
// own route answers.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OIDC_USER } from '../../demo/stand-ins/oidc.js';
import { launchChromium, openDemo, useDemo } from './support.js';

const e2e = useDemo();

const CORP_USER = { id: OIDC_USER.sub, name: OIDC_USER.name, email: OIDC_USER.email };
const state = (page: Page) => page.getAttribute('#session', 'state');
const changes = (page: Page) => page.evaluate(() => window.sessionChanges);
const shown = (page: Page) => page.evaluate(() => document.querySelector('#session')!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());

/** The demo API route, called with the page's button: status and body. */
async function apiMe(page: Page): Promise<{ status: number; body: Record<string, unknown> }> {
  await page.evaluate(() => delete document.getElementById('api-result')!.dataset.status);
  await page.click('#api-me');
  await page.waitForSelector('#api-result[data-status]');
  const [status, ...body] = (await page.textContent('#api-result'))!.split(' ');
  return { status: Number(status), body: JSON.parse(body.join(' ')) };
}

/** Logs in with the corp (oidc-provider) button in a popup; `approve` when its login page shows. */
async function logInWithCorp(page: Page): Promise<{ askedForLogin: boolean }> {
  const popupPromise = page.waitForEvent('popup');
  await page.click('#buttons [data-key="corp"]');
  const popup = await popupPromise;
  // With a provider session alive, oidc-provider answers at once and the popup closes by itself.
  const askedForLogin = await popup
    .waitForSelector('#approve', { timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (askedForLogin) await popup.click('#approve');
  await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-in', undefined, { timeout: 15_000 });
  return { askedForLogin };
}

describe('<login-session> in the demo', () => {
  it('sign in → reload → signed in; a second tab is signed in; sign out there → the first follows within 1 s; /api/me 401/200/401', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    expect(await apiMe(page)).toEqual({ status: 401, body: { error: 'signed_out', error_description: 'Sign in to use this route' } });

    await logInWithCorp(page);
    expect(await apiMe(page)).toEqual({ status: 200, body: { provider: 'corp', user: expect.objectContaining(CORP_USER) } });

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') !== 'loading');
    expect(await state(page)).toBe('signed-in');
    expect(await shown(page)).toBe(`Signed in as ${OIDC_USER.name} Sign out`);
    expect(await page.evaluate(() => (document.querySelector('#session') as import('../../src/index.js').LoginSession).user)).toMatchObject(CORP_USER);
    // The user the browser is shown never carries the provider's raw profile.
    expect(await page.evaluate(() => 'raw' in ((document.querySelector('#session') as import('../../src/index.js').LoginSession).user ?? {}))).toBe(false);
    expect(await changes(page)).toEqual([{ state: 'signed-in', provider: 'corp', user: expect.objectContaining(CORP_USER) }]);

    const second = await openDemo(e2e.context, e2e.demo, 'popup');
    await second.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') !== 'loading');
    expect(await state(second)).toBe('signed-in');
    expect(await apiMe(second)).toMatchObject({ status: 200 });

    // Sign out in the second tab with its own Sign out button.
    await second.locator('#session').locator('button[part="logout"]').click();
    const signedOutAt = Date.now();
    await second.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out', undefined, { timeout: 1000 });
    expect(Date.now() - signedOutAt).toBeLessThan(1000);
    expect(await page.isVisible('#session [slot="signed-out"]')).toBe(true);
    expect(await apiMe(page)).toEqual({ status: 401, body: { error: 'signed_out', error_description: 'Sign in to use this route' } });
    expect(await apiMe(second)).toEqual({ status: 401, body: { error: 'signed_out', error_description: 'Sign in to use this route' } });

    // The exact sequences: this tab (after its reload) and the second one.
    expect(await changes(page)).toEqual([
      { state: 'signed-in', provider: 'corp', user: expect.objectContaining(CORP_USER) },
      { state: 'signed-out', provider: null, user: null },
    ]);
    expect(await changes(second)).toEqual([
      { state: 'signed-in', provider: 'corp', user: expect.objectContaining(CORP_USER) },
      { state: 'signed-out', provider: null, user: null },
    ]);
  });

  it('the exact session-change sequence of one page load: signed-out, signed-in after the login (no reload), signed-out after Sign out', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    await logInWithCorp(page);
    await page.locator('#session').locator('button[part="logout"]').click();
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    await page.waitForTimeout(1000);
    expect(await changes(page)).toEqual([
      { state: 'signed-out', provider: null, user: null },
      { state: 'signed-in', provider: 'corp', user: expect.objectContaining(CORP_USER) },
      { state: 'signed-out', provider: null, user: null },
    ]);
  });

  it('RP-initiated logout against oidc-provider ends the provider session: the next login shows its login page again (a plain sign-out does not)', async () => {
    const page = await openDemo(e2e.context, e2e.demo, 'popup');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    expect(await logInWithCorp(page)).toEqual({ askedForLogin: true });

    // A plain sign-out ends only the site's session: the provider still knows the user.
    await page.locator('#session').locator('button[part="logout"]').click();
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    expect(await logInWithCorp(page)).toEqual({ askedForLogin: false });

    // With provider-logout: Sign out goes to the provider's end-session page and back to the demo.
    await page.check('#provider-logout');
    await page.locator('#session').locator('button[part="logout"]').click();
    await page.waitForURL((url) => url.pathname === '/session/end', { timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('post_logout_redirect_uri')).toBe(e2e.demo.url);
    await page.click('#signout');
    await page.waitForURL(e2e.demo.url, { timeout: 10_000 });
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    await page.click('#mode label:has(input[value="popup"])');
    expect(await logInWithCorp(page)).toEqual({ askedForLogin: true });
  });

  it('the CDN bundle alone registers <login-session>, and it reads the session', async () => {
    const page = await e2e.context.newPage();
    await page.goto(e2e.demo.url + 'cdn.html');
    await page.waitForFunction(() => !!customElements.get('oauth-login'));
    await page.evaluate(() => document.body.append(document.createElement('login-session')));
    // Defined when it appears (the CDN module loads each element's chunk then): wait for the upgraded element's answer.
    await page.waitForFunction(() => !['loading', undefined].includes(document.querySelector('login-session')!.state));
    const state = await page.evaluate(() => [document.querySelector('login-session')!.state, document.querySelector('login-session')!.endpoint]);
    expect(state).toEqual(['signed-out', '/auth']);
  });
});

describe('<login-session> and the back/forward cache', () => {
  let cached: Browser;
  let ctx: BrowserContext;
  beforeAll(async () => {
    cached = await launchChromium({ bfcache: true });
  });
  afterAll(() => cached?.close());
  beforeEach(async () => {
    ctx = await cached.newContext();
  });
  afterEach(() => ctx.close());

  /** Signs in on the demo, then leaves it for another page (into the back/forward cache). */
  async function signInAndLeave(): Promise<Page> {
    const page = await openDemo(ctx, e2e.demo, 'popup');
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    await logInWithCorp(page);
    await page.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)));
    await page.goto(e2e.demo.url + 'cdn.html');
    return page;
  }
  const restored = (page: Page) => page.evaluate(() => (window as unknown as { restored?: boolean }).restored ?? false);
  const notRestoredReasons = (page: Page) =>
    page.evaluate(() =>
      ((performance.getEntriesByType('navigation')[0] as unknown as { notRestoredReasons: { reasons: { reason: string }[] } | null }).notRestoredReasons?.reasons ?? []).map((r) => r.reason),
    );

  it('the session ends on the server with no tab told: the page Back restores from the cache re-reads as it becomes visible', async () => {
    const page = await signInAndLeave();
    // The site ends the session by itself (an API call with the browser's cookie; no page hears of it).
    const out = await ctx.request.post(e2e.demo.url.replace(/\/demo\/$/, '/auth/logout'), { headers: { origin: new URL(e2e.demo.url).origin } });
    expect(out.status()).toBe(200);
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => !!document.querySelector('#session'));
    expect(await restored(page)).toBe(true);
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out', undefined, { timeout: 3000 });
    expect(await changes(page)).toEqual([
      { state: 'signed-out', provider: null, user: null },
      { state: 'signed-in', provider: 'corp', user: expect.objectContaining(CORP_USER) },
      { state: 'signed-out', provider: null, user: null },
    ]);
  });

  it('a sign-out in another tab while the page is cached: Back shows signed-out (the channel message makes Chromium drop the cached page)', async () => {
    const page = await signInAndLeave();
    const other = await openDemo(ctx, e2e.demo, 'popup');
    await other.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-in');
    await other.locator('#session').locator('button[part="logout"]').click();
    await other.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out');
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => !!document.querySelector('#session'));
    await page.waitForFunction(() => document.querySelector('#session')?.getAttribute('state') === 'signed-out', undefined, { timeout: 3000 });
    expect(await restored(page)).toBe(false);
    expect(await notRestoredReasons(page)).toContain('broadcastchannel-message');
  });
});
