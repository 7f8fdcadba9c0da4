import { resumeTaken } from './redirect-flow.js';
import { isExpired, takeCompletedTransaction } from './transaction.js';
import type { LoginFlow } from './outcome.js';
import type { LoginConfig } from './types.js';

/**
 * Completes a redirect-mode login on the page the user came back to: takes this provider's stored
 * transaction (if the callback filled one) and fires the same events as popup mode. The flow's timeout
 * counts from when it started, before the redirect. Returns undefined when there is nothing to complete.
 * The elements call resumeTaken with the transaction code loaded on demand (later.ts) instead.
 */
export const resumeRedirect = (config: LoginConfig, target: EventTarget): LoginFlow | undefined =>
  resumeTaken(config, target, takeCompletedTransaction(config.provider), isExpired);
