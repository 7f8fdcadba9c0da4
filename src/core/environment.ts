import { escapeFrom, type InAppEscape } from './escape.js';
import type { FlowMode } from './types.js';

/** Where the page runs, as far as a login cares (contract §3, "Every environment a person logs in from"). */
export interface Environment {
  /** The in-app browser or webview the page runs in (`KakaoTalk`, `LINE`, …, or `WebView`), else null. */
  inApp: string | null;
  /** A site saved to the home screen (iOS `navigator.standalone`, a `display-mode` other than browser). */
  standalone: boolean;
  /** Inside a frame: a redirect could not leave it. */
  framed: boolean;
  /** Whether sessionStorage works: a redirect needs it to find its way back. */
  storage: boolean;
  /**
   * The way out to the system browser for a provider that refuses in-app browsers (contract §8), null
   * outside one: `kakaotalk` (its `openExternal` scheme), `line` (`openExternalBrowser=1`), `intent`
   * (any other Android in-app browser: an intent for Chrome), `instructions` (iOS, or a frame: no way
   * to leave from script, the person is told how).
   */
  escape: InAppEscape | null;
}


/**
 * Apps by name, the first that matches wins: Messenger before Facebook (both carry `FBAN`/`FB_IAB`),
 * every named app before `WebView`, which is any other webview: Android's `; wv)`, or an iPhone/iPad
 * WebKit view that does not call itself Safari. Hand-written rather than inapp-spy: docs/decisions.md,
 * 19, has the sizes and the coverage.
 */
const APPS: [string, RegExp][] = [
  ['KakaoTalk', /KAKAOTALK/i],
  ['LINE', /\bLine\//],
  ['Instagram', /Instagram/],
  ['Messenger', /\bMessenger|Orca-Android/i],
  ['Facebook', /\bFB\w+\/|Facebook/],
  ['TikTok', /Bytedance|musical_ly/],
  ['WeChat', /MicroMessenger/],
  ['WebView', /Android.*; wv\)|(iPhone|iPod|iPad)(?!.*Safari\/)/],
];

/** The in-app browser a user agent string names, `WebView` for an unnamed webview, else null. */
export const inAppName = (ua: string): string | null => APPS.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;

/** An Android webview: `window.open` replaces the page there unless the app opted in to windows. */
export const isAndroidWebView = (ua: string): boolean => /Android.*; wv\)/.test(ua);

function storageWorks(): boolean {
  try {
    const key = 'login-elements:probe';
    sessionStorage.setItem(key, key);
    sessionStorage.removeItem(key);
    return true;
  } catch {
    // SecurityError (blocked storage, a partitioned frame) or QuotaExceededError (a full or 0-byte store).
    return false;
  }
}

/** What a click reads of the environment (startLogin, at every click): all but the way out, which is on demand with it. */
export function environmentNow(): Omit<Environment, 'escape'> {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    inApp: inAppName(nav.userAgent),
    standalone: nav.standalone === true || matchMedia('not (display-mode: browser)').matches,
    framed: top !== self,
    storage: storageWorks(),
  };
}

/** Reads the environment now, the way out of an in-app browser included (contract §3, §8). */
export function readEnvironment(): Environment {
  const env = environmentNow();
  return { ...env, escape: escapeFrom(env) };
}

/**
 * What `mode="auto"` starts with: a popup cannot come back to in-app browsers, webviews and home-screen
 * apps (they hand it to another app, or never open it), so those redirect at once — except inside a
 * frame, which a redirect could not leave (and providers refuse to be framed).
 */
export const autoMode = (env: Omit<Environment, 'escape'>): FlowMode => (!env.framed && (env.inApp || env.standalone) ? 'redirect' : 'popup');
