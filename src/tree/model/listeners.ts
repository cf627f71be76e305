// A set of listeners of the explorer model's events: each is called in turn, and one that throws is logged
// without keeping the others from being called.
import type { Logger } from '../../log';

export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly log: Logger | undefined) {}

  add(listener: (value: T) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        this.log?.error(error instanceof Error ? error : String(error));
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
