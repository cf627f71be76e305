// What each kind of operation waits for and when it has ended: the one place the tracker learns how a create, a
// restore, a delete or a copy is followed. The tracker reads the state of the kind's subject (a snapshot, or the
// restored resource) and asks the kind what that state means. No `vscode` import.
import type { TrackedState } from '../services/service';
import type { Operation, OperationKind } from './operation';

/** What one read of the subject means for the operation. */
export type Judgement =
  | { readonly kind: 'running' }
  /** The subject was not in the answer (AWS's lists lag behind its calls): counted, and failed after a few. */
  | { readonly kind: 'missing' }
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'failed'; readonly error: string };

export interface KindPolicy {
  /** What the tracker reads: snapshots (one status call per place for every kind that reads them) or resources. */
  readonly reads: 'snapshots' | 'resources';
  /** `state` is undefined when the answer did not include the subject. */
  judge(state: TrackedState | undefined): Judgement;
}

const text = {
  gone: 'AWS no longer lists this snapshot: it may have been deleted. Look for it in the tree.',
  failed: (status: string) => `AWS reports the snapshot failed (status ${status}). Check the resource, then retry.`,
  deleting: (status: string) => `The snapshot is being deleted (status ${status}).`,
  copyFailed: (status: string) =>
    `AWS reports the copy failed (status ${status}). Check the destination region's limits and keys, then retry.`,
  restoreFailed: (status: string) =>
    `AWS reports the restored resource failed (status ${status}). Look at it in the AWS console, then retry.`,
  restoredDeleting: (status: string) => `The restored resource is being deleted (status ${status}).`,
  deleteFailed: (status: string) => `AWS reports the snapshot could not be deleted (status ${status}).`,
};

/** A snapshot or resource being made: done when available, failed when AWS says failed or deleting. */
function making(reads: KindPolicy['reads'], failed: (s: string) => string, deleting: (s: string) => string) {
  return {
    reads,
    judge(state: TrackedState | undefined): Judgement {
      if (!state) return { kind: 'missing' };
      if (state.state === 'available') return { kind: 'succeeded' };
      if (state.state === 'failed') return { kind: 'failed', error: failed(state.status) };
      if (state.state === 'deleting') return { kind: 'failed', error: deleting(state.status) };
      return { kind: 'running' };
    },
  } satisfies KindPolicy;
}

const policies: Readonly<Record<OperationKind, KindPolicy>> = {
  create: making('snapshots', text.failed, text.deleting),
  copy: making('snapshots', text.copyFailed, text.deleting),
  restore: making('resources', text.restoreFailed, text.restoredDeleting),
  delete: {
    reads: 'snapshots',
    // Gone is what a delete waits for; a snapshot still listed (deleting, or not yet gone) keeps it running.
    judge: (state) =>
      !state
        ? { kind: 'succeeded' }
        : state.state === 'failed'
          ? { kind: 'failed', error: text.deleteFailed(state.status) }
          : { kind: 'running' },
  },
};

export function kindPolicy(kind: OperationKind): KindPolicy {
  return policies[kind];
}

/** The message when a subject stayed missing for too many polls. */
export function missingMessage(op: Pick<Operation, 'kind'>): string {
  return op.kind === 'restore'
    ? 'AWS no longer lists the restored resource: it may have been deleted. Look for it in the tree.'
    : text.gone;
}
