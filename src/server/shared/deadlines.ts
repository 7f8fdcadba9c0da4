/**
 * The deadlines of one operation's upstream calls (an exchange, a refresh, a discovery): each call's
 * signal aborts with a `TimeoutError` after `ms`, body included, and `release()` at the operation's
 * end clears every timer and cancels any answer body that nobody read.
 *
 * Not `AbortSignal.timeout`: Node keeps each such signal's timer, a WeakRef and a finalization entry
 * alive for the whole `ms`, however soon the call is over. At 1,000 exchanges/s and the default 10 s
 * that is 10,000 of each at any time, and about 10 µs of garbage collection per call (decision 17).
 */
export class Deadlines {
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private readonly answers: Response[] = [];

  constructor(private readonly ms: number) {}

  /** A signal for one call: it aborts `ms` from now, unless the operation is over first. */
  signal(): AbortSignal {
    const controller = new AbortController();
    const { ms } = this;
    this.timers.push(setTimeout(() => controller.abort(new DOMException(`The upstream call took over ${ms} ms`, 'TimeoutError')), ms));
    return controller.signal;
  }

  /** An answer whose body, if still unread when the operation ends, is cancelled (its connection freed). */
  answered(response: Response): void {
    this.answers.push(response);
  }

  /** The operation is over: no timer is left behind, and no body holds a connection. */
  readonly release = (): void => {
    for (const timer of this.timers) clearTimeout(timer);
    for (const response of this.answers) if (!response.bodyUsed) void response.body?.cancel().catch(() => {});
  };
}
