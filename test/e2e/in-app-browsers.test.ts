// In-app browsers, webviews and home-screen apps (contract §3), in real Chromium with real clicks against
// the demo's stand-ins: auto mode redirects at once (no window is ever opened) and the login completes.
// (The other environments — frames, blocked storage, a window out of reach, the callback page: environments.test.ts.)
import { describe, expect, it } from 'vitest';
import { USER_AGENTS } from '../support/user-agents.js';
import { demoEvent, openDemo, readEnvironment, useDemo } from './support.js';

const button = (key: string) => `#buttons [data-key="${key}"]`;

const e2e = useDemo();
const newContext = e2e.newContext;

const APPS = USER_AGENTS.filter((c) => c.inApp);
/** A home-screen app as iOS shows it (`navigator.standalone`). */
const IOS_STANDALONE = () => Object.defineProperty(Navigator.prototype, 'standalone', { configurable: true, get: () => true });
/** A home-screen app as the manifest's display mode shows it: every display-mode query answers as `standalone` would. */
const DISPLAY_MODE_STANDALONE = () => {
  const original = window.matchMedia.bind(window);
  window.matchMedia = (query: string) => {
    if (!query.includes('display-mode')) return original(query);
    const matches = query.split(',').some((part) => {
      const [, not, mode] = /(not\s+)?\(display-mode:\s*([\w-]+)\)/.exec(part) ?? [];
      return mode !== undefined && (mode === 'standalone') !== !!not;
    });
    const list = { matches, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false };
    return list as MediaQueryList;
  };
};

describe('in-app browsers, webviews and home-screen apps: auto redirects at once, and the login completes', () => {
  const cases: [string, { userAgent?: string; init?: () => void }][] = [
    ...APPS.map((c): [string, { userAgent: string }] => [c.what, { userAgent: c.ua }]),
    ['an iOS home-screen app (navigator.standalone)', { init: IOS_STANDALONE }],
    ['a home-screen app (display-mode: standalone)', { init: DISPLAY_MODE_STANDALONE }],
  ];

  it.each(cases)('%s', async (_what, { userAgent, init }) => {
    const context = await newContext(userAgent ? { userAgent } : {});
    if (init) await context.addInitScript(init);
    let windows = 0;
    context.on('page', () => windows++);
    const page = await openDemo(context, e2e.demo, 'auto');
    await page.click(button('bbaton'));
    await page.waitForSelector('#approve');
    await page.click('#approve');
    await page.waitForURL(/\/demo\/$/);
    await page.waitForSelector('body[data-ready="true"]');
    const success = await demoEvent(page, 'login-success', 'bbaton');
    expect(success.detail.mode).toBe('redirect');
    expect(windows).toBe(1); // the page itself: no popup was ever opened
  });

  it('readEnvironment() tells the page what it read', async () => {
    const kakao = APPS.find((c) => c.inApp === 'KakaoTalk')!;
    const context = await newContext({ userAgent: kakao.ua });
    const page = await openDemo(context, e2e.demo, 'auto');
    const env = await readEnvironment(page, e2e.demo);
    expect(env).toEqual({ inApp: 'KakaoTalk', standalone: false, framed: false, storage: true, escape: 'kakaotalk' });
  });
});
