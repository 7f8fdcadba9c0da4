/**
 * Drives a provider's authorize step over real HTTP, as a browser would without JavaScript: follows
 * redirects with a cookie jar, and on the login page submits its form with Approve or Deny.
 * Returns the callback URL's parameters (code/error, state, iss).
 */
import { createHash, randomBytes } from 'node:crypto';

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function authorize(url: string, redirectUri: string, decision: 'approve' | 'deny' = 'approve'): Promise<URLSearchParams> {
  const cookies = new Map<string, string>();
  let next: { url: string; init: RequestInit } = { url, init: { method: 'GET' } };
  for (let hop = 0; hop < 15; hop++) {
    const headers = new Headers(next.init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(next.url, { ...next.init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, next.url);
      if (target.href.startsWith(redirectUri)) return target.searchParams;
      next = { url: target.href, init: { method: 'GET' } };
      continue;
    }
    const page = await response.text();
    if (!response.ok) throw new Error(`authorize step answered ${response.status}: ${page.slice(0, 200)}`);
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`no login form at ${next.url}`);
    const form = new URLSearchParams();
    for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) form.append(decode(name!), decode(value!));
    form.set('decision', decision);
    next = {
      url: new URL(decode(action), next.url).href,
      init: { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    };
  }
  throw new Error('too many redirects');
}

const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
