import type { FlowCallback, Reporter } from './outcome.js';
import { saveTransaction, type RedirectTransaction } from './transaction.js';
import type { AuthorizeRequest, LoginConfig } from './types.js';

// Where a flow goes once its authorize request is built: always after an `await` (the request), so
// loaded on demand with it (on-demand.ts); it imports nothing the click's code does.

/** Sends the popup to the authorize request: a navigation, or a form POST targeted at its name. */
export function navigatePopup(popup: Window, name: string, url: URL, method: 'get' | 'post'): void {
  if (method == 'post') submitForm(url, name);
  else popup.location.href = url.href;
}

/** POSTs the URL's query parameters as a form to `target` (a window name, or `_self`). */
export function submitForm(url: URL, target: string): void {
  const form = Object.assign(document.createElement('form'), { method: 'post', action: url.origin + url.pathname, target });
  for (const [name, value] of url.searchParams) form.append(Object.assign(document.createElement('input'), { name, value }));
  document.body.append(form);
  form.submit();
  form.remove();
}

/**
 * The redirect half of a flow, once its request is built: stores the transaction in this tab (with
 * `save`, transaction.ts's by default) and leaves for the provider. A page that comes back from the
 * back/forward cache (Back from the provider) ends the flow as `aborted`, so the element is usable at
 * once; the stored transaction stays, in case the user goes Forward and finishes.
 */
export function leave(
  flow: Reporter,
  { provider, exchangeEndpoint, issuer }: LoginConfig,
  { url, method }: AuthorizeRequest,
  { state, redirectUri, codeVerifier, nonce }: FlowCallback,
  save: (tx: RedirectTransaction) => void = saveTransaction,
): void {
  if (flow.settled) return;
  try {
    save({ state, provider, codeVerifier, nonce, redirectUri, exchangeEndpoint, issuer, returnUrl: location.href, createdAt: Date.now() });
  } catch {
    // Full, or blocked since the flow began: leaving now could never come back.
    return flow.end('error', { error: 'storage_unavailable', message: 'sessionStorage is blocked' });
  }
  addEventListener('pageshow', (event) => event.persisted && flow.cancel(), { signal: flow.signal });
  if (method == 'post') submitForm(url, '_self');
  else location.assign(url);
}
