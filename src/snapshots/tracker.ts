// Follows every operation (create, restore, delete, copy) until it ends, with ONE poller for all of them: each tick
// groups the running operations by (profile, region, service, what they read) and asks each group's service once,
// so the cost grows with regions × services, not with the number of operations (`statusPoll`); what a state means
// for each kind is `operationKinds`'. Backoff from `initialSeconds` ×1.5 up to
// `maxSeconds` (the timer is `pollScheduler`'s). State is persisted through an injected store (`operationStore`)
// and resumed after a reload. No `vscode` import.
import type { TrackedState } from '../services/service';
import { isRunning, resourceKey, trackedId, type Operation } from './operation';
import { interruptedMessage, kindPolicy, missingMessage } from './operationKinds';
import { OperationStore } from './operationStore';
import { PollScheduler, systemClock, type Clock } from './pollScheduler';
import { pollGroups, readStatuses, type PollGroup } from './statusPoll';

// The types of the tracker's deps, which its callers (the benchmark among them) read from here.
export type { StateStore } from './operationStore';
export type { Clock, PollingSettings } from './pollScheduler';
import type { BeginRequest, TrackerDeps, TrackerEvent } from './trackerTypes';
import * as l10n from '../l10n';

export type { BeginRequest, TrackerDeps, TrackerEvent };

const unknownService = (id: string): string => l10n.t('Unknown service "{0}".', id);
/** Whether a poll changed what the views show of a running operation. */
const changed = (a: Operation, b: Operation): boolean =>
  a.status !== b.status || a.progress !== b.progress || a.snapshotName !== b.snapshotName;

export class Tracker {
  private ops = new Map<string, Operation>();
  private readonly listeners = new Set<(event: TrackerEvent) => void>();
  private readonly misses = new Map<string, number>();
  /** Operations whose last poll failed (the endpoint unreachable, e.g. restarting): polled on until it answers. */
  private readonly outage = new Set<string>();
  private disposed = false;
  private readonly clock: Clock;
  private readonly scheduler: PollScheduler;
  private readonly saved: OperationStore;
  private counter = 0;

