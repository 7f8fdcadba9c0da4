const warmed = new Set<string>();

/**
 * Puts the scripts the callback page `page` loads into the HTTP cache (see warm.ts). Reads the page's
 * own markup, so it warms whatever that page really loads (the CDN file, a bundler's chunk).
 * `rel="prefetch"` because the popup is another document: a module preload would fill only this
 * page's module map, while a prefetched response is reused by the next document without revalidation
 * for a few minutes. Once per URL; anything that fails just leaves the slow path (a 404 is also warned
 * about, naming the URL: contract §7).
 */
export function prefetchScripts(page: URL): void {
  if (warmed.has(page.href)) return;
  warmed.add(page.href);
  fetch(page, { priority: 'low' })
    .then((response) => {
      // A mistyped redirect-uri (or a handler that does not serve it) would show only in the popup.
      if (response.status == 404) console.warn(`login-elements: the callback page ${page.href} answers 404`);
      return response.ok ? response.text() : '';
    })
    .then((html) => {
      for (const [, href] of html.matchAll(/<script[^>]+src=["']?([^"'\s>]+)/g))
        document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href: new URL(href!, page).href }));
    })
    .catch(() => {});
}
