// The end-to-end core in Firefox ESR and WebKitGTK, against the demo's stand-ins, with each engine's
// popup blocker on and real input: what a page is told must be the same truth as in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../demo/server.js';
import { BBATON_USER } from '../../demo/stand-ins/bbaton.js';
import { GOOGLE_USER } from '../../demo/stand-ins/google.js';
import { KAKAO_ACCOUNT, KAKAO_ID } from '../../demo/stand-ins/kakao.js';
import { GRACE_MS } from '../../src/core/popup-flow.js';
import { sleep, until, type Engine } from './drivers/engine.js';
import { launchFirefox } from './drivers/firefox.js';
import { launchWebKit } from './drivers/webkit.js';

type Logged = [type: string, provider: string, detail: Record<string, unknown>];
/**
 * A popup that reads closed is taken as closed by the user only once the flow saw it show a document
 * for 500 ms (popup-flow.ts: SEEN_LOOKS looks of POLL_MS); a person does not close a page faster. The
 * flow's own clock decides, so this is a wait, with one look to spare.
 */
const SEEN_MS = 600;
/**
 * After a popup reads closed (the callback closes it on success; COOP cuts it off at the provider), the
 * flow decides within GRACE_MS and a look; after that nothing of the flow runs until its timeout. A
 * test that proves there was no cancel waits this long from then: the least that proves it, as
 * nothing is there to wait for.
 */
const DECIDED_MS = GRACE_MS + 200;
const PROVIDERS = ['bbaton', 'belladati', 'upbond', 'bitbadges', 'corp'];
const button = (key: string) => `#buttons [data-key="${key}"]`;

let demo: RunningDemo;
let coopDemo: RunningDemo;
beforeAll(async () => {
  [demo, coopDemo] = await Promise.all([startDemo({ quiet: true }), startDemo({ quiet: true, coop: true })]);
}, 60_000);
afterAll(async () => {
  await demo?.close();
  await coopDemo?.close();
});

