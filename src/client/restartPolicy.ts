// When a crashed language server is started again: at most `maxRestarts` restarts within `windowMs`; one more crash
// in that window and it stays stopped until the user restarts it (`reset`). Pure: no `vscode` import, the clock is
// injected.

export interface RestartPolicyOptions {
  /** Restarts allowed within the window (default 4, as vscode-languageclient's own handler). */
  readonly maxRestarts?: number;
  /** The window, in milliseconds (default 3 minutes). */
  readonly windowMs?: number;
  readonly now?: () => number;
}

export type CrashDecision =
  | { readonly kind: 'restart'; readonly restarts: number }
  | { readonly kind: 'stop'; readonly crashes: number; readonly windowMs: number };

export class RestartPolicy {
  private crashes: number[] = [];
  readonly maxRestarts: number;
  readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: RestartPolicyOptions = {}) {
    this.maxRestarts = Math.max(0, Math.floor(options.maxRestarts ?? 4));
    this.windowMs = Math.max(0, options.windowMs ?? 3 * 60_000);
    this.now = options.now ?? Date.now;
  }

  /** Records a crash and decides: restart while the window holds at most `maxRestarts` crashes, else stop. */
  crashed(): CrashDecision {
    const now = this.now();
    this.crashes = [...this.crashes.filter((at) => now - at < this.windowMs), now];
    if (this.crashes.length <= this.maxRestarts) return { kind: 'restart', restarts: this.crashes.length };
    const crashes = this.crashes.length;
    this.crashes = [];
    return { kind: 'stop', crashes, windowMs: this.windowMs };
  }

  /** Forgets the crashes: the user started the server again. */
  reset(): void {
    this.crashes = [];
  }
}
