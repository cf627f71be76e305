// What each kind of operation waits for and when it has ended: the one place the tracker learns how a create, a
// restore, a delete or a copy is followed. The tracker reads the state of the kind's subject (a snapshot, or the
// restored resource) and asks the kind what that state means. No `vscode` import.
import type { TrackedState } from '../services/service';
import type { Operation, OperationKind } from './operation';
import * as l10n from '../l10n';

/** What one read of the subject means for the operation. */
export type Judgement =
  | { readonly kind: 'running' }
  /**
   * The answer does not show what the call did: the subject is not listed (AWS's lists lag behind its calls), or a
   * snapshot being deleted is listed as available again. Counted, and failed after a few (see `missingMessage`).
   */
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
  gone: () => l10n.t('AWS no longer lists this snapshot: it may have been deleted. Look for it in the tree.'),
  failed: (status: string) =>
    l10n.t('AWS reports the snapshot failed (status {0}). Check the resource, then retry.', status),
  deleting: (status: string) => l10n.t('The snapshot is being deleted (status {0}).', status),
  copyFailed: (status: string) =>
    l10n.t(
      "AWS reports the copy failed (status {0}). Check the destination region's limits and keys, then retry.",
      status,
    ),
  restoreFailed: (status: string) =>
    l10n.t('AWS reports the restored resource failed (status {0}). Look at it in the AWS console, then retry.', status),
  restoredDeleting: (status: string) => l10n.t('The restored resource is being deleted (status {0}).', status),
  deleteFailed: (status: string) => l10n.t('AWS reports the snapshot could not be deleted (status {0}).', status),
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
    // Gone is what a delete waits for; a snapshot still listed as deleting keeps it running. One listed as available
    // is counted: a list lagging behind the call, or a delete that did not take effect (an endpoint restarted
    // without its state) — it must not keep the delete running for ever.
    judge: (state) =>
      !state
        ? { kind: 'succeeded' }
        : state.state === 'failed'
          ? { kind: 'failed', error: text.deleteFailed(state.status) }
          : state.state === 'available'
            ? { kind: 'missing' }
            : { kind: 'running' },
  },
};

export function kindPolicy(kind: OperationKind): KindPolicy {
  return policies[kind];
}

/**
 * The message when a subject stayed missing for too many polls. `afterOutage`: the endpoint stopped answering while
 * the operation ran, and the subject was missing since it answers again (it may have restarted without its state).
 */
export function missingMessage(op: Pick<Operation, 'kind'>, afterOutage = false): string {
  const outage = l10n.t('The endpoint stopped answering for a while; since it answers again, ');
  if (op.kind === 'delete') {
    return afterOutage
      ? l10n.t(
          '{0}it lists this snapshot as available: the delete did not take effect (the endpoint may have restarted without its state). Delete it again if it should go.',
          outage,
        )
      : l10n.t(
          'AWS still lists this snapshot as available: the delete did not take effect. Delete it again if it should go.',
        );
  }
  const subject = op.kind === 'restore' ? l10n.t('the restored resource') : l10n.t('this snapshot');
  return afterOutage
    ? l10n.t(
        '{0}it no longer lists {1}: the endpoint may have restarted without its state, or it was deleted. Look for it in the tree.',
        outage,
        subject,
      )
    : op.kind === 'restore'
      ? l10n.t('AWS no longer lists the restored resource: it may have been deleted. Look for it in the tree.')
      : text.gone();
}

/** The message for an operation whose call had not answered when the window closed (found so after a reload). */
export function interruptedMessage(kind: OperationKind): string {
  return l10n.t(
    'The window closed before AWS answered the {0} call, so whether it was done is unknown. Look in the tree.',
    kind,
  );
}
