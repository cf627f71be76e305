// One create-snapshot operation as the tracker, the status bar and the activity view see it.
// Plain data (persisted in globalState as JSON). No `vscode` import.
import type { SnapshotInput } from '../services/service';

export type OperationState = 'requested' | 'creating' | 'available' | 'failed' | 'cancelled';

export interface Operation {
  readonly id: string;
  /** Service id (neptune-graph, storagegateway, docdb, simspaceweaver). */
  readonly service: string;
  readonly profile: string;
  readonly region: string;
  readonly resourceId: string;
  readonly resourceName: string;
  /** The name (or description, or S3 destination) the user gave. */
  readonly snapshotName: string;
  /** Known once AWS answered the create call. */
  readonly snapshotId?: string;
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
  /** What was sent, for Retry. */
  readonly input: SnapshotInput;
  /** Identifies "the same request" (resource + normalised input): a second one is refused while this runs. */
  readonly requestKey: string;
}

export function isRunning(op: Operation): boolean {
  return op.state === 'requested' || op.state === 'creating';
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

const states: readonly OperationState[] = ['requested', 'creating', 'available', 'failed', 'cancelled'];

/** Reads a persisted operation back, or undefined when the entry is malformed (it is then dropped). */
export function parseOperation(value: unknown): Operation | undefined {
  if (!isObject(value)) return undefined;
  const required = ['id', 'service', 'profile', 'region', 'resourceId', 'resourceName', 'snapshotName', 'requestKey'];
  if (!required.every((k) => typeof value[k] === 'string')) return undefined;
  if (typeof value.startedAt !== 'number' || !states.includes(value.state as OperationState)) return undefined;
  const input = isObject(value.input) ? value.input : {};
  const values = isObject(input.values) ? input.values : {};
  const tags = Array.isArray(input.tags) ? input.tags : [];
  return {
    ...(value as unknown as Operation),
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
