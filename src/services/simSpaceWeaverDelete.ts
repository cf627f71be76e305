// SimSpace Weaver delete: a snapshot is the .zip CreateSnapshot wrote to S3 (its id is the s3:// location). S3
// HeadObject first confirms the object is there (a 404 says it is already gone, rather than DeleteObject's silent
// 204), then DeleteObject removes it at once: the deletion answers 'gone'. DescribeSimulation still names the location
// afterwards, so the listing and the status read check the object (./simSpaceWeaverObjects).
import { s3Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import type { DeleteSupport } from './deletion';
import type { ApiCall } from './forms';
import type { Snapshot } from './service';
import { explainSimSpaceWeaverDeleteError } from './simSpaceWeaverDeleteErrors';
import { parseS3Uri } from './simSpaceWeaverSnapshots';
import * as l10n from '../l10n';

type ObjectCall = ApiCall & {
  readonly operation: 'HeadObject' | 'DeleteObject';
  readonly input: { readonly Bucket: string; readonly Key: string };
};

/**
 * Why a snapshot cannot be deleted from here: one still being written (SNAPSHOT_IN_PROGRESS), one being deleted, one
 * that failed (no object was written), or an id that is not an S3 location.
 */
export function snapshotObjectDeleteRefusal(snapshot: Snapshot): string | undefined {
  switch (snapshot.state) {
    case 'creating':
      return l10n.t(
        'snapshot {0} is still being written ({1}); delete it once it is available',
        snapshot.name,
        snapshot.status,
      );
    case 'deleting':
      return l10n.t('snapshot {0} is already being deleted ({1})', snapshot.name, snapshot.status);
    case 'failed':
      return l10n.t(
        'snapshot {0} failed ({1}): no object was written, there is nothing to delete',
        snapshot.name,
        snapshot.status,
      );
    default:
      return parseS3Uri(snapshot.id)?.key
        ? undefined
        : l10n.t('snapshot {0} is not an S3 object ({1})', snapshot.name, snapshot.id);
  }
}

/** HeadObject, then DeleteObject, of the bucket and key in the snapshot's s3:// id (none for another id). */
function calls(snapshot: Snapshot): ObjectCall[] {
  const location = parseS3Uri(snapshot.id);
  if (!location?.key) return [];
  const input = { Bucket: location.bucket, Key: location.key };
  return [
    { operation: 'HeadObject', input },
    { operation: 'DeleteObject', input },
  ];
}

export const simSpaceWeaverDelete: DeleteSupport = {
  operation: 'DeleteObject',
  // HeadObject needs s3:GetObject.
  iamActions: ['s3:DeleteObject', 's3:GetObject'],
  refusal: snapshotObjectDeleteRefusal,
  calls,

  async send(ctx, snapshot) {
    // Built by calls(): what the log shows is what is sent, in that order.
    const [head, remove] = calls(snapshot);
    if (!head || !remove)
      throw new Error(l10n.t('The snapshot {0} is not an S3 location (s3://bucket/key).', snapshot.id));
    const { HeadObjectCommand, DeleteObjectCommand } = await loadSdk();
    const client = await ctx.clients.get(s3Client, ctx.profile, ctx.region);
    await client.send(new HeadObjectCommand({ ...head.input }), { abortSignal: ctx.signal });
    await client.send(new DeleteObjectCommand({ ...remove.input }), { abortSignal: ctx.signal });
    return 'gone';
  },

  explainError: explainSimSpaceWeaverDeleteError,
};
