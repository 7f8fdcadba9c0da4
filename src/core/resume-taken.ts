import type * as Outcome from './outcome.js';
import { isExpired, takeCompletedTransaction } from './transaction.js';
import type { LoginConfig } from './types.js';

/** What resumeTaken fires its events with, from outcome.ts: a list, the shortest thing to pass in every element. */
export type OutcomeParts = [
  typeof Outcome.reporter,
  typeof Outcome.timeoutOf,
  typeof Outcome.deadline,
  typeof Outcome.finish,
  typeof Outcome.timedOut,
];

/**
 * Completes a redirect-mode login on the page the user came back to: takes this provider's stored
 * transaction (if the callback filled one) and fires the same events as popup mode, with `outcome`
 * (outcome.ts, passed in: the click's code has it, and this module, loaded on demand with later.ts,
 * imports nothing the click's code does). The flow's timeout counts from when it started, before the
 * redirect. Returns undefined when there is nothing to complete.
 */
export function resumeTaken(config: LoginConfig, target: EventTarget, outcome: OutcomeParts): Outcome.LoginFlow | undefined {
  const [reporter, timeoutOf, deadline, finish, timedOut] = outcome;
  const tx = takeCompletedTransaction(config.provider);
  if (!tx?.result) return;
  const flow = reporter(config, target, 'redirect');
  const limit = timeoutOf(config);
  if (isExpired(tx)) timedOut(flow);
  else if (tx.result.state != tx.state) flow.end('error', { error: 'state_mismatch', message: 'Unknown state' });
  else {
    deadline(flow, limit && limit - (Date.now() - tx.createdAt));
    // The endpoint and issuer the flow resolved when it left (an `endpoint`'s list may not be in again yet).
    void finish(flow, { ...config, exchangeEndpoint: tx.exchangeEndpoint, issuer: tx.issuer }, tx.result, tx);
  }
  return flow;
}
