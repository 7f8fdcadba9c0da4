/**
 * The callback page's script (SPEC §3). It ships on its own, so it imports only what it runs.
 * Redirect mode: the state belongs to this tab's redirect transaction → store the result, go back.
 * Popup mode: post to the opener (exact targetOrigin) and on the BroadcastChannel, then close.
 */
import { CALLBACK_PARAMS, CHANNEL_NAME, messageFromParams } from './core/messages.js';
import { findTransaction, saveTransaction } from './core/transaction.js';

const url = new URL(location.href);
// Providers answer in the query; some (response_mode=fragment) in the hash.
const params = url.searchParams.has('state') ? url.searchParams : new URLSearchParams(url.hash.slice(1));
const message = messageFromParams(params);
for (const key of CALLBACK_PARAMS) url.searchParams.delete(key);
if (params !== url.searchParams) url.hash = '';
// The code must not linger in the address bar, history or a Referer.
history.replaceState(history.state, '', url.href);

const tx = message.state ? findTransaction(message.state) : undefined;
if (tx) {
  tx.result = message;
  saveTransaction(tx);
  location.replace(tx.returnUrl);
} else {
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
