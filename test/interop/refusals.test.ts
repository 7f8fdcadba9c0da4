// What LemonLDAP::NG refuses, in Chromium: a companion handler with the wrong client secret, and a
// redirect URI it does not know. The page never claims a login, and the button stays usable.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createLoginHandler } from '../../src/server/index.js';
import './context.js';
import { clickForPopup, signInThroughPopup, useSite } from './harness.js';
import { eventTypes, events, logLength, logSince, pageEvent, signInAtLemonldap } from './support.js';

const lemon = inject('interop');

const handler = (basePath: string, clientSecret: string) =>
  createLoginHandler({
    basePath,
    allowedOrigins: [lemon.siteOrigin],
    providers: {
      lemon: { type: 'oauth', issuer: lemon.issuer, clientId: lemon.clientId, clientSecret },
    },
  });
const site = useSite(() => [handler('/auth', lemon.clientSecret), handler('/wrong', `${lemon.clientSecret}-not`)]);

/** A page with the LemonLDAP button of the handler at `endpoint`, in the default mode (a popup here). */
const openButton = (endpoint: string, extraAttributes = ''): Promise<Page> =>
  site.open(`<oauth-login provider="lemon" endpoint="${endpoint}"${extraAttributes}></oauth-login>`);

describe('LemonLDAP::NG refuses', () => {
  it('a wrong client secret (sent with the default client_secret_basic): login-error exchange_failed, cause invalid_client (its log says why)', async () => {
    const page = await openButton('/wrong');
    const logged = logLength(lemon.logFile);
    await signInThroughPopup(page);
    const error = await pageEvent(page, 'login-error');
    expect(error.detail).toMatchObject({ provider: 'lemon', error: 'exchange_failed', status: 400, cause: 'invalid_client' });
    // The default client_secret_basic was sent (LemonLDAP answered 401 to it): the hint for a right secret.
    expect(error.detail.description).toContain("try tokenEndpointAuthMethod: 'client_secret_post'");
    expect(await eventTypes(page)).toEqual(['login-start', 'login-error']);
    expect(logSince(lemon.logFile, logged)).toContain('Wrong credentials');
  });

  it('a redirect URI it does not know: its error page, never a login; closing it → login-cancel within 2 s and a usable button', async () => {
    // The page's own redirect-uri wins over the served one: a page author's mistake.
    const page = await openButton('/auth', ' redirect-uri="/elsewhere.html"');
    const popup = await clickForPopup(page);
    // It asks who the person is first (its session decides which page comes first); then it refuses,
    // on its own error page, its message filled in by its own scripts.
    await popup.waitForSelector('#userfield, #errorcontent');
    if (await popup.isVisible('#userfield')) await signInAtLemonldap(popup);
    await popup.waitForSelector('#errorcontent .message-negative >> text=Unauthorized URL', { timeout: 10_000 });
    expect(popup.url().startsWith(lemon.issuer)).toBe(true);
    expect(await eventTypes(page)).toEqual(['login-start']);

    const closedAt = Date.now();
    await popup.close();
    const cancel = await pageEvent(page, 'login-cancel', 2000);
    expect(Date.now() - closedAt).toBeLessThan(2000);
    expect(cancel.detail).toMatchObject({ provider: 'lemon', reason: 'popup_closed' });
    expect((await events(page)).map((e) => e.type)).toEqual(['login-start', 'login-cancel']);

    // The button is usable: a click starts a fresh flow in a new window.
    expect(await page.$eval('oauth-login', (el) => el.hasAttribute('busy'))).toBe(false);
    expect((await clickForPopup(page)).url().startsWith(lemon.issuer)).toBe(true);
    expect(await eventTypes(page)).toEqual(['login-start', 'login-cancel', 'login-start']);
  });
});
