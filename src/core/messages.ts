import type { CallbackMessage } from './types.js';

export const MESSAGE_TYPE = 'login-elements:callback';
/** The opener's answer to a result it accepted, `{type, state}`: the callback page may close. */
export const ACK_TYPE = 'login-elements:ack';
/** BroadcastChannel name: reaches an opener that Cross-Origin-Opener-Policy cut off from its popup. */
export const CHANNEL_NAME = 'login-elements';
export const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'iss'] as const;

/** Reads the SPEC §3 message out of callback-URL parameters; only string fields that are present. */
export function messageFromParams(params: URLSearchParams): CallbackMessage {
  const message: Record<string, string> = { type: MESSAGE_TYPE };
  for (const key of CALLBACK_PARAMS) {
    const value = params.get(key);
    if (value !== null) message[key] = value;
  }
  return message as unknown as CallbackMessage;
}

/**
 * Whether a message is this flow's callback: from the callback's origin, of the SPEC's type, with the
 * flow's state. Only our own callback page can know the fresh random state, so nothing else gets in;
 * the flow stops listening after the first, so a replay finds no one. An opaque origin (`"null"`:
 * sandboxed frames, `data:` pages) is never one.
 */
export const isFlowMessage = (origin: string, data: unknown, expectedOrigin: string, state: string): data is CallbackMessage =>
  origin === expectedOrigin &&
  origin != 'null' && (data as CallbackMessage | null)?.type === MESSAGE_TYPE && (data as CallbackMessage).state === state;
