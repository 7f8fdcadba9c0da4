import { escapeFrom, type InAppEscape } from './escape.js';
import type { Reporter } from './outcome.js';

// The way out of an in-app browser (contract §8, docs/in-app-browsers.md): loaded on demand with the
// flow's later parts, since only a click inside one needs it. It imports nothing the click's code does.

/**
 * Where `escape` sends `page` to reach the system browser, or undefined for `instructions` (iOS, a
 * frame: no script can leave there). Android's intent (Chrome's "Android Intents with Chrome"): the
 * page's host, path and query with its scheme, for Chrome; where Chrome is missing or refuses, the
 * handler opens `S.browser_fallback_url`, the page itself. An intent URL has no room for the page's
 * fragment (its own `#Intent` is there).
 */
export function wayOutUrl(escape: InAppEscape, page: string): string | undefined {
  const url = new URL(page);
  if (escape == 'kakaotalk') return 'kakaotalk://web/openExternal?url=' + encodeURIComponent(page);
  if (escape == 'line') {
    url.searchParams.set('openExternalBrowser', '1');
    return url.href;
  }
  if (escape == 'intent') {
    const fallback = encodeURIComponent(page);
    return `intent://${url.host}${url.pathname}${url.search}#Intent;scheme=${url.protocol.slice(0, -1)};package=com.android.chrome;S.browser_fallback_url=${fallback};end`;
  }
}

/** What the page is told, in English (the elements show their language's `in_app_browser` text). */
export const WAY_OUT_TEXT = 'Log in from your browser: tap ••• or ⋮, then Open in browser.';

/**
 * Ends `flow` as `login-cancel` `in_app_browser` with the instruction as `message`, then sends this page
 * to the system browser the way out of `env`'s in-app browser (escape.ts); with `instructions`, nothing moves.
 */
export function wayOut(flow: Reporter, env: { inApp: string | null; framed: boolean }): void {
  const escape = escapeFrom(env);
  flow.end('cancel', { reason: 'in_app_browser', message: WAY_OUT_TEXT });
  const to = escape && wayOutUrl(escape, location.href);
  if (to) location.href = to;
}
