import { deadline, fail, finish, reporter, timedOut, timeoutOf, unbuildable, type FlowCallback, type LoginFlow, type Reporter } from './outcome.js';
import { submitForm } from './popup.js';
import { isExpired, saveTransaction, takeCompletedTransaction } from './transaction.js';
import type { AuthorizeRequest, LoginConfig } from './types.js';

/**
 * The redirect half of a flow: stores the transaction in this tab and leaves for the provider. A page
 * that comes back from the back/forward cache (Back from the provider) ends the flow as `aborted`, so
 * the element is usable at once; the stored transaction stays, in case the user goes Forward and
 * finishes (the callback then brings them back to a fresh page that resumes it).
 */
export function runRedirect(flow: Reporter, config: LoginConfig, request: Promise<AuthorizeRequest>, { state, redirectUri, codeVerifier, nonce }: FlowCallback): LoginFlow {
  request.then(({ url, method }) => {
    if (flow.settled) return;
    try {
      const { provider, exchangeEndpoint, issuer } = config;
      saveTransaction({ state, provider, codeVerifier, nonce, redirectUri, exchangeEndpoint, issuer, returnUrl: location.href, createdAt: Date.now() });
    } catch {
      // Full, or blocked since the flow began: leaving now could never come back.
      return fail(flow, { error: 'storage_unavailable', message: 'sessionStorage is blocked' });
    }
    addEventListener('pageshow', (event) => event.persisted && flow.cancel(), { signal: flow.signal });
    if (method == 'post') submitForm(url, '_self');
    else location.assign(url);
  }, unbuildable(flow));
  return flow;
}

/**
 * Completes a redirect-mode login on the page the user came back to: takes this provider's stored
 * transaction (if the callback filled one) and fires the same events as popup mode. The flow's timeout
 * counts from when it started, before the redirect. Returns undefined when there is nothing to complete.
 */
export function resumeRedirect(config: LoginConfig, target: EventTarget): LoginFlow | undefined {
  const tx = takeCompletedTransaction(config.provider);
  if (!tx?.result) return;
  const flow = reporter(config, target, 'redirect');
  const limit = timeoutOf(config);
  if (isExpired(tx)) timedOut(flow);
  else if (tx.result.state != tx.state) fail(flow, { error: 'state_mismatch', message: 'Unknown state' });
  else {
    deadline(flow, limit && limit - (Date.now() - tx.createdAt));
    // The endpoint and issuer the flow resolved when it left (an `endpoint`'s list may not be in again yet).
    void finish(flow, { ...config, exchangeEndpoint: tx.exchangeEndpoint, issuer: tx.issuer }, tx.result, tx);
  }
  return flow;
}
