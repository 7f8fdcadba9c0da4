import { misconfigured, type FlowCallback, type LoginFlow, type Reporter } from './outcome.js';
import { later } from './on-demand.js';
import type { AuthorizeRequest, LoginConfig } from './types.js';

/**
 * The redirect half of a flow: once the request is built, stores the transaction in this tab and
 * leaves for the provider (leave.ts and transaction.ts, on demand like the request builder).
 */
export function runRedirect(flow: Reporter, config: LoginConfig, request: Promise<AuthorizeRequest>, callback: FlowCallback): LoginFlow {
  Promise.all([request, later()]).then(([built, parts]) => parts.leave(flow, config, built, callback), misconfigured(flow));
  return flow;
}
