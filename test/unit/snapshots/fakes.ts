// Fakes for the snapshot tests: a service with the real input rules and recorded calls, a clock whose timers
// run when the test advances it, an in-memory store. No AWS, no VS Code.
import type { AwsClients } from '../../../src/aws/clients';
import type {
  AwsContext,
  Page,
  Resource,
  Snapshot,
  SnapshotInput,
  SnapshotRef,
  SnapshotService,
} from '../../../src/services/service';
import type { StateStore } from '../../../src/snapshots/operationStore';
import type { Clock } from '../../../src/snapshots/pollScheduler';
import type { ServiceInputRules } from '../../../src/validation/types';

export const noClients: AwsClients = {
  get: () => Promise.reject(new Error('unit tests make no AWS calls')),
};

export function resource(id: string, options: Partial<Resource> = {}): Resource {
  return {
    service: options.service ?? 'docdb',
    id,
    name: options.name ?? id,
    status: options.status ?? 'available',
    summary: options.summary ?? '',
    snapshottable: options.snapshottable ?? { ok: true },
    details: [],
    ...options,
  };
}

export interface FakeServiceOptions {
  readonly id: string;
  readonly label?: string;
  readonly rules: ServiceInputRules;
  readonly resources?: Resource[];
  readonly snapshots?: Snapshot[];
  readonly offeredIn?: (region: string) => boolean;
  /** What create does (default: returns a creating snapshot named after the first value). */
  readonly create?: (resource: Resource, input: SnapshotInput) => Promise<Snapshot>;
  /** What a status read answers per ref (default: not found). */
  readonly status?: (ref: SnapshotRef) => Snapshot | undefined;
  readonly listSnapshotsDelayMs?: number;
}

export interface FakeService extends SnapshotService {
  readonly createCalls: { ctx: AwsContext; resource: Resource; input: SnapshotInput }[];
  readonly statusCalls: { ctx: AwsContext; refs: readonly SnapshotRef[] }[];
  readonly listSnapshotCalls: number[];
}

export function snapshot(id: string, state: Snapshot['state'], options: Partial<Snapshot> = {}): Snapshot {
  return { service: 'docdb', id, name: id, resourceId: 'r', state, status: state, details: [], ...options };
}

export function fakeService(options: FakeServiceOptions): FakeService {
  const createCalls: FakeService['createCalls'] = [];
  const statusCalls: FakeService['statusCalls'] = [];
  const listSnapshotCalls: number[] = [];
  return {
    id: options.id,
    label: options.label ?? options.id,
    resourceNoun: { one: 'thing', many: 'things' },
    icon: 'database',
    createOperation: `Create${options.id}Snapshot`,
    rules: options.rules,
    createCalls,
    statusCalls,
    listSnapshotCalls,
    isOfferedIn: (region) => options.offeredIn?.(region) ?? true,
    async listResources(): Promise<Page<Resource>> {
      return { items: options.resources ?? [] };
    },
    async getResource(_ctx, id) {
      return options.resources?.find((r) => r.id === id);
    },
    async listSnapshots(_ctx, r, _page): Promise<Page<Snapshot>> {
      listSnapshotCalls.push(Date.now());
      if (options.listSnapshotsDelayMs)
        await new Promise((resolve) => setTimeout(resolve, options.listSnapshotsDelayMs));
      return { items: (options.snapshots ?? []).filter((s) => s.resourceId === r.id) };
    },
    async createSnapshot(ctx, r, input) {
      createCalls.push({ ctx, resource: r, input });
      if (options.create) return options.create(r, input);
      const name = Object.values(input.values)[0] ?? 'snap';
      return snapshot(`id-${name}`, 'creating', { service: options.id, name, resourceId: r.id });
    },
    async getSnapshotStatuses(ctx, refs) {
      statusCalls.push({ ctx, refs });
      const found = new Map<string, Snapshot>();
      for (const ref of refs) {
        const s = options.status?.(ref);
        if (s) found.set(ref.snapshotId, s);
      }
      return found;
    },
    consoleUrl: () => 'https://console.example.invalid',
  };
}

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
