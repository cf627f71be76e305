// Neptune Analytics delete: DeleteGraphSnapshot of one graph snapshot (what can be deleted, the one request, its
// answer as the snapshot's state). The tracker then reads the snapshot with the service's getSnapshotStatuses
// (GetGraphSnapshot / ListGraphSnapshots) until AWS no longer finds it.
import { loadSdk } from '../aws/sdkLoader';
import type { DeleteSupport } from './deletion';
import type { ApiCall } from './forms';
import { neptuneGraphClient } from './neptuneGraphClient';
import { explainNeptuneGraphDeleteError } from './neptuneGraphDeleteErrors';
import type { Snapshot, TrackedState } from './service';
import * as l10n from '../l10n';

export const DELETE_GRAPH_SNAPSHOT = 'DeleteGraphSnapshot';

/**
 * Why a graph snapshot cannot be deleted now: one still CREATING (AWS answers ConflictException) or already
 * DELETING. AVAILABLE and FAILED snapshots can be deleted; any other word is left to AWS to judge.
 */
export function graphSnapshotDeleteRefusal(snapshot: Snapshot): string | undefined {
  switch (snapshot.state) {
    case 'creating':
      return l10n.t(
        'snapshot {0} is still being created ({1}); delete it once it is available',
        snapshot.name,
        snapshot.status,
      );
    case 'deleting':
      return l10n.t('snapshot {0} is already being deleted ({1})', snapshot.name, snapshot.status);
    default:
      return undefined;
  }
}

/** The one request: the snapshot's id (gs-…) in the path. */
function calls(snapshot: Snapshot): [ApiCall & { readonly input: { readonly snapshotIdentifier: string } }] {
  return [{ operation: DELETE_GRAPH_SNAPSHOT, input: { snapshotIdentifier: snapshot.id } }];
}

export const neptuneGraphDelete: DeleteSupport = {
  operation: DELETE_GRAPH_SNAPSHOT,
  // The delete itself, then the reads that follow it (the tracker: GetGraphSnapshot for one, ListGraphSnapshots for
  // several; the confirmation's check of what the graph keeps: ListGraphSnapshots).
  iamActions: [
    'neptune-graph:DeleteGraphSnapshot',
    'neptune-graph:GetGraphSnapshot',
    'neptune-graph:ListGraphSnapshots',
  ],
  refusal: graphSnapshotDeleteRefusal,
  calls,

  async send(ctx, snapshot): Promise<TrackedState> {
    // Built by calls(): what the log shows is what is sent.
    const [call] = calls(snapshot);
    const { DeleteGraphSnapshotCommand } = (await loadSdk()).neptuneGraph;
    const out = await (
      await ctx.clients.get(neptuneGraphClient, ctx.profile, ctx.region)
    ).send(new DeleteGraphSnapshotCommand({ ...call.input }), { abortSignal: ctx.signal });
    // AWS answers the snapshot as the deletion left it (DELETING); whatever the word, it accepted the deletion and
    // the snapshot is on its way out (GetGraphSnapshot lists it DELETING until it is gone).
    return { id: out.id ?? snapshot.id, state: 'deleting', status: out.status ?? 'DELETING' };
  },

  explainError: explainNeptuneGraphDeleteError,
};
