// Keeps the list of known profiles fresh without blocking: answers from the last discovery and starts a
// new one in the background when it is older than `maxAgeMs`; says when the names changed.
import type { PlanProfile } from './catalog';

export interface ProfileTrackerOptions {
  discover(): Promise<readonly PlanProfile[]>;
  readonly maxAgeMs: number;
  /** Called after a discovery whose profiles differ from the previous ones. */
  onChange(): void;
  onError?(error: unknown): void;
  readonly now?: () => number;
}

export class ProfileTracker {
  private profiles: readonly PlanProfile[] | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ProfileTrackerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The profiles known now (undefined until the first discovery ends: then profiles are not checked). */
  current(): readonly PlanProfile[] | undefined {
    if (this.now() - this.readAt > this.options.maxAgeMs) void this.refresh();
    return this.profiles;
  }

  /** Discovers again (one discovery at a time). */
  refresh(): Promise<void> {
    this.pending ??= this.options
      .discover()
      .then((found) => {
        const before = JSON.stringify(this.profiles ?? null);
        this.profiles = found.map((p) => ({ name: p.name, ...(p.region ? { region: p.region } : {}) }));
        this.readAt = this.now();
        if (JSON.stringify(this.profiles) !== before) this.options.onChange();
      })
      .catch((error: unknown) => {
        this.readAt = this.now();
        this.options.onError?.(error);
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
