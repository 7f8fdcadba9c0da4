// Which way out of an in-app browser applies (contract §8, docs/in-app-browsers.md). Its own module:
// the public readEnvironment() and the on-demand way out use it, the click's code does not.

/** A way out of an in-app browser (see `Environment.escape`). */
export type InAppEscape = 'kakaotalk' | 'line' | 'intent' | 'instructions';

/**
 * The way out of the in-app browser `inApp` names: its own scheme for KakaoTalk and LINE, an intent
 * on Android, else instructions — also in a frame, which knows only its own URL and cannot send the
 * page away. Null outside in-app browsers.
 */
export const escapeFrom = ({ inApp, framed }: { inApp: string | null; framed: boolean }, ua = navigator.userAgent): InAppEscape | null =>
  inApp ? (!framed && (inApp == 'KakaoTalk' ? 'kakaotalk' : inApp == 'LINE' ? 'line' : /Android/.test(ua) && 'intent')) || 'instructions' : null;
