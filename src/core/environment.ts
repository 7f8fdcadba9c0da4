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

/** Reads the environment now (in a browser: startLogin asks at every click). */
export function readEnvironment(): Environment {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    inApp: inAppName(nav.userAgent),
    standalone: nav.standalone === true || matchMedia('not (display-mode: browser)').matches,
    framed: top !== self,
    storage: storageWorks(),
  };
}

/**
 * What `mode="auto"` starts with: a popup cannot come back to in-app browsers, webviews and home-screen
 * apps (they hand it to another app, or never open it), so those redirect at once — except inside a
 * frame, which a redirect could not leave (and providers refuse to be framed).
 */
export const autoMode = (env: Environment): FlowMode => (!env.framed && (env.inApp || env.standalone) ? 'redirect' : 'popup');