  constructor(private readonly deps: TrackerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.scheduler = new PollScheduler({
      clock: this.clock,
      polling: () => deps.polling(),
      hasWork: () => [...this.ops.values()].some((op) => op.state === 'running'),
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
      if (op.state === 'requested') this.finish(op, { state: 'failed', error: interruptedMessage(op.kind) });
    }
    this.scheduler.schedule(true);
  }

  /** Records a request about to be sent (state `requested`). */
  begin(request: BeginRequest): Operation {
    const id = this.deps.newId?.() ?? `${this.clock.now().toString(36)}-${(this.counter++).toString(36)}`;
    const op: Operation = { kind: 'create', ...request, id, startedAt: this.clock.now(), state: 'requested' };
    this.ops.set(id, op);
    this.emit({ kind: 'added', operation: op });
    this.persist();
    return op;
  }

  /**
   * AWS accepted the call. `answer` is the subject as the call returned it: the new snapshot (create), the copy
   * (copy), the new resource (restore), the snapshot being deleted, or 'gone' when the delete call removed it at once.
   */
  accepted(id: string, answer: TrackedState | 'gone'): void {
    const op = this.ops.get(id);
    if (!op) return;
    const subject = answer === 'gone' ? undefined : answer;
    const known = subject ? this.withSubject(op, subject) : op;
    if (op.state === 'cancelled') {
      // The user stopped waiting while the call was in flight: keep the id for the history only.
      this.replace(known);
      return;
    }
    if (op.state !== 'requested') return;
    const next: Operation = { ...known, status: subject?.status, progress: subject?.progress };
    const judged = kindPolicy(op.kind).judge(subject);
    if (judged.kind === 'succeeded') this.finish(next, { state: 'succeeded', progress: 100 });
    else if (judged.kind === 'failed') this.finish(next, { state: 'failed', error: judged.error });
    else {
      this.replace({ ...next, state: 'running' });
      this.scheduler.schedule(true);
    }
  }

  /** The call failed; `message` says what to do. */
  failed(id: string, message: string): void {
    const op = this.ops.get(id);
    if (op && isRunning(op)) this.finish(op, { state: 'failed', error: message });
  }

  /** Stops waiting. It does not stop AWS: what was asked goes on. */
  cancel(id: string): Operation | undefined {
    const op = this.ops.get(id);
    if (!op || !isRunning(op)) return undefined;
    return this.finish(op, { state: 'cancelled' });
  }

  /** Drops the finished operations (those `which` accepts, when given) from the history. */
  clearFinished(which: (op: Operation) => boolean = () => true): void {
    for (const op of [...this.ops.values()]) {
      if (isRunning(op) || !which(op)) continue;
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

  /** Stops polling and saving: a window closing leaves the saved operations to the next one. */
  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
    this.listeners.clear();
  }

  /** Polls now (unless a poll is running), then schedules the next poll. */
  tick(): Promise<void> {
    return this.scheduler.tick();
  }

  /** One poll of every running operation: one status call per (profile, region, service, what it reads). */
  private async pollAll(): Promise<void> {
    await Promise.all(pollGroups(this.ops.values()).map((group) => this.pollGroup(group)));
  }

  private async pollGroup(group: PollGroup): Promise<void> {
    const service = this.deps.serviceById(group.service);
    if (!service) {
      for (const op of group.ops) this.finish(op, { state: 'failed', error: unknownService(group.service) });
      return;
    }
    let found: Map<string, TrackedState>;
    try {
      found = await readStatuses(service, group, this.deps.clients);
    } catch (error) {
      // Transient (a refused connection while the endpoint restarts, throttling): the next poll tries again.
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.warn(`Polling ${group.service} in ${group.profile}/${group.region} failed: ${message}`);
      for (const op of group.ops) {
        this.outage.add(op.id);
        const current = this.ops.get(op.id);
        if (current?.state === 'running') this.replace({ ...current, pollError: message });
      }
      return;
    }
    for (const op of group.ops) this.apply(op.id, found.get(trackedId(op) ?? ''));
  }

  private apply(id: string, state: TrackedState | undefined): void {
    const op = this.ops.get(id);
    if (!op || op.state !== 'running') return; // cancelled meanwhile
    const judged = kindPolicy(op.kind).judge(state);
    if (judged.kind === 'missing') {
      const misses = (this.misses.get(id) ?? 0) + 1;
      this.misses.set(id, misses);
      if (misses >= (this.deps.maxMisses ?? 10))
        this.finish(op, { state: 'failed', error: missingMessage(op, this.outage.has(id)) });
      return;
    }
    this.misses.delete(id);
    this.outage.delete(id);
    const next: Operation = {
      // A create takes the id and name the read found (SimSpace Weaver's object is stamped when AWS takes it).
      ...(state && op.kind === 'create' ? this.withSubject(op, state) : op),
      status: state?.status ?? op.status,
      progress: state?.progress ?? op.progress,
      pollError: undefined,
    };
    if (judged.kind === 'succeeded') this.finish(next, { state: 'succeeded', progress: 100 });
    else if (judged.kind === 'failed') this.finish(next, { state: 'failed', error: judged.error });
    else if (changed(op, next) || op.pollError) this.replace(next);
  }

  /** Records the id AWS gave the subject: the snapshot's for a create, the target's for a restore or copy. */
  private withSubject(op: Operation, subject: TrackedState): Operation {
    if (op.kind === 'restore' || op.kind === 'copy')
      return { ...op, target: { name: op.target?.name ?? subject.id, ...op.target, id: subject.id } };
    // Found under another id than AWS first gave (SimSpace Weaver's object is stamped when AWS takes it): its name too.
    const moved = op.kind === 'create' && op.snapshotId !== undefined && op.snapshotId !== subject.id;
    return { ...op, snapshotId: subject.id, ...(moved && subject.name ? { snapshotName: subject.name } : {}) };
  }

  private finish(op: Operation, change: Partial<Operation> & Pick<Operation, 'state'>): Operation {
    const done: Operation = { ...op, ...change, endedAt: this.clock.now() };
    this.ops.set(done.id, done);
    this.misses.delete(done.id);
    this.outage.delete(done.id);
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
    if (this.disposed) return;
    this.saved.save(this.ops.values());
  }
}
