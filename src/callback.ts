/**
 * The callback page's script (contract §3). It ships on its own, so it imports only what it runs.
 * Redirect mode: the state belongs to this tab's redirect transaction → store the result, go back.
 * Popup mode: a same-origin opener gets the message event at once; else post to the opener (exact
 * targetOrigin) — or, only when there is no opener (COOP cut it off, or the window opened elsewhere), on
 * the BroadcastChannel — and close once the page that started the login acknowledges it. Without an
 * acknowledgement the page says the login could not finish here.
 * Imported without a DOM (Node, SSR, a bundler's prerender) it does nothing.
 */
import { ACK_TYPE, CHANNEL_NAME, type CallbackMessage } from './contract/messages.js';
import { readCallbackUrl } from './core/callback-url.js';
import { storeResult } from './core/transaction.js';
import { callback as en } from './i18n/en.js';
import { callback as ja } from './i18n/ja.js';
import { callback as ko } from './i18n/ko.js';
import { pick } from './i18n/language.js';

if (typeof document == 'object') {
  const { message, cleaned } = readCallbackUrl(location.href);
  // The code (and any token a provider put in the fragment) must not linger in the address bar or history.
  history.replaceState(history.state, '', cleaned);
  const { texts, lang } = pick({ en, ko, ja }, document.documentElement.lang);
  const say = (text: string, link?: HTMLAnchorElement) => {
    const line = Object.assign(document.createElement('p'), { lang, textContent: text + ' ' });
    if (link) line.append(link);
    document.body.replaceChildren(line);
  };
  const opener = window.opener as Window | null;
  let taken = false;
  const onAck = (data: { type?: string; state?: string } | null) => {
    if (taken || data?.type !== ACK_TYPE || data.state !== message.state) return;
    taken = true;
    // The result was taken, so this is true; it shows only where the browser refuses to close the window.
    say(texts.done);
    close();
  };
  addEventListener('message', (event) => event.source == opener && event.origin == location.origin && onAck(event.data));

  // A same-origin opener shares this page's event loop, where a posted message would wait behind this
  // page's first rendering (3-5 ms of the login, docs/decisions.md 22): it gets the same message event
  // dispatched at once. Only a cross-origin opener (which may not be touched) needs postMessage.
  let reached = false;
  try {
    opener?.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin, source: window }));
    reached = !!opener;
  } catch {
    /* cross-origin: posted below */
  }
  let back: URL | undefined;
  try {
    const tx = message.state ? storeResult(message as CallbackMessage & { state: string }) : undefined;
    back = tx && new URL(tx.returnUrl, location.href);
  } catch {
    /* blocked or full storage: no redirect transaction can take the result here */
  }
  // Only a same-origin http(s) page is followed: a stored javascript: or foreign URL is not.
  if (back?.origin == location.origin && /^https?:$/.test(back.protocol)) location.replace(back.href);
  else {
    try {
      if (opener) {
        if (!reached) opener.postMessage(message, location.origin);
      } else {
        const channel = new BroadcastChannel(CHANNEL_NAME);
        channel.onmessage = (event) => onAck(event.data);
        channel.postMessage(message);
      }
    } catch {
      /* an opener gone or severed meanwhile, or no channel here: nothing will acknowledge */
    }
    setTimeout(() => {
      if (taken) return;
      // The site's own place to start again, if the page names one (http(s) only); else its root.
      const named = document.querySelector<HTMLMetaElement>('meta[name="login-restart"]')?.content;
      const link = Object.assign(document.createElement('a'), { href: named || '/', textContent: texts.restart });
      if (!/^https?:$/.test(link.protocol)) link.href = '/';
      say(texts.failed, link);
    }, 2000); // the opener answers within milliseconds: 2 s is nobody there
  }
}
