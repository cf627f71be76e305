// One operation on a snapshot (create, restore, delete, copy) as the tracker, the status bar and the activity view
// see it. Plain data (persisted in globalState as JSON). No `vscode` import.
import type { Resource, Snapshot, SnapshotInput } from '../services/service';

/** requested: the call is on its way; running: AWS accepted it and the tracker follows it; then one of the ends. */
export type OperationState = 'requested' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/**
 * What the operation does. The fields below keep one meaning per kind:
 * - create: `resource*` is the resource, `snapshot*` the new snapshot (its id known once AWS answered).
 * - delete: `snapshot*` is the snapshot being deleted (id known from the start), `resource*` its resource.
 * - copy: `snapshot*` is the source snapshot; `target` the copy (its id, name and destination region).
 * - restore: `snapshot*` is the source snapshot, `resource*` its resource; `target` the new resource.
 */
export type OperationKind = 'create' | 'restore' | 'delete' | 'copy';

/** What a restore or copy makes: its name at once, its id once AWS answered, and its region when elsewhere. */
export interface OperationTarget {
  readonly name: string;
  readonly id?: string;
  /** The destination region of a copy; absent when the target is in the operation's region. */
  readonly region?: string;
}

export interface Operation {
  readonly id: string;
  readonly kind: OperationKind;
  /** Service id (neptune-graph, storagegateway, docdb, simspaceweaver). */
  readonly service: string;
  readonly profile: string;
  readonly region: string;
  readonly resourceId: string;
  readonly resourceName: string;
  /** The snapshot's name (or description, or S3 destination): given by the user for a create. */
  readonly snapshotName: string;
  /** For a create, known once AWS answered; for the other kinds, known from the start. */
  readonly snapshotId?: string;
  /** What a restore or copy makes. */
  readonly target?: OperationTarget;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly state: OperationState;
  /** 0–100 when the service reports progress. */
  readonly progress?: number;
  /** The service's own status word, last seen. */
  readonly status?: string;
  /** Why it failed (a sentence for the user). */
  readonly error?: string;
  /** The last polling problem, shown in tooltips while the tracker keeps trying. */
  readonly pollError?: string;
  /** What was sent, for Retry (a create's inputs; for the other kinds, their own inputs by field key). */
  readonly input: SnapshotInput;
  /** Identifies "the same request" (resource + normalised input): a second one is refused while this runs. */
  readonly requestKey: string;
  /** Operations confirmed together (e.g. several snapshots deleted at once) share it: one notification for all. */
  readonly batch?: string;
  /** Its caller reports how it ended (a plan run's one summary): no notification of its own. */
  readonly silent?: boolean;
}

/**
 * The resource an operation on a snapshot names: the snapshot's resource, or, for a snapshot in the tree's group of
 * snapshots without a resource in the region (a copy), the resource id the snapshot carries.
 */
export function snapshotSource(resource: Resource, snapshot: Snapshot): { id: string; name: string } {
  return resource.unattached
    ? { id: snapshot.resourceId, name: snapshot.resourceId || snapshot.name }
    : { id: resource.id, name: resource.name };
}

/** The resource to read defaults from: none for the tree's group of snapshots without a resource here. */
export function sourceResource(resource: Resource | undefined): Resource | undefined {
  return resource?.unattached ? undefined : resource;
}

export function isRunning(op: Pick<Operation, 'state'>): boolean {
  return op.state === 'requested' || op.state === 'running';
}

/** The id the tracker reads the state of: the new resource for a restore, the copy for a copy, else the snapshot. */
export function trackedId(op: Operation): string | undefined {
  return op.kind === 'restore' || op.kind === 'copy' ? op.target?.id : op.snapshotId;
}

/** The region the tracker reads in: a copy's destination, else the operation's region. */
export function trackedRegion(op: Operation): string {
  return op.target?.region ?? op.region;
}

/** The key the tree uses for a resource: `${profile}|${region}|${serviceId}|${resourceId}`. */
export function resourceKey(op: Pick<Operation, 'profile' | 'region' | 'service' | 'resourceId'>): string {
  return `${op.profile}|${op.region}|${op.service}|${op.resourceId}`;
}

export interface RunningSummary {
  readonly count: number;
  /** The mean progress of the running operations that report one, rounded. */
  readonly progress?: number;
}

export function summarizeRunning(ops: readonly Operation[]): RunningSummary {
  const running = ops.filter(isRunning);
  const known = running.map((op) => op.progress).filter((p): p is number => typeof p === 'number');
  const progress = known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : undefined;
  return { count: running.length, progress };
}

/** "2m 05s", "45s", "1h 02m". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const states: readonly OperationState[] = ['requested', 'running', 'succeeded', 'failed', 'cancelled'];
const kinds: readonly OperationKind[] = ['create', 'restore', 'delete', 'copy'];
/** The state names of versions before 0.2 (create operations only). */
const legacyStates: Readonly<Record<string, OperationState>> = { creating: 'running', available: 'succeeded' };

function parseTarget(value: unknown): OperationTarget | undefined {
  if (!isObject(value) || typeof value.name !== 'string') return undefined;
  return {
    name: value.name,
    ...(typeof value.id === 'string' ? { id: value.id } : {}),
    ...(typeof value.region === 'string' ? { region: value.region } : {}),
  };
}

/** Reads a persisted operation back, or undefined when the entry is malformed (it is then dropped). */
export function parseOperation(value: unknown): Operation | undefined {
  if (!isObject(value)) return undefined;
  const required = ['id', 'service', 'profile', 'region', 'resourceId', 'resourceName', 'snapshotName', 'requestKey'];
  if (!required.every((k) => typeof value[k] === 'string')) return undefined;
  const state = legacyStates[String(value.state)] ?? value.state;
  if (typeof value.startedAt !== 'number' || !states.includes(state as OperationState)) return undefined;
  const kind = value.kind === undefined ? 'create' : value.kind;
  if (!kinds.includes(kind as OperationKind)) return undefined;
  const target = parseTarget(value.target);
  if ((kind === 'restore' || kind === 'copy') && !target) return undefined;
  const input = isObject(value.input) ? value.input : {};
  const values = isObject(input.values) ? input.values : {};
  const tags = Array.isArray(input.tags) ? input.tags : [];
  return {
    ...(value as unknown as Operation),
    kind: kind as OperationKind,
    state: state as OperationState,
    target,
    batch: typeof value.batch === 'string' ? value.batch : undefined,
    input: {
      values: Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >,
      tags: tags.filter(
        (t): t is { key: string; value: string } =>
          isObject(t) && typeof t.key === 'string' && typeof t.value === 'string',
      ),
    },
  };
}
