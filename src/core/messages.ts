import { CALLBACK_PARAMS, MESSAGE_TYPE, type CallbackMessage } from '../contract/messages.js';

/** Reads the contract §3 message out of callback-URL parameters; only string fields that are present. */
export function messageFromParams(params: URLSearchParams): CallbackMessage {
  const message: Record<string, string> = { type: MESSAGE_TYPE };
  for (const key of CALLBACK_PARAMS) {
    const value = params.get(key);
    if (value !== null) message[key] = value;
  }
  return message as unknown as CallbackMessage;
}

/**
 * Whether a message is this flow's callback: from the callback's origin, of the contract's type, with the
 * flow's state. Only our own callback page can know the fresh random state, so nothing else gets in;
 * the flow stops listening after the first, so a replay finds no one. An opaque origin (`"null"`:
 * sandboxed frames, `data:` pages) is never one.
 */
export const isFlowMessage = (origin: string, data: unknown, expectedOrigin: string, state: string): data is CallbackMessage =>
  origin === expectedOrigin &&
  origin != 'null' && (data as CallbackMessage | null)?.type === MESSAGE_TYPE && (data as CallbackMessage).state === state;
