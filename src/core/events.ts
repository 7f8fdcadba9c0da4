/** Dispatches a login event the way contract §2 says: bubbling and composed, so it leaves shadow roots. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable?: boolean): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
