// Storage Gateway delete: a volume snapshot is an EBS snapshot, deleted with EC2 DeleteSnapshot (as Storage Gateway's
// docs say). EC2 removes it at once: DescribeSnapshots, which the listing and getSnapshotStatuses read, no longer
// lists it, so the deletion answers 'gone'.
import type { DeleteSnapshotRequest } from '@aws-sdk/client-ec2';
import { ec2Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import type { DeleteSupport } from './deletion';
import type { ApiCall } from './forms';
import type { Snapshot } from './service';
import { explainStorageGatewayDeleteError } from './storageGatewayDeleteErrors';
import * as l10n from '../l10n';

export const DELETE_SNAPSHOT = 'DeleteSnapshot';

interface DeleteSnapshotCall extends ApiCall {
  readonly operation: typeof DELETE_SNAPSHOT;
  readonly input: { readonly SnapshotId: string };
}

/**
 * Why an EBS snapshot cannot be deleted from here: one still pending (it is being made from the volume: delete it
 * once it is completed) or already being deleted. Completed and error snapshots can be deleted.
 */
export function volumeSnapshotDeleteRefusal(snapshot: Snapshot): string | undefined {
  switch (snapshot.state) {
    case 'creating':
      return l10n.t(
        'snapshot {0} is still being created ({1}); delete it once it is completed',
        snapshot.name,
        snapshot.status,
      );
    case 'deleting':
      return l10n.t('snapshot {0} is already being deleted ({1})', snapshot.name, snapshot.status);
    default:
      return undefined;
  }
}

/** The one request: EC2 DeleteSnapshot of the snapshot's id (snap-…). */
function calls(snapshot: Snapshot): [DeleteSnapshotCall] {
  return [{ operation: DELETE_SNAPSHOT, input: { SnapshotId: snapshot.id } }];
}

export const storageGatewayDelete: DeleteSupport = {
  operation: DELETE_SNAPSHOT,
  iamActions: ['ec2:DeleteSnapshot'],
  refusal: volumeSnapshotDeleteRefusal,
  calls,

  async send(ctx, snapshot) {
    // Built by calls(): what the log shows is what is sent.
    const [call] = calls(snapshot);
    const request: DeleteSnapshotRequest = { ...call.input };
    const { DeleteSnapshotCommand } = await loadSdk();
    const client = await ctx.clients.get(ec2Client, ctx.profile, ctx.region);
    await client.send(new DeleteSnapshotCommand(request), { abortSignal: ctx.signal });
    return 'gone';
  },

  explainError: explainStorageGatewayDeleteError,
};
