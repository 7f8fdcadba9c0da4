/** What the interop tests share: the browser, LemonLDAP's own pages, its session API, the page's events. */
import type { BrowserContext, Page } from 'playwright-core';
import { readLog } from './lemonldap.js';

export { launchChromium } from '../support/chromium.js';

export type PageEvent = { type: string; detail: Record<string, unknown> };
declare global {
  interface Window {
    siteEvents: PageEvent[];
    siteSessionChanges: Record<string, unknown>[];
  }
}

/** Fills and submits LemonLDAP's own login form, as a person would. */
export async function signInAtLemonldap(page: Page, user = 'dwho', password = 'dwho'): Promise<void> {
  await page.waitForSelector('#userfield');
  await page.fill('#userfield', user);
  await page.fill('#passwordfield', password);
  await page.click('#lform button[type="submit"]');
}

export const events = (page: Page) => page.evaluate(() => window.siteEvents);
export const eventTypes = (page: Page) => page.evaluate(() => window.siteEvents.map((e) => e.type));
export const sessionChanges = (page: Page) => page.evaluate(() => window.siteSessionChanges);

/** Waits for the page's first `type` event and returns it. */
export async function pageEvent(page: Page, type: string, timeout = 15_000): Promise<PageEvent> {
  await page.waitForFunction((t) => window.siteEvents.some((e) => e.type === t), type, { timeout });
  return page.evaluate((t) => window.siteEvents.find((e) => e.type === t)!, type);
}

export async function sessionState(page: Page): Promise<string | null> {
  await page.waitForFunction(() => document.querySelector('login-session')?.getAttribute('state') !== 'loading');
  return page.getAttribute('login-session', 'state');
}

/** The id of the person's LemonLDAP session: its `lemonldap` cookie in this browser context. */
export async function lemonldapSessionId(context: BrowserContext, issuer: string): Promise<string | undefined> {
  return (await context.cookies(issuer)).find((c) => c.name === 'lemonldap')?.value;
}

/** LemonLDAP's REST session API: the session's `uid`, or `null` when it no longer exists. */
export async function lemonldapSession(issuer: string, id: string): Promise<{ uid: string } | null> {
  const response = await fetch(`${issuer}sessions/global/${id}`);
  if (!response.ok) return null;
  return (await response.json()) as { uid: string };
}

/** Its userinfo endpoint with an access token: the status and, when 200, the claims. */
export async function userinfo(issuer: string, accessToken: string): Promise<{ status: number; sub?: string }> {
  const response = await fetch(`${issuer}oauth2/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: response.status, ...(response.ok ? { sub: ((await response.json()) as { sub: string }).sub } : {}) };
}

/** LemonLDAP's log lines written since `offset` (its length before the step). */
export const logSince = (file: string, offset: number) => readLog(file).slice(offset);
export const logLength = (file: string) => readLog(file).length;
