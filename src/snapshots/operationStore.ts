// The tracker's persistence: the operations saved in an injected store (globalState in the extension), read
// once when the tracker starts and written after each change. Each write is handed to the store at once (a Memento
// takes the value in call order, synchronously), so a window closing right after a change still leaves it saved.
import type { Logger } from '../log';
import { parseOperation, type Operation } from './operation';

/** The subset of vscode.Memento the tracker uses (globalState in the extension). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const storeKey = 'snapshotExplorer.operations';

export class OperationStore {
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StateStore,
    private readonly log: Logger,
  ) {}

  /** The saved operations that still parse (others are dropped). */
  load(): Operation[] {
    const saved = this.store.get<unknown[]>(storeKey);
    const ops: Operation[] = [];
    for (const entry of Array.isArray(saved) ? saved : []) {
      const op = parseOperation(entry);
      if (op) ops.push(op);
    }
    return ops;
  }

  /** Writes these operations now (the store keeps the order of calls); a failed write is logged. */
  save(ops: Iterable<Operation>): void {
    const written = Promise.resolve(this.store.update(storeKey, [...ops])).catch((error: unknown) =>
      this.log.warn(`Saving the snapshot operations failed: ${String(error)}`),
    );
    this.saving = Promise.all([this.saving, written]).then(() => undefined);
  }

  /** Resolves when the pending writes reached the store. */
  flush(): Promise<void> {
    return this.saving;
  }
}
