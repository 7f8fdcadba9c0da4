/**
 * Deadlines for many short calls on one timer. A store call in `getSession` costs a few µs of its
 * own; a `setTimeout` + `clearTimeout` per call added 5% to a whole Redis-backed read
 * (`npm run bench:server`). One interval checks every pending call each `tick` and fails those whose
 * time is nearly up — so each fails within `ms`, never later — and stops when nothing is pending.
 */
export function createDeadlines(ms: number) {
  const tick = Math.max(5, Math.min(250, Math.floor(ms / 4)));
  const pending = new Set<{ at: number; fail: () => void }>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let swept = 0;
  const sweep = () => {
    swept = performance.now();
    if (!pending.size) {
      clearInterval(timer);
      timer = undefined;
      return;
    }
    const now = performance.now();
    for (const entry of pending)
      if (now >= entry.at) {
        pending.delete(entry);
        entry.fail();
      }
  };
  return {
    /** Runs `fail` unless `settle` (the returned function) is called before the deadline. */
    start(fail: () => void): () => void {
      // performance.now, not Date: tests move Date by days, and wall-clock jumps are not time spent.
      const entry = { at: performance.now() + ms - tick, fail };
      pending.add(entry);
      // A runtime that drops timers when the request that set them ends (Workers) must not leave the
      // deadlines without a timer for good.
      if (timer && entry.at - swept > ms + 2 * tick) {
        clearInterval(timer);
        timer = undefined;
      }
      if (!timer) {
        swept = performance.now();
        timer = setInterval(sweep, tick);
        (timer as { unref?: () => void }).unref?.();
      }
      return () => void pending.delete(entry);
    },
  };
}
