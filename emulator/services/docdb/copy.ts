/**
 * The RDS family's CopyDBClusterSnapshot (DocumentDB, Neptune), served in the DESTINATION region (the request's). The
 * source is an identifier of this region or the ARN of a snapshot of this account in any region (the account state
 * holds every region). A cross-region request needs a valid pre-signed URL (../presignedUrl: CopyDBClusterSnapshot to
 * the source region's `rds`, the same source, unexpired, correctly signed), else InvalidParameterValue. The copy is
 * `creating` for the snapshot time, then `available`, and counts against the destination's manual-snapshot quota.
 *
 * KMS, the emulator's rule (src/validation/copyRules, as the extension checks it): an encrypted snapshot copied to
 * another region needs KmsKeyId (InvalidParameterValue without); KmsKeyId with an unencrypted snapshot is
 * InvalidParameterCombination (the API reference: "an error is returned"); a key id that is not one of the documented
 * forms, or an ARN of another region or account, is KMSKeyNotAccessibleFault; any other well-formed key is accessible.
 */
import { kmsKeyForm, validateKmsKeyId } from '../../../src/validation/copyRules';
import { ApiError } from '../../protocols/types';
import { regionState } from '../../state/types';
import { presignedUrlProblem } from '../presignedUrl';
import { type CallContext, type Handler } from '../types';
import { invalid, snapshotNotFound, snapshotStatus, snapshotView, type Tag } from './operations';
import { identifierOrArn, type RdsRules } from './rules';
import { type DocDbSnapshotRecord, rdsClustersIn, rdsQuotas } from './state';

const sourceArn = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):cluster-snapshot:(.+)$/;

/** The documented rules of the copy's own input (the target identifier, the tags). */
export function checkCopyInput(rules: RdsRules, input: Record<string, unknown>): void {
  rules.checkIdentifier('TargetDBClusterSnapshotIdentifier', input.TargetDBClusterSnapshotIdentifier as string);
  rules.checkTags(input.Tags as Tag[] | undefined);
}

const kmsNotAccessible = (message: string) => new ApiError('KMSKeyNotAccessibleFault', 400, message);

function checkKey(ctx: CallContext, source: DocDbSnapshotRecord, key: string | undefined, crossRegion: boolean) {
  if (key === undefined) {
    if (crossRegion && source.storageEncrypted) {
      throw invalid('KmsKeyId must be specified to copy an encrypted cluster snapshot to another region.');
    }
    return;
  }
  if (!source.storageEncrypted) {
    throw new ApiError(
      'InvalidParameterCombination',
      400,
      'KmsKeyId cannot be specified when copying an unencrypted cluster snapshot.',
    );
  }
  const issue = validateKmsKeyId(key, ctx.region, true).find((i) => i.severity === 'error');
  if (issue) throw kmsNotAccessible(`The specified KMS key ${key} cannot be used in ${ctx.region}: ${issue.message}`);
  const form = kmsKeyForm(key);
  if (form.form !== 'invalid' && form.region !== undefined && form.account !== ctx.account.accountId) {
    throw kmsNotAccessible(`The specified KMS key ${key} is not accessible to this account.`);
  }
}

function copyClusterSnapshot(ctx: CallContext, input: Record<string, unknown>): Record<string, unknown> {
  const sourceText = input.SourceDBClusterSnapshotIdentifier as string;
  const arn = sourceArn.exec(sourceText);
  const sourceRegion = arn?.[1] ?? ctx.region;
  const sourceId = identifierOrArn('SourceDBClusterSnapshotIdentifier', sourceText, 'cluster-snapshot');
  const crossRegion = sourceRegion !== ctx.region;
  const key = input.KmsKeyId as string | undefined;
  if (crossRegion) {
    const problem = presignedUrlProblem(input.PreSignedUrl as string | undefined, {
      action: 'CopyDBClusterSnapshot',
      service: 'rds',
      sourceRegion,
      destinationRegion: ctx.region,
      params: { SourceDBClusterSnapshotIdentifier: sourceText, ...(key === undefined ? {} : { KmsKeyId: key }) },
      now: ctx.now,
    });
    if (problem) {
      throw invalid(`A cross-region copy needs a valid PreSignedUrl for ${sourceRegion}: ${problem}.`);
    }
  }
  // Another account's snapshot, or a region the account never used: not found (the emulator has one account).
  const here = !arn || arn[2] === ctx.account.accountId;
  const sourceState = !crossRegion
    ? ctx.state
    : ctx.account.regions.has(sourceRegion)
      ? regionState(ctx.account, sourceRegion)
      : undefined;
  const source = here && sourceState ? rdsClustersIn(sourceState).snapshots.find((s) => s.id === sourceId) : undefined;
  if (!source) throw snapshotNotFound(sourceId);
  const status = snapshotStatus(source, ctx.now);
  if (status !== 'available') {
    throw new ApiError(
      'InvalidDBClusterSnapshotStateFault',
      400,
      `DBClusterSnapshot ${sourceId} is in ${status} state; only an available snapshot can be copied.`,
    );
  }
  const targetId = (input.TargetDBClusterSnapshotIdentifier as string).toLowerCase();
  const { snapshots } = rdsClustersIn(ctx.state);
  if (snapshots.some((s) => s.id === targetId)) {
    throw new ApiError(
      'DBClusterSnapshotAlreadyExistsFault',
      400,
      `Cannot copy the cluster snapshot because one with the identifier ${targetId} already exists.`,
    );
  }
  checkKey(ctx, source, key, crossRegion);
  const quota = rdsQuotas(ctx.account).manualSnapshots;
  if (snapshots.filter((s) => s.type === 'manual').length >= quota) {
    throw new ApiError('SnapshotQuotaExceeded', 400, `Cannot create more than ${quota} manual snapshots`);
  }
  const tags = new Map<string, string>();
  if (input.CopyTags === true) for (const t of source.tags) tags.set(t.Key, t.Value);
  for (const t of (input.Tags as Tag[] | undefined) ?? []) tags.set(t.Key, t.Value);
  const copy: DocDbSnapshotRecord = {
    id: targetId,
    clusterId: source.clusterId,
    engine: source.engine,
    engineVersion: source.engineVersion,
    type: 'manual',
    clusterCreateTime: source.clusterCreateTime,
    port: source.port,
    masterUsername: source.masterUsername,
    storageEncrypted: source.storageEncrypted,
    // An encrypted copy uses the key the request names (required across regions), else the source's.
    kmsKeyId: source.storageEncrypted ? (key ?? source.kmsKeyId) : undefined,
    allocatedStorage: source.allocatedStorage,
    startedAt: ctx.now,
    readyAt: ctx.now + ctx.snapshotMs,
    tags: [...tags].map(([Key, Value]) => ({ Key, Value })),
  };
  snapshots.push(copy);
  return { DBClusterSnapshot: snapshotView(ctx, copy) };
}

export const copyOperations: Readonly<Record<string, Handler>> = {
  CopyDBClusterSnapshot: copyClusterSnapshot,
};
