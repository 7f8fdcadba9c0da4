import type { ExchangeRequest } from '../contract/wire.js';

/** Why the companion endpoint did not give a usable answer (contract §2 `exchange_failed`). */
export interface ExchangeFailure {
  message: string;
  status?: number;
  cause?: string;
  description?: string;
}


/**
 * One call to the companion endpoint: resolves its JSON when it answers 2xx with JSON, else rejects with
 * an ExchangeFailure carrying its status and its `error` / `error_description` (an abort rejects as is).
 */
export async function callEndpoint(url: string, init: RequestInit = {}): Promise<unknown> {
  let status: number | undefined;
  let json: { error?: string; error_description?: string } | undefined;
  try {
    // Same-origin credentials (the site's session cookie) are fetch's default; a cross-origin endpoint gets none.
    const response = await fetch(url, init);
    status = response.status;
    json = await response.json();
    if (response.ok) return json;
  } catch (error) {
    if (init.signal?.aborted) throw error;
  }
  throw {
    message: `${url} ${status ? `answered ${status}${json ? '' : ' without JSON'}` : 'could not be reached'}`,
    status,
    cause: json?.error,
    description: json?.error_description,
  } satisfies ExchangeFailure;
}

/** POSTs the contract §4 body to the companion endpoint; resolves its JSON or rejects with an ExchangeFailure. */
export function exchangeCode(endpoint: string, body: ExchangeRequest, signal?: AbortSignal): Promise<unknown> {
  return callEndpoint(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}
