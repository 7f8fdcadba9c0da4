/**
 * The callback page's script (SPEC §3). It ships on its own, so it imports only what it runs.
 * Redirect mode: the state belongs to this tab's redirect transaction → store the result, go back.
 * Popup mode: post to the opener (exact targetOrigin) and on the BroadcastChannel, then close.
 * Imported without a DOM (Node, SSR, a bundler's prerender) it does nothing.
 */
import { CHANNEL_NAME } from './core/messages.js';
import { readCallbackUrl } from './core/callback-url.js';
import { findTransaction, saveTransaction } from './core/transaction.js';

if (typeof document == 'object') {
  const { message, cleaned } = readCallbackUrl(location.href);
  // The code (and any token a provider put in the fragment) must not linger in the address bar or history.
  history.replaceState(history.state, '', cleaned);

  const tx = message.state ? findTransaction(message.state) : undefined;
  const back = tx && new URL(tx.returnUrl, location.href);
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
