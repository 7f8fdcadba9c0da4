/**
 * The callback page's script (SPEC §3). It ships on its own, so it imports only what it runs.
 * Redirect mode: the state belongs to this tab's redirect transaction → store the result, go back.
 * Popup mode: post to the opener (exact targetOrigin) and on the BroadcastChannel, then close.
 * Imported without a DOM (Node, SSR, a bundler's prerender) it does nothing.
 */
import { CALLBACK_PARAMS, CHANNEL_NAME, messageFromParams } from './core/messages.js';
import { findTransaction, saveTransaction } from './core/transaction.js';

/** Every OAuth response parameter scrubbed from the URL (query and fragment), tokens included. */
const OAUTH_PARAMS = [...CALLBACK_PARAMS, 'error_uri', 'scope', 'session_state', 'access_token', 'id_token', 'token_type', 'expires_in', 'refresh_token'];

if (typeof document == 'object') {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  // Providers answer in the query; some (response_mode=fragment) in the hash.
  const message = messageFromParams(url.searchParams.has('state') ? url.searchParams : fragment);
  // The code (and any token a provider put in the fragment) must not linger in the address bar or history.
  for (const key of OAUTH_PARAMS) url.searchParams.delete(key);
  if (OAUTH_PARAMS.some((key) => fragment.has(key))) {
    for (const key of OAUTH_PARAMS) fragment.delete(key);
    url.hash = fragment.toString();
  }
  history.replaceState(history.state, '', url.href);

  const tx = message.state ? findTransaction(message.state) : undefined;
  const back = tx && new URL(tx.returnUrl, url);
  if (back) {
    tx.result = message;
    saveTransaction(tx);
  }
  // Only a same-origin http(s) page is followed: a stored javascript: or foreign URL is not.
  if (back?.origin == location.origin && /^https?:$/.test(back.protocol)) location.replace(back.href);
  else {
    try {
      window.opener?.postMessage(message, location.origin);
    } catch {
      /* opener gone or severed: the channel below still carries the message */
    }
    const channel = new BroadcastChannel(CHANNEL_NAME);
    channel.postMessage(message);
    channel.close();
    window.close();
    // Browsers refuse to close windows they did not open by script; tell the user instead.
    setTimeout(() => {
      document.body.textContent = 'You can close this window.';
    }, 300);
  }
}
