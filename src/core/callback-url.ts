import { CALLBACK_PARAMS, type CallbackMessage } from '../contract/messages.js';
import { messageFromParams } from './messages.js';

/** Every OAuth response parameter scrubbed from the callback's URL (query and fragment), tokens included. */
export const OAUTH_PARAMS = [...CALLBACK_PARAMS, 'error_uri', 'scope', 'session_state', 'access_token', 'id_token', 'token_type', 'expires_in', 'refresh_token'];

/**
 * Reads the callback's answer out of its URL — from the query, or the fragment when the query has no
 * `state` (response_mode=fragment) — and returns the URL with every OAuth parameter removed from
 * both. A fragment that carries none (an app's `#/route`) is left as it is.
 */
export function readCallbackUrl(href: string): { message: CallbackMessage; cleaned: string } {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const message = messageFromParams(url.searchParams.has('state') ? url.searchParams : fragment);
  for (const key of OAUTH_PARAMS) url.searchParams.delete(key);
  if (OAUTH_PARAMS.some((key) => fragment.has(key))) {
    for (const key of OAUTH_PARAMS) fragment.delete(key);
    url.hash = fragment.toString();
  }
  return { message, cleaned: url.href };
}
