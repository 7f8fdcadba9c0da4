/** What the handler's own GET routes share: the method check and conditional GETs (the providers list, the callback script). */
import { EndpointError } from '../shared/errors.js';
import type { Incoming } from './incoming.js';

/** GET and HEAD only, else 405. */
export function getOrHead(incoming: Incoming): void {
  if (incoming.method !== 'GET' && incoming.method !== 'HEAD') throw new EndpointError(405, 'method_not_allowed', 'Use GET', { allow: 'GET, HEAD' });
}

/** A strong ETag of `body`: the first 16 bytes of its SHA-256, base64url. */
export async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${btoa(String.fromCharCode(...digest.subarray(0, 16))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}

/** Whether `If-None-Match` names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export const matchesEtag = (header: string | null, etag: string) =>
  !!header &&
  header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed == '*' || trimmed.replace(/^W\//, '') == etag;
  });

/** A 304 for a matching `If-None-Match`: a Response, since a Fetch Response of status 304 may carry no body. */
export const notModified = (headers: Record<string, string>) => new Response(null, { status: 304, headers });
