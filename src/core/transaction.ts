import type { CallbackMessage } from '../contract/messages.js';

/** A redirect-mode login in flight: kept in this tab's sessionStorage across the round trip. */
export interface RedirectTransaction {
  state: string;
  provider: string;
  codeVerifier?: string;
  nonce?: string;
  redirectUri: string;
  /** Where the code is exchanged and the issuer expected, as the flow resolved them (from an `endpoint`'s list, maybe). */
  exchangeEndpoint?: string;
  issuer?: string;
  returnUrl: string;
  createdAt: number;
  /** Filled by the callback page before it returns to `returnUrl`. */
  result?: CallbackMessage;
}

export const TRANSACTION_TTL_MS = 600_000;
const PREFIX = 'login-elements:tx:';

/** Every stored transaction with its key; unreadable entries come back as undefined to be removed. */
function entries(): [string, RedirectTransaction | undefined][] {
  try {
    return Object.keys(sessionStorage)
      .filter((key) => key.startsWith(PREFIX))
      .map((key) => {
        try {
          const tx = JSON.parse(sessionStorage[key]) as RedirectTransaction;
          return [key, tx.createdAt > 0 ? tx : undefined];
        } catch {
          return [key, undefined];
        }
      });
  } catch {
    return []; // blocked storage (SecurityError): nothing was or can be stored
  }
}

/** Older than 10 minutes, or created in the future (a clock that moved back). */
export const isExpired = (tx: RedirectTransaction, now = Date.now()): boolean =>
  !(now - tx.createdAt < TRANSACTION_TTL_MS && now >= tx.createdAt);

/**
 * Removes the entries that are unreadable, past their 10 minutes, or picked by `also`; returns the
 * readable ones it removed.
 */
function sweep(also: (tx: RedirectTransaction) => boolean = () => false): RedirectTransaction[] {
  const removed: RedirectTransaction[] = [];
  for (const [key, tx] of entries())
    if (!tx || isExpired(tx) || also(tx)) {
      sessionStorage.removeItem(key);
      if (tx) removed.push(tx);
    }
  return removed;
}

/** Stores a new transaction, clearing out stale ones first. */
export function saveTransaction(tx: RedirectTransaction): void {
  sweep();
  sessionStorage.setItem(PREFIX + tx.state, JSON.stringify(tx));
}

/**
 * The callback page's part: stores `result` in the redirect transaction of its state and returns that
 * transaction (expired or not: the callback needs it to find its way back); undefined when this tab has
 * none. Throws where storage is blocked.
 */
export function storeResult(result: CallbackMessage & { state: string }): RedirectTransaction | undefined {
  const key = PREFIX + result.state;
  const tx = JSON.parse(sessionStorage.getItem(key) ?? '0') as RedirectTransaction | 0;
  if (!(tx && tx.createdAt > 0)) return;
  sessionStorage.setItem(key, JSON.stringify({ ...tx, result }));
  return tx;
}

/**
 * Takes (reads and removes) this provider's transactions — the one the callback filled with a result is
 * returned, expired or not, so that the page can say why; one without a result is a redirect the user
 * abandoned — and removes every other expired or unreadable entry on the way.
 */
export const takeCompletedTransaction = (provider: string): RedirectTransaction | undefined =>
  sweep((tx) => tx.provider == provider).find((tx) => tx.provider == provider && tx.result);
