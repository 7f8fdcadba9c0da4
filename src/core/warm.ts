import { safeUrl } from './config-check.js';

const warmed = new Set<string>();

/**
 * Puts the scripts the callback page loads into the HTTP cache before the login
 * needs it, so the popup runs the callback at once instead of fetching `callback.js` mid-login
 * (docs/decisions.md, 19). Reads the callback page's own markup, so it warms whatever that page
 * really loads (the CDN file, a bundler's chunk). `rel="prefetch"` because the popup is another
 * document: a module preload would fill only this page's module map, while a prefetched response is
 * reused by the next document without revalidation for a few minutes. Once per URL; same-origin only;
 * anything that fails just leaves the slow path.
 */
export function warmCallback(redirectUri: string): void {
  const page = safeUrl(redirectUri);
  if (!page || page.origin != location.origin || warmed.has(page.href)) return;
  warmed.add(page.href);
  fetch(page, { priority: 'low' })
    .then((response) => (response.ok ? response.text() : ''))
    .then((html) => {
      for (const [, href] of html.matchAll(/<script[^>]+src=["']?([^"'\s>]+)/g))
        document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href: new URL(href!, page).href }));
    })
    .catch(() => {});
}
