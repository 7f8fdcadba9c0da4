/**
 * Start-up checks of the handler's settings (contract §4 "Settings are checked at start-up"): a wrong
 * value is a `TypeError` naming the option at `createLoginHandler`, never a silent outage later with
 * a misleading 408/502/504 — and the same on every transport, since both share one handler.
 */

import { MAX_TIMER_MS } from '../../contract/limits.js';

/**
 * `value` if it is a positive integer no larger than `max`, `fallback` when it is `undefined`;
 * anything else (a string, `NaN`, a fraction, 0, a negative number, `Infinity`, over `max`) throws.
 */
export function positiveInteger(option: string, value: unknown, fallback: number, max = MAX_TIMER_MS): number {
  if (value === undefined) return fallback;
  if (typeof value == 'number' && Number.isSafeInteger(value) && value > 0 && value <= max) return value;
  const shown = typeof value == 'string' ? JSON.stringify(value) : String(value);
  throw new TypeError(`login-elements: ${option} must be a positive integer of at most ${max} (got ${shown})`);
}

/**
 * Where failure lines go without a `log` option: `console.warn` outside production (contract §7: a
 * refused origin, redirect URI or provider key is named while the site is being built), nowhere in
 * production. `process` is read only where there is one (Workers have none: not production).
 */
export function defaultLog(): ((line: string) => void) | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === 'production' ? undefined : (line) => console.warn(line);
}
