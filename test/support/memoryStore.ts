// An in-memory StateStore (what VS Code keeps in global state) for tests of the snapshot tracker and create flow.
import type { StateStore } from '../../src/snapshots/operationStore';

export class MemoryStore implements StateStore {
  readonly data = new Map<string, unknown>();
  writes = 0;

  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.writes++;
    // As VS Code does: stored as JSON, so what comes back is plain data.
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}
