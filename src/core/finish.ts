import { exchangeCode, type ExchangeFailure } from './exchange.js';
import type { FlowSecrets, Reporter } from './outcome.js';
import type { CallbackMessage } from '../contract/messages.js';
import type { LoginConfig } from './types.js';

/**
 * Turns a callback message into the flow's outcome: provider error, `iss` check (RFC 9207), then the
 * companion-endpoint exchange when configured — aborted when the flow ends first (timeout, cancel()).
 * Loaded on demand (outcome.ts's `finish`): it imports nothing the click's code does, so it ends flows
 * with `flow.end` rather than outcome.ts's `fail`.
 */
export async function finish(
  flow: Reporter,
  config: LoginConfig,
  { error, error_description: description, iss, code, state }: CallbackMessage,
  { redirectUri, codeVerifier, nonce }: FlowSecrets,
): Promise<void> {
  const issuer = config.issuer || config.profile.issuer;
  const fail = (failure: object) => flow.end('error', failure);
  if (error) return fail({ error, message: description || error, description });
  if (iss && issuer && iss !== issuer) return fail({ error: 'iss_mismatch', message: `Issuer ${iss} is not ${issuer}` });
  if (!code) return fail({ error: 'invalid_request', message: 'No code returned' });
  if (!config.exchangeEndpoint) return flow.end('success', { code, redirectUri, codeVerifier, nonce });
  try {
    // configProblem has checked the URL before the flow began. `state` (checked already: it is the
    // flow's own) goes along for Naver, whose token endpoint wants it (contract §4).
    const endpoint = new URL(config.exchangeEndpoint, document.baseURI).href;
    flow.end('success', { result: await exchangeCode(endpoint, { code, redirectUri, codeVerifier, iss, nonce, state }, flow.signal) });
  } catch (failure) {
    fail({ error: 'exchange_failed', message: String(failure), ...(failure as Partial<ExchangeFailure>) });
  }
}
