// The tracker's scheduler: ONE timer for every running operation. Each poll grows the delay from `initialSeconds`
// ×1.5 up to `maxSeconds`; new work starts it again. A poll never overlaps another. The clock is injected.

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PollingSettings {
  readonly initialSeconds: number;
  readonly maxSeconds: number;
}

export interface PollSchedulerDeps {
  readonly clock: Clock;
  polling(): PollingSettings;
  /** Whether anything is waiting to be polled; the timer is armed only then. */
  hasWork(): boolean;
  /** One poll of everything waiting. */
  poll(): Promise<void>;
}

/** The settings with unusable values replaced: 5 s to start, at least 30 s (or the start) at the most. */
function usable({ initialSeconds, maxSeconds }: PollingSettings): PollingSettings {
  const initial = Number.isFinite(initialSeconds) && initialSeconds > 0 ? initialSeconds : 5;
  const max = Number.isFinite(maxSeconds) && maxSeconds >= initial ? maxSeconds : Math.max(initial, 30);
  return { initialSeconds: initial, maxSeconds: max };
}

export class PollScheduler {
  private timer: unknown;
  private timerDue = 0;
  private delay: number;
  private ticking = false;
  private disposed = false;

  constructor(private readonly deps: PollSchedulerDeps) {
    this.delay = this.settings().initialSeconds;
  }

  /** Seconds until the next poll. */
  get delaySeconds(): number {
    return this.delay;
  }

  /** Polls now, unless a poll is running or the scheduler is disposed; then arms the timer again. */
  async tick(): Promise<void> {
    if (this.ticking || this.disposed) return;
    this.ticking = true;
    // The backoff grows per tick; new work during the tick resets it (see schedule).
    this.delay = Math.min(this.settings().maxSeconds, this.delay * 1.5);
    try {
      await this.deps.poll();
    } finally {
      this.ticking = false;
    }
    this.schedule(false);
  }

  /** Arms the one timer when there is work. `reset` starts the backoff again (new work). */
  schedule(reset: boolean): void {
    if (this.disposed) return;
    const { clock } = this.deps;
    if (!this.deps.hasWork()) {
      if (this.timer !== undefined) clock.clearTimeout(this.timer);
      this.timer = undefined;
      this.delay = this.settings().initialSeconds;
      return;
    }
    if (reset) this.delay = this.settings().initialSeconds;
    const due = clock.now() + this.delay * 1000;
    if (this.timer !== undefined) {
      if (due >= this.timerDue) return; // the armed poll comes sooner
      clock.clearTimeout(this.timer);
    }
    if (this.ticking) return; // tick() schedules when it ends
    this.timerDue = due;
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, this.delay * 1000);
  }

  /** Stops for good: the timer is cleared and no poll starts again. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private settings(): PollingSettings {
    return usable(this.deps.polling());
  }
}