describe.each([
  ['Firefox ESR', launchFirefox],
  ['WebKitGTK', launchWebKit],
] as const)('%s', (_name, launch) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await launch();
  }, 90_000);
  afterAll(async () => engine?.quit());

  const events = () => engine.run<Logged[]>('window.demoEvents.map((e) => [e.type, e.detail.provider, e.detail])');
  const types = async () => (await events()).map(([type]) => type);
  async function open(mode: 'popup' | 'redirect' | 'auto', on = demo) {
    await engine.closeOthers();
    await engine.goto(on.url);
    await until(() => engine.run<boolean>('document.body?.dataset.ready === "true"'), 15_000, 'the demo page');
    await engine.click(`#mode input[value="${mode}"]`);
  }
  /**
   * Waits until `ms` have passed on the page's clock since its login-success (the demo stamps each event
   * with performance.now()): the popup closed on it, so a cancel would have come by then.
   */
  async function sinceSuccess(ms: number) {
    const left = await engine.run<number>(`window.demoEvents.find((e) => e.type === 'login-success').at + ${ms} - performance.now()`);
    if (left > 0) await sleep(left);
  }
  async function waitFor(type: string, provider: string, ms = 15_000): Promise<Record<string, unknown>> {
    let found: Logged | undefined;
    await until(async () => !!(found = (await events()).find(([t, p]) => t === type && p === provider)), ms, `${type} from ${provider}`);
    return found![2];
  }
  /**
   * Schedules a click with no user activation, from a page timer once the driver's own activation is
   * over: a popup opened and closed at once uses it up (opening a popup consumes it, as a login's
   * does). Callers wait for what the click causes (an event, the provider's page), not for the time.
   */
  async function clickWithoutGesture(selector: string) {
    await engine.run(
      `void (window.open('about:blank', '_blank', 'popup')?.close(), setTimeout(() => document.querySelector(${JSON.stringify(selector)}).click(), ${engine.activationFreeAfterMs}))`,
    );
  }

  it.each(PROVIDERS)('<%s> popup login: exactly start → success, with the stand-in user', async (key) => {
    await open('popup');
    const popup = await engine.popupFrom(() => engine.click(button(key)));
    await popup.waitFor('#approve');
    await popup.click('#approve');
    const detail = await waitFor('login-success', key);
    expect(detail.mode).toBe('popup');
    await sinceSuccess(DECIDED_MS);
    expect(await types()).toEqual(['login-start', 'login-success']);
  }, 60_000);

  // Two of the six big providers (issue 24): Google (OpenID Connect, PKCE, `iss` in the callback) and
  // Kakao (its own user endpoint), each element in its `endpoint` form against its stand-in.
  const SOCIAL_USERS = {
    google: { id: GOOGLE_USER.sub, name: GOOGLE_USER.name, email: GOOGLE_USER.email, emailVerified: true, picture: GOOGLE_USER.picture },
    kakao: { id: String(KAKAO_ID), name: KAKAO_ACCOUNT.profile.nickname, email: KAKAO_ACCOUNT.email, emailVerified: true },
  };
  it.each(Object.entries(SOCIAL_USERS))('<%s-login> popup login through its stand-in: exactly start → success, with the normalised user', async (key, user) => {
    await open('popup');
    const popup = await engine.popupFrom(() => engine.click(button(key)));
    await popup.waitFor('#approve');
    await popup.click('#approve');
    expect(await waitFor('login-success', key)).toMatchObject({ mode: 'popup', result: { provider: key, user } });
    await until(() => engine.run<boolean>('document.querySelector("#session")?.getAttribute("state") === "signed-in"'), 10_000, 'a signed-in <login-session>');
    expect(await types()).toEqual(['login-start', 'login-success']);
  }, 60_000);

  it.each(Object.entries(SOCIAL_USERS))('<%s-login> redirect login through its stand-in: back on the page with the normalised user', async (key, user) => {
    await open('redirect');
    await engine.click(button(key));
    await until(() => engine.run<boolean>('!!document.querySelector("#approve")'), 15_000, 'the provider page');
    await engine.click('#approve');
    await until(() => engine.run<boolean>('document.body?.dataset.ready === "true" && !!window.demoEvents'), 15_000, 'the demo page again');
    expect(await waitFor('login-success', key)).toMatchObject({ mode: 'redirect', result: { provider: key, user } });
    expect(await engine.run<string>('location.href')).not.toContain('code=');
  }, 60_000);

  it('redirect login: back on the page with the same event, no code in the address bar', async () => {
    await open('redirect');
    await engine.click(button('bbaton'));
    await until(() => engine.run<boolean>('!!document.querySelector("#approve")'), engine.activationFreeAfterMs + 15_000, 'the provider page');
    await engine.click('#approve');
    await until(() => engine.run<boolean>('document.body?.dataset.ready === "true" && !!window.demoEvents'), 15_000, 'the demo page again');
    const detail = await waitFor('login-success', 'bbaton');
    expect(detail.mode).toBe('redirect');
    expect(await engine.run<string>('location.href')).not.toContain('code=');
  }, 60_000);

  it('"Deny" → login-error access_denied', async () => {
    await open('popup');
    const popup = await engine.popupFrom(() => engine.click(button('upbond')));
    await popup.waitFor('#deny');
    await popup.click('#deny');
    expect(await waitFor('login-error', 'upbond')).toMatchObject({ error: 'access_denied', mode: 'popup' });
  }, 60_000);

  it('the user closes the popup → login-cancel popup_closed within 2 s', async () => {
    await open('popup');
    const popup = await engine.popupFrom(() => engine.click(button('bitbadges')));
    await popup.waitFor('#approve');
    // A person sees the provider's page before closing it (the flow tells a close from COOP by having seen it).
    await sleep(SEEN_MS);
    const closedAt = Date.now();
    await popup.close();
    expect(await waitFor('login-cancel', 'bitbadges', 5000)).toMatchObject({ reason: 'popup_closed', mode: 'popup' });
    // The driver's own polling adds up to ~100 ms per look.
    expect(Date.now() - closedAt).toBeLessThan(2500);
    expect(await types()).toEqual(['login-start', 'login-cancel']);
  }, 60_000);

  it('mode="popup" without a user gesture: popup_blocked, and no window opens', async () => {
    await open('popup');
    await clickWithoutGesture(button('corp'));
    expect(await waitFor('login-error', 'corp', engine.activationFreeAfterMs + 5000)).toMatchObject({ error: 'popup_blocked', mode: 'popup' });
    expect(await engine.windowCount()).toBe(1);
  }, 60_000);

  it('mode="auto" without a user gesture falls back to redirect and logs in', async () => {
    await open('auto');
    await clickWithoutGesture(button('bbaton'));
    await until(() => engine.run<boolean>('!!document.querySelector("#approve")'), engine.activationFreeAfterMs + 15_000, 'the provider page');
    expect(await engine.windowCount()).toBe(1);
    await engine.click('#approve');
    await until(() => engine.run<boolean>('document.body?.dataset.ready === "true" && !!window.demoEvents'), 15_000, 'the demo page again');
    expect(await waitFor('login-success', 'bbaton')).toMatchObject({ mode: 'redirect' });
  }, 60_000);

  it('COOP same-origin, the user stays at the provider past the flow\'s decision: no cancel, exactly start → success', async () => {
    await open('popup', coopDemo);
    const popup = await engine.popupFrom(() => engine.click(button('bbaton')));
    await popup.waitFor('#approve');
    // The provider's page is there, so COOP has cut the popup off (it reads closed): the flow has decided
    // (to keep listening) DECIDED_MS later, and nothing of it runs after that until its timeout.
    await sleep(DECIDED_MS);
    expect(await types()).toEqual(['login-start']);
    await popup.click('#approve');
    await waitFor('login-success', 'bbaton', 20_000);
    await sinceSuccess(DECIDED_MS);
    expect(await types()).toEqual(['login-start', 'login-success']);
  }, 60_000);

  it.each(['callback.html', 'cdn-callback.html'])('%s where nothing takes the result (no opener, no transaction): "could not finish here" within 3 s, never "You can close this window"', async (path) => {
    await engine.closeOthers();
    await engine.goto(`${demo.url}${path}?code=landed-elsewhere&state=not-this-browser`);
    // Noted by the page's own clock (ms since its navigation began) at the first look that sees it.
    const seen = 'document.body.textContent.includes("The login could not finish here.") && (window.shownAt ??= performance.now()) > 0';
    await until(() => engine.run<boolean>(seen), 6000, 'the callback to give up waiting');
    expect(await engine.run<number>('window.shownAt')).toBeLessThan(3000);
    // Nothing is left that could acknowledge (no opener, no other page on the channel), so no event can
    // show it: a bounded look a second later, for a late change of the text.
    await sleep(1000);
    const text = await engine.run<string>('document.body.textContent');
    expect(text).not.toContain('You can close this window');
    expect(await engine.run<string>('document.querySelector("a").href')).toBe(new URL('/', demo.url).href);
    expect(await engine.run<string>('location.href')).not.toContain('code=');
  }, 60_000);

  /** Makes this page's sessionStorage throw as blocked storage does (a SecurityError on access). */
  const blockStorage = () =>
    engine.run(`void Object.defineProperty(window, 'sessionStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } })`);

  it('blocked storage: redirect mode ends at once with storage_unavailable, nothing navigated, the button usable', async () => {
    await open('redirect');
    await blockStorage();
    const href = await engine.run<string>('location.href');
    await engine.click(button('bbaton'));
    expect(await waitFor('login-error', 'bbaton', 5000)).toMatchObject({ error: 'storage_unavailable', mode: 'redirect' });
    // At once: the demo stamps each event with the page's clock.
    expect(await engine.run<number>('window.demoEvents[1].at - window.demoEvents[0].at')).toBeLessThan(100);
    // A navigation would have started with the click; these engines have no navigate event to show it.
    // Half a second is ample for this page to be replaced (the demo server answers in milliseconds).
    await sleep(500);
    expect(await engine.run<string>('location.href')).toBe(href);
    expect(await engine.windowCount()).toBe(1);
    expect(await types()).toEqual(['login-start', 'login-error']);
    expect(await engine.run<boolean>(`document.querySelector('${button('bbaton')}').hasAttribute('busy')`)).toBe(false);
  }, 60_000);

  it('blocked storage: popup mode still completes', async () => {
    await open('popup');
    await blockStorage();
    const popup = await engine.popupFrom(() => engine.click(button('bitbadges')));
    await popup.waitFor('#approve');
    await popup.click('#approve');
    expect(await waitFor('login-success', 'bitbadges')).toMatchObject({ mode: 'popup' });
    expect(await types()).toEqual(['login-start', 'login-success']);
  }, 60_000);

  it('the keyboard: focus the button, Enter → popup → success', async () => {
    await open('popup');
    // Not corp: oidc-provider remembers the earlier consent in this browser and skips its page.
    const popup = await engine.popupFrom(() => engine.pressEnter(button('belladati')));
    await popup.waitFor('#approve');
    await popup.click('#approve');
    await waitFor('login-success', 'belladati');
    expect(await types()).toEqual(['login-start', 'login-success']);
  }, 60_000);

  it('<login-session>: sign in → reload → signed in, the API route 200; Sign out (keyboard) → signed out, 401, and still after a reload', async () => {
    const session = () => engine.run<string | null>('document.querySelector("#session")?.getAttribute("state")');
    const known = () => until(async () => ['signed-in', 'signed-out'].includes((await session()) ?? ''), 10_000, 'a known session state');
    const api = async () => {
      await engine.run('void delete document.getElementById("api-result").dataset.status');
      await engine.click('#api-me');
      await until(async () => !!(await engine.run<string | null>('document.getElementById("api-result").dataset.status ?? null')), 10_000, 'the API answer');
      return Number(await engine.run<string>('document.getElementById("api-result").dataset.status'));
    };
    const signOut = async () => {
      // Focus lands on the element's Sign out button (delegatesFocus); Enter presses it.
      await engine.pressEnter('#session');
      await until(async () => (await session()) === 'signed-out', 10_000, 'signed out');
    };
    await open('popup');
    await known();
    // Earlier tests logged in with this browser: start signed out.
    if ((await session()) === 'signed-in') await signOut();
    expect(await api()).toBe(401);

    const popup = await engine.popupFrom(() => engine.click(button('bbaton')));
    await popup.waitFor('#approve');
    await popup.click('#approve');
    await until(async () => (await session()) === 'signed-in', 15_000, 'signed in');

    await open('popup');
    await known();
    expect(await session()).toBe('signed-in');
    expect(await engine.run('document.querySelector("#session").user.id')).toBe(BBATON_USER.user_id);
    // BBaton gives no name or email: the provider's label stands in, never the raw id (contract §7).
    expect(await engine.run<string>('document.querySelector("#session").shadowRoot.textContent.replace(/\\s+/g, " ").trim()')).toBe('Signed in with BBaton Sign out');
    expect(await engine.run('window.sessionChanges.map((c) => c.state)')).toEqual(['signed-in']);
    expect(await api()).toBe(200);

    await signOut();
    expect(await api()).toBe(401);
    await open('popup');
    await known();
    expect(await session()).toBe('signed-out');
    expect(await engine.run('window.sessionChanges')).toEqual([{ state: 'signed-out', provider: null, user: null }]);
  }, 90_000);
});
