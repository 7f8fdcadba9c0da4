// @vitest-environment happy-dom
// How the environment is read (contract §3, "Every environment a person logs in from"): real user-agent
// strings, each with the app it names and what mode="auto" does there; then the other three readings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { autoMode, inAppName, readEnvironment, type Environment } from '../../src/core/environment.js';
import { escapeFrom } from '../../src/core/escape.js';
import { USER_AGENTS } from '../support/user-agents.js';

const tab: Environment = { inApp: null, standalone: false, framed: false, storage: true, escape: null };

afterEach(() => vi.restoreAllMocks());

describe('the user agent', () => {
  it('has at least 20 real strings, apps and browsers both', () => {
    expect(USER_AGENTS.length).toBeGreaterThanOrEqual(20);
    expect(USER_AGENTS.filter((c) => c.inApp).length).toBeGreaterThanOrEqual(10);
    expect(USER_AGENTS.filter((c) => !c.inApp).length).toBeGreaterThanOrEqual(8);
  });

  it.each(USER_AGENTS)('$what → inApp $inApp, auto uses $auto, way out $escape', ({ ua, inApp, auto, escape }) => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(ua);
    const env = readEnvironment();
    expect(env.inApp).toBe(inApp);
    expect(env.escape).toBe(escape);
    expect(inAppName(ua)).toBe(inApp);
    expect(autoMode(env)).toBe(auto);
  });
});

describe('the rest of the environment', () => {
  it('a plain tab: popup', () => {
    expect(autoMode(tab)).toBe('popup');
  });

  it('a home-screen app (navigator.standalone, or a display-mode other than browser): redirect', () => {
    expect(autoMode({ ...tab, standalone: true })).toBe('redirect');
    Object.defineProperty(navigator, 'standalone', { configurable: true, get: () => true });
    try {
      expect(readEnvironment().standalone).toBe(true);
    } finally {
      delete (navigator as { standalone?: boolean }).standalone;
    }
    expect(readEnvironment().standalone).toBe(false);
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({ matches: /not \(display-mode: browser\)|display-mode: standalone/.test(query), media: query }) as MediaQueryList);
    expect(readEnvironment().standalone).toBe(true);
  });

  it('inside a frame the popup stays, even in an in-app browser or a home-screen app', () => {
    expect(autoMode({ ...tab, framed: true, inApp: 'KakaoTalk', standalone: true })).toBe('popup');
  });

  it('storage: false when sessionStorage throws (SecurityError; the browser tests make setItem throw too)', () => {
    expect(readEnvironment().storage).toBe(true);
    const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    try {
      Object.defineProperty(window, 'sessionStorage', {
        configurable: true,
        get: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
      expect(readEnvironment().storage).toBe(false);
    } finally {
      Object.defineProperty(window, 'sessionStorage', own);
    }
    expect(readEnvironment().storage).toBe(true);
  });
});

describe('the way out in a frame', () => {
  it('is the instructions in every in-app browser (a frame knows only its own URL), and none outside one', () => {
    for (const { ua, inApp } of USER_AGENTS) expect(escapeFrom({ inApp, framed: true }, ua)).toBe(inApp ? 'instructions' : null);
  });
});
