import { deadline, fail, finish, reporter, timedOut, timeoutOf, unbuildable, type FlowCallback, type LoginFlow, type Reporter } from './outcome.js';
import type { RedirectTransaction } from './transaction.js';
import { later } from '#flow-parts';
import type { AuthorizeRequest, LoginConfig } from './types.js';

/**
 * The redirect half of a flow: once the request is built, stores the transaction in this tab and
 * leaves for the provider (leave.ts and transaction.ts, on demand like the request builder).
 */
export function runRedirect(flow: Reporter, config: LoginConfig, request: Promise<AuthorizeRequest>, callback: FlowCallback): LoginFlow {
  Promise.all([request, later()]).then(([built, parts]) => parts.leave(flow, config, built, callback), unbuildable(flow));
  return flow;
}

/**
 * Completes a redirect-mode login on the page the user came back to, from this provider's stored
 * transaction `tx` (taken already: transaction.ts, which the elements load on demand, passes it and its
 * `isExpired`) if the callback filled it, with the same events as popup mode. The flow's timeout counts
 * from when it started, before the redirect. Returns undefined when there is nothing to complete.
 */
export function resumeTaken(config: LoginConfig, target: EventTarget, tx: RedirectTransaction | undefined, isExpired: (tx: RedirectTransaction) => boolean): LoginFlow | undefined {
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
