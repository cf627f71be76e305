// Follows every create-snapshot operation until it ends, with ONE poller for all of them: each tick groups
// the running operations by (profile, region, service) and asks each group's service once, so the cost grows
// with regions × services, not with the number of snapshots. Backoff from `initialSeconds` ×1.5 up to
// `maxSeconds` (the timer is `pollScheduler`'s). State is persisted through an injected store (`operationStore`)
// and resumed after a reload. No `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { Snapshot, SnapshotInput, SnapshotService } from '../services/service';
import { isRunning, resourceKey, type Operation } from './operation';
import { OperationStore, type StateStore } from './operationStore';
import { PollScheduler, systemClock, type Clock, type PollingSettings } from './pollScheduler';
import { pollGroups, readStatuses } from './statusPoll';

// The types of the tracker's deps, which its callers (the benchmark among them) read from here.
export type { StateStore } from './operationStore';
export type { Clock, PollingSettings } from './pollScheduler';

export interface TrackerDeps {
  serviceById(id: string): SnapshotService | undefined;
  readonly clients: AwsClients;
  readonly store: StateStore;
  readonly log: Logger;
  readonly clock?: Clock;
  polling(): PollingSettings;
  newId?(): string;
  /** Consecutive polls that do not find a snapshot before it is reported gone (default 10). */
  readonly maxMisses?: number;
  /** Finished operations kept in the history (default 100). */
  readonly maxHistory?: number;
}

export type TrackerEvent =
  | { readonly kind: 'added' | 'changed' | 'removed'; readonly operation: Operation }
  /** Exactly once per operation, when it ends (available, failed or cancelled). */
  | { readonly kind: 'finished'; readonly operation: Operation };

export interface BeginRequest {
  readonly service: string;
  readonly profile: string;
  readonly region: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly snapshotName: string;
  readonly input: SnapshotInput;
  readonly requestKey: string;
}

const text = {
  gone: 'AWS no longer lists this snapshot: it may have been deleted. Look for it in the tree.',
  failed: (status: string) => `AWS reports the snapshot failed (status ${status}). Check the resource, then retry.`,
  deleting: (status: string) => `The snapshot is being deleted (status ${status}).`,
  interrupted:
    'The window closed before AWS answered the create call, so whether the snapshot was created is unknown. Look for it in the tree.',
  unknownService: (id: string) => `Unknown service "${id}".`,
};

export class Tracker {
  private ops = new Map<string, Operation>();
  private readonly listeners = new Set<(event: TrackerEvent) => void>();
  private readonly misses = new Map<string, number>();
  private readonly clock: Clock;
  private readonly scheduler: PollScheduler;
  private readonly saved: OperationStore;
  private counter = 0;

  constructor(private readonly deps: TrackerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.scheduler = new PollScheduler({
      clock: this.clock,
      polling: () => deps.polling(),
      hasWork: () => [...this.ops.values()].some((op) => op.state === 'creating'),
      poll: () => this.pollAll(),
    });
    this.saved = new OperationStore(deps.store, deps.log);
    for (const op of this.saved.load()) this.ops.set(op.id, op);
  }

