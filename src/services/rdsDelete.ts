// The RDS family's delete (DocumentDB, Neptune Database): DeleteDBClusterSnapshot of one manual cluster snapshot
// (automated ones are AWS's to delete, AWS Backup's are deleted through AWS Backup), the one request and its answer
// as the snapshot's state. The tracker then reads the snapshot with the family's getSnapshotStatuses
// (DescribeDBClusterSnapshots) until AWS no longer finds it. Each family member configures it (rdsClusters.ts passes
// its label, client and commands).
import type { DeleteSupport } from './deletion';
import type { ApiCall } from './forms';
import { rdsDeleteErrorExplainer } from './rdsDeleteErrors';
import type { AwsContext, Snapshot, TrackedState } from './service';
import * as l10n from '../l10n';

export const DELETE_CLUSTER_SNAPSHOT = 'DeleteDBClusterSnapshot';

interface DeleteInput {
  DBClusterSnapshotIdentifier: string;
}
interface DeleteOutput {
  readonly DBClusterSnapshot?: { readonly DBClusterSnapshotIdentifier?: string; readonly Status?: string } | undefined;
}

/** The SDK command the delete sends (both SDKs' fit). */
export interface RdsDeleteCommands {
  readonly DeleteDBClusterSnapshotCommand: new (input: DeleteInput) => object;
}

export interface RdsDeleteConfig {
  /** The family member's name in sentences, e.g. "DocumentDB". */
  readonly label: string;
  client(ctx: AwsContext): Promise<{
    send(command: object, options: { abortSignal?: AbortSignal | undefined }): Promise<object>;
  }>;
  commands(): Promise<RdsDeleteCommands>;
}

/** The snapshot's SnapshotType (its `kind`, the tree's "Type" detail); automated ones are also named `rds:<cluster>-<date>`. */
export function clusterSnapshotType(snapshot: Snapshot): string | undefined {
  const type = snapshot.kind ?? snapshot.details.find(([label]) => label === 'Type')?.[1];
  return type ?? (snapshot.id.startsWith('rds:') ? 'automated' : undefined);
}

/**
 * Why a cluster snapshot cannot be deleted here: automated ones (AWS deletes them), AWS Backup's (deleted through AWS
 * Backup), one still being created (or copied) and one already being deleted. Available and failed manual snapshots
 * can be deleted.
 */
export function clusterSnapshotDeleteRefusal(snapshot: Snapshot): string | undefined {
  switch (clusterSnapshotType(snapshot)) {
    case 'automated':
      return l10n.t(
        "{0} is an automated snapshot: AWS deletes it when the cluster's backup retention period ends, or with the cluster (only manual snapshots can be deleted; copy it to keep it)",
        snapshot.name,
      );
    case 'awsbackup':
      return l10n.t('{0} is managed by AWS Backup: delete its recovery point in AWS Backup', snapshot.name);
    default:
      break;
  }
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

/** The one request: the snapshot's identifier. */
function calls(snapshot: Snapshot): [ApiCall & { readonly input: DeleteInput }] {
  return [{ operation: DELETE_CLUSTER_SNAPSHOT, input: { DBClusterSnapshotIdentifier: snapshot.id } }];
}

export function rdsDelete(config: RdsDeleteConfig): DeleteSupport {
  return {
    operation: DELETE_CLUSTER_SNAPSHOT,
    // The delete itself, then the read that follows it (the tracker and the confirmation's check of what the cluster
    // keeps: DescribeDBClusterSnapshots). DocumentDB's and Neptune's actions have the `rds:` prefix.
    iamActions: ['rds:DeleteDBClusterSnapshot', 'rds:DescribeDBClusterSnapshots'],
    refusal: clusterSnapshotDeleteRefusal,
    calls,

    async send(ctx, snapshot): Promise<TrackedState | 'gone'> {
      // Built by calls(): what the log shows is what is sent.
      const [call] = calls(snapshot);
      const { DeleteDBClusterSnapshotCommand } = await config.commands();
      const client = await config.client(ctx);
      // The SDK's typed output of that command; the config's client erases it to keep one client type for the family.
      const out = (await client.send(new DeleteDBClusterSnapshotCommand({ ...call.input }), {
        abortSignal: ctx.signal,
      })) as DeleteOutput;
      // AWS answers the snapshot as it was when the deletion began (the API reference's sample says `available`), then
      // lists it as `deleting` until it is gone; `deleted` (as DeleteDBSnapshot answers) means it is gone already.
      if (out.DBClusterSnapshot?.Status === 'deleted') return 'gone';
      return { id: snapshot.id, state: 'deleting', status: 'deleting' };
    },

    explainError: rdsDeleteErrorExplainer(config.label),
  };
}
