/** Numbers both sides hold to (docs/contract.md §2, §4). */

/** `setTimeout`'s ceiling: a longer delay fires at once in every runtime, so no timeout may exceed it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The `timeout` attribute's default: a login flow fails with `timeout` after 5 minutes. */
export const DEFAULT_FLOW_TIMEOUT_MS = 300_000;