  onDidChange(listener: (event: TrackerEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Newest first. */
  operations(): Operation[] {
    return [...this.ops.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  get(id: string): Operation | undefined {
    return this.ops.get(id);
  }

  running(): Operation[] {
    return this.operations().filter(isRunning);
  }

  findRunning(requestKey: string): Operation | undefined {
    return this.running().find((op) => op.requestKey === requestKey);
  }

  /** The tree keys of resources with a snapshot being taken. */
  resourcesInProgress(): Set<string> {
    return new Set(this.running().map(resourceKey));
  }

  /** After a reload: operations that were waiting for AWS's answer are reported, the others polled again. */
  resume(): void {
    for (const op of this.ops.values()) {
      if (op.state === 'requested') this.finish(op, { state: 'failed', error: text.interrupted });
    }
    this.scheduler.schedule(true);
  }

  /** Records a request about to be sent (state `requested`). */
  begin(request: BeginRequest): Operation {
    const id = this.deps.newId?.() ?? `${this.clock.now().toString(36)}-${(this.counter++).toString(36)}`;
    const op: Operation = { ...request, id, startedAt: this.clock.now(), state: 'requested' };
    this.ops.set(id, op);
    this.emit({ kind: 'added', operation: op });
    this.persist();
    return op;
  }

  /** AWS accepted the create call. */
  created(id: string, snapshot: Snapshot): void {
    const op = this.ops.get(id);
    if (!op) return;
    if (op.state === 'cancelled') {
      // The user stopped waiting while the call was in flight: keep the id for the history only.
      this.replace({ ...op, snapshotId: snapshot.id });
      return;
    }
    if (op.state !== 'requested') return;
    const next: Operation = { ...op, snapshotId: snapshot.id, status: snapshot.status, progress: snapshot.progress };
    if (snapshot.state === 'available') this.finish(next, { state: 'available', progress: 100 });
    else if (snapshot.state === 'failed') this.finish(next, { state: 'failed', error: text.failed(snapshot.status) });
    else {
      this.replace({ ...next, state: 'creating' });
      this.scheduler.schedule(true);
    }
  }

  /** The create call failed; `message` says what to do. */
  failed(id: string, message: string): void {
    const op = this.ops.get(id);
    if (op && isRunning(op)) this.finish(op, { state: 'failed', error: message });
  }

  /** Stops waiting. It does not stop AWS: the snapshot keeps being created. */
  cancel(id: string): Operation | undefined {
    const op = this.ops.get(id);
    if (!op || !isRunning(op)) return undefined;
    return this.finish(op, { state: 'cancelled' });
  }

  clearFinished(): void {
    for (const op of [...this.ops.values()]) {
      if (isRunning(op)) continue;
      this.ops.delete(op.id);
      this.emit({ kind: 'removed', operation: op });
    }
    this.persist();
  }

  /** Seconds until the next poll (for tests and the tooltip). */
  nextDelaySeconds(): number {
    return this.scheduler.delaySeconds;
  }

  /** Resolves when the pending writes reached the store. */
  flush(): Promise<void> {
    return this.saved.flush();
  }

  dispose(): void {
    this.scheduler.dispose();
    this.listeners.clear();
  }

  /** Polls now (unless a poll is running), then schedules the next poll. */
  tick(): Promise<void> {
    return this.scheduler.tick();
  }

  /** One poll of every running operation: one status call per (profile, region, service). */
  private async pollAll(): Promise<void> {
    await Promise.all(pollGroups(this.ops.values()).map((ops) => this.pollGroup(ops)));
  }

  private async pollGroup(ops: Operation[]): Promise<void> {
    const first = ops[0];
    if (!first) return;
    const service = this.deps.serviceById(first.service);
    if (!service) {
      for (const op of ops) this.finish(op, { state: 'failed', error: text.unknownService(first.service) });
      return;
    }
    let found: Map<string, Snapshot>;
    try {
      found = await readStatuses(service, first, ops, this.deps.clients);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.warn(`Polling ${first.service} in ${first.profile}/${first.region} failed: ${message}`);
      for (const op of ops) {
        const current = this.ops.get(op.id);
        if (current?.state === 'creating') this.replace({ ...current, pollError: message });
      }
      return;
    }
    for (const op of ops) this.apply(op.id, found.get(op.snapshotId ?? ''));
  }

  private apply(id: string, snapshot: Snapshot | undefined): void {
    const op = this.ops.get(id);
    if (!op || op.state !== 'creating') return; // cancelled meanwhile
    if (!snapshot) {
      const misses = (this.misses.get(id) ?? 0) + 1;
      this.misses.set(id, misses);
      if (misses >= (this.deps.maxMisses ?? 10)) this.finish(op, { state: 'failed', error: text.gone });
      return;
    }
    this.misses.delete(id);
    const next: Operation = {
      ...op,
      status: snapshot.status,
      progress: snapshot.progress ?? op.progress,
      pollError: undefined,
    };
    if (snapshot.state === 'available') this.finish(next, { state: 'available', progress: 100 });
    else if (snapshot.state === 'failed') this.finish(next, { state: 'failed', error: text.failed(snapshot.status) });
    else if (snapshot.state === 'deleting')
      this.finish(next, { state: 'failed', error: text.deleting(snapshot.status) });
    else if (next.status !== op.status || next.progress !== op.progress || op.pollError) this.replace(next);
  }

  private finish(op: Operation, change: Partial<Operation> & Pick<Operation, 'state'>): Operation {
    const done: Operation = { ...op, ...change, endedAt: this.clock.now() };
    this.ops.set(done.id, done);
    this.misses.delete(done.id);
    this.trimHistory();
    this.emit({ kind: 'changed', operation: done });
    this.emit({ kind: 'finished', operation: done });
    this.persist();
    return done;
  }

  private replace(op: Operation): void {
    this.ops.set(op.id, op);
    this.emit({ kind: 'changed', operation: op });
    this.persist();
  }

  private trimHistory(): void {
    const finished = this.operations().filter((op) => !isRunning(op));
    for (const op of finished.slice(this.deps.maxHistory ?? 100)) this.ops.delete(op.id);
  }

  private emit(event: TrackerEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.deps.log.error(error instanceof Error ? error : String(error));
      }
    }
  }

  private persist(): void {
    this.saved.save(this.ops.values());
  }
}
