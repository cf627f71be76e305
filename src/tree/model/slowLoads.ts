// Which branches have been loading for longer than a few seconds (a listing that is slow, or hangs until its request
// timeout): their node then says so in its description ("still loading…", worded by the `vscode` edge), so nobody
// stares at a spinner without knowing whether anything happens. Pure: the timers are passed in (tests: a fake clock).
import type { BranchOwner, ExplorerNode } from './nodes';

/** The timers it needs (structurally the snapshots' `Clock`). */
export interface SlowLoadTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** After this long, a load is slow. */
export const SLOW_LOAD_MS = 3_000;

const systemTimers: SlowLoadTimers = {
  // Unref'd: a load that never ends must not keep the process alive for its sake.
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SlowLoads {
  /** Slow loads in flight per node id (a refreshed branch may still have its old load in flight). */
  private readonly slow = new Map<string, number>();

  /** `changed` is told when a node becomes slow and when its slow load ends (its description changes). */
  constructor(
    private readonly changed: (owner: BranchOwner) => void,
    private readonly timers: SlowLoadTimers = systemTimers,
    private readonly afterMs: number = SLOW_LOAD_MS,
  ) {}

  /** Runs a load of the owner's branch, watching how long it takes. */
  async watch<T>(owner: BranchOwner | undefined, load: () => Promise<T>): Promise<T> {
    if (!owner) return load();
    let slow = false;
    const timer = this.timers.setTimeout(() => {
      slow = true;
      this.slow.set(owner.id, (this.slow.get(owner.id) ?? 0) + 1);
      this.changed(owner);
    }, this.afterMs);
    try {
      return await load();
    } finally {
      this.timers.clearTimeout(timer);
      if (slow) {
        const left = (this.slow.get(owner.id) ?? 1) - 1;
        if (left > 0) this.slow.set(owner.id, left);
        else this.slow.delete(owner.id);
        this.changed(owner);
      }
    }
  }

  /** True while a load of the node's branch has taken longer than the threshold. */
  isSlow(node: ExplorerNode): boolean {
    return this.slow.has(node.id);
  }
}
