import { EndpointError } from '../shared/errors.js';
import { createDeadlines } from './deadlines.js';
import type { SessionStore } from './store.js';
import type { StoreCall } from './user-index.js';

export const storeUnavailable = () => new EndpointError(503, 'session_store_unavailable', 'The session store cannot be reached; try again shortly');

/** Store calls within `timeoutMs`; any failure is the 503 (never a half answer). */
export function createStoreCall(store: SessionStore | undefined, timeoutMs: number): StoreCall {
  const deadlines = createDeadlines(timeoutMs);
  return function call<T>(operation: (store: SessionStore) => Promise<T>): Promise<T> {
    let answer: Promise<T>;
    try {
      answer = operation(store!);
    } catch {
      return Promise.reject(storeUnavailable());
    }
    // Whichever comes first settles it: a promise ignores a second resolve or reject.
    return new Promise<T>((resolve, reject) => {
      const settle = deadlines.start(() => reject(storeUnavailable()));
      answer.then(
        (value) => (settle(), resolve(value)),
        () => (settle(), reject(storeUnavailable())),
      );
    });
  };
}
