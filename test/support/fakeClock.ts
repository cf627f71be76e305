// A Clock for tests of polling: its timers run only when the test advances it, and `settle` lets the promises
// they start finish.
import type { Clock } from '../../src/snapshots/pollScheduler';

/** Timers run only when the test calls `advance`. */
export class FakeClock implements Clock {
  private time = 1_700_000_000_000;
  private seq = 0;
  readonly timers = new Map<number, { at: number; fn: () => void; ms: number }>();
  /** Every delay ever armed, in order. */
  readonly armed: number[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + ms, fn, ms });
    this.armed.push(ms);
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward, running due timers in order and letting the promises they start settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
