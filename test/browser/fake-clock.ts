// A clock the test moves by hand, for tests whose subject is time (a session's expiry, a back-off):
// the page's setTimeout, clearTimeout and Date.now are replaced until `restore()`. Everything else is
// real (fetch, events, microtasks), and so are the waits in helpers.ts, which kept the real timers.
// Taken out after each test.

export interface FakeClock {
  /** Moves the clock `ms` forward, running each timer that falls due on the way, in time order. */
  tick(ms: number): void;
  /** How many timers are set and not yet run or cleared. */
  pending(): number;
  restore(): void;
}

/** The clock a test put in, taken out after it whatever happened (a clock left in would stop every later wait of the page). */
let installed: FakeClock | undefined;
afterEach(() => installed?.restore());

export function fakeClock(): FakeClock {
  installed?.restore();
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  let now = Date.now();
  let ids = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const fakeSetTimeout = (handler: TimerHandler, ms = 0, ...args: unknown[]) => {
    if (typeof handler != 'function') throw new Error('the fake clock runs functions only');
    timers.set(++ids, { at: now + Math.max(0, Number(ms) || 0), run: () => void handler(...args) });
    return ids;
  };
  globalThis.setTimeout = fakeSetTimeout as typeof setTimeout;
  globalThis.clearTimeout = ((id?: number) => void timers.delete(id!)) as typeof clearTimeout;
  Date.now = () => now;
  return (installed = {
    tick(ms) {
      const end = now + ms;
      for (;;) {
        // The earliest due timer; of equal times, the first set (ids grow).
        let next: [number, { at: number; run: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = end;
    },
    pending: () => timers.size,
    restore() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      Date.now = real.now;
      installed = undefined;
    },
  });
}
