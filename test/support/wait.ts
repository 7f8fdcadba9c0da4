/**
 * The tests' waits, in one place. Wait for an event or a promise where there is one; where time is the
 * subject, use vitest's fake timers (`vi.useFakeTimers`, `vi.setSystemTime`); in a test, `vi.waitFor`
 * retries an assertion. What is left is here.
 */

/**
 * Polls `check` every `everyMs` until it holds; rejects after `ms`, naming `what`. For a process outside
 * this one (a server starting, a cluster converging): it sends no event to wait for. A `check` that
 * throws ends the wait with its error.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, { ms = 20_000, everyMs = 50 } = {}): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * A bounded wait for something that must NOT happen (an event, a second call): an absence sends no
 * event, so a spy is read after this (STYLE: "assert that an event did NOT fire with a spy over a
 * bounded wait").
 */
export const quietFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
