import { CALLBACK_SCRIPT } from './callback-script.js';
import { etagOf, getOrHead, matchesEtag, notModified } from './cache.js';
import type { Incoming, Outcome } from './incoming.js';

/**
 * The callback page the handler serves at `{basePath}/callback` (contract §7): no inline script or style,
 * so it runs under `helmet()`'s default CSP (`script-src 'self'`, `style-src-attr 'none'`); its script
 * is `callback.js` beside it, resolved relative to the page so a mount path is kept.
 */
export const CALLBACK_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Signing in…</title>
<script type="module" src="callback.js"></script>
</head>
<body>
<p>Signing in…</p>
</body>
</html>
`;

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The URL carries the code: it must never reach a Referer, nor a cache.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // Its own policy, stricter than helmet()'s: the page runs nothing but its script. No COOP here: the
  // site's own choice applies (a COOP of ours could sever the popup from its opener).
  'content-security-policy': "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** `GET {basePath}/callback`: the page. */
export async function callbackPage(incoming: Incoming): Promise<Outcome> {
  getOrHead(incoming);
  return { status: 200, json: CALLBACK_PAGE, headers: PAGE_HEADERS };
}

let scriptTag: Promise<string> | undefined;

/** `GET {basePath}/callback.js`: the callback script, the bytes of `dist/cdn/callback.js`; revalidated by its ETag. */
export async function callbackScript(incoming: Incoming): Promise<Outcome> {
  getOrHead(incoming);
  const etag = await (scriptTag ??= etagOf(CALLBACK_SCRIPT));
  const headers = { 'cache-control': 'no-cache', etag, 'x-content-type-options': 'nosniff' };
  if (matchesEtag(incoming.header('if-none-match'), etag)) return notModified(headers);
  return { status: 200, json: CALLBACK_SCRIPT, headers: { 'content-type': 'text/javascript; charset=utf-8', ...headers } };
}
