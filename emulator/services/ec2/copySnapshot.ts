/**
 * EC2 CopySnapshot, served in the DESTINATION region (the request's) from a snapshot of SourceRegion (the account
 * state holds every region). As the API reference documents it:
 * - PresignedUrl (CopySnapshot to the source region's `ec2`, the same SourceRegion and SourceSnapshotId, unexpired,
 *   correctly signed: ../presignedUrl) must be given for an ENCRYPTED snapshot of another region (refused at once,
 *   InvalidParameterValue); it is optional for an unencrypted one; a URL that is given but invalid or improperly signed
 *   makes the copy fail asynchronously: it is accepted and its state is `error`.
 * - A KMS key that is not valid (not a documented form, or an ARN of another region: src/validation/copyRules) also
 *   fails asynchronously (`error`); KmsKeyId without encryption (Encrypted, or an encrypted source) is
 *   InvalidParameterDependency.
 * - The copy is `pending` (Progress counting up) for the snapshot time, then `completed`; its volume id is the
 *   arbitrary vol-ffffffff. A missing source is InvalidSnapshot.NotFound, one not completed IncorrectState, more than
 *   20 copies in progress in the destination ResourceLimitExceeded.
 */
import { ec2TagRules, validateEbsDescription, validateKmsKeyId } from '../../../src/validation/copyRules';
import { ApiError } from '../../protocols/types';
import { isReady } from '../../state/lifecycle';
import { regionState } from '../../state/types';
import { presignedUrlProblem } from '../presignedUrl';
import { firstTagProblem, fromTagList } from '../tagChecks';
import { type CallContext } from '../types';
import { invalid } from './operations';
import { type EbsSnapshotRecord, ebsSnapshotsIn, newEbsSnapshotId } from './state';

/** EBS: at most 20 concurrent snapshot copies to one destination region. */
const MAX_CONCURRENT_COPIES = 20;
const COPY_VOLUME_ID = 'vol-ffffffff';

type TagSpecification = { ResourceType?: string; Tags?: { Key?: string; Value?: string }[] };

const isPending = (s: EbsSnapshotRecord, now: number) => s.fixedState === undefined && !isReady(s, now);

function copyTags(specs: TagSpecification[] | undefined): { Key: string; Value: string }[] {
  const tags: { Key: string; Value: string }[] = [];
  for (const spec of specs ?? []) {
    if (spec.ResourceType !== 'snapshot') {
      throw invalid(
        `The resource type '${spec.ResourceType ?? ''}' is not supported for CopySnapshot; use 'snapshot'.`,
      );
    }
    tags.push(...fromTagList(spec.Tags).map((t) => ({ Key: t.key, Value: t.value })));
  }
  const problem = firstTagProblem(
    ec2TagRules,
    tags.map((t) => ({ key: t.Key, value: t.Value })),
  );
  if (problem) throw invalid(problem);
  return tags;
}

export function copySnapshot(ctx: CallContext, input: Record<string, unknown>): Record<string, unknown> {
  const sourceRegion = input.SourceRegion as string;
  const sourceId = input.SourceSnapshotId as string;
  if (!/^snap-[0-9a-f]{8}([0-9a-f]{9})?$/.test(sourceId))
    throw invalid(`Invalid id: "${sourceId}" (expecting "snap-...")`);
  const description = input.Description as string | undefined;
  const descriptionError = validateEbsDescription(description ?? '').find((i) => i.severity === 'error');
  if (descriptionError) throw invalid(`Value for parameter description is invalid: ${descriptionError.message}`);
  const tags = copyTags(input.TagSpecifications as TagSpecification[] | undefined);
  const sourceState = ctx.account.regions.has(sourceRegion) ? regionState(ctx.account, sourceRegion) : undefined;
  const source = sourceState ? ebsSnapshotsIn(sourceState).find((s) => s.id === sourceId) : undefined;
  if (!source) throw new ApiError('InvalidSnapshot.NotFound', 400, `The snapshot '${sourceId}' does not exist.`);
  const sourceStateNow = source.fixedState ?? (isReady(source, ctx.now) ? 'completed' : 'pending');
  if (sourceStateNow !== 'completed') {
    throw new ApiError('IncorrectState', 400, `Snapshot is in invalid state - ${sourceStateNow}`);
  }
  const encrypted = source.encrypted || input.Encrypted === true;
  const key = input.KmsKeyId as string | undefined;
  if (key !== undefined && !encrypted) {
    throw new ApiError(
      'InvalidParameterDependency',
      400,
      'The parameter KmsKeyId requires the parameter Encrypted to be set.',
    );
  }
  const url = input.PresignedUrl as string | undefined;
  const crossRegion = sourceRegion !== ctx.region;
  if (crossRegion && source.encrypted && (url === undefined || url === '')) {
    throw invalid('PresignedUrl is required to copy an encrypted snapshot from another region.');
  }
  const urlProblem =
    url === undefined || url === ''
      ? undefined
      : presignedUrlProblem(url, {
          action: 'CopySnapshot',
          service: 'ec2',
          sourceRegion,
          destinationRegion: ctx.region,
          params: { SourceRegion: sourceRegion, SourceSnapshotId: sourceId },
          now: ctx.now,
        });
  const keyProblem =
    key === undefined ? undefined : validateKmsKeyId(key, ctx.region, false).find((i) => i.severity === 'error');
  const snapshots = ebsSnapshotsIn(ctx.state);
  if (snapshots.filter((s) => s.volumeId === COPY_VOLUME_ID && isPending(s, ctx.now)).length >= MAX_CONCURRENT_COPIES) {
    throw new ApiError(
      'ResourceLimitExceeded',
      400,
      `You have reached the limit of ${MAX_CONCURRENT_COPIES} concurrent snapshot copies to ${ctx.region}.`,
    );
  }
  const copy: EbsSnapshotRecord = {
    id: newEbsSnapshotId(ctx),
    volumeId: COPY_VOLUME_ID,
    description: description ?? `[Copied ${sourceId} from ${sourceRegion}]`,
    volumeSize: source.volumeSize,
    encrypted,
    // The key the request names, else (same region) the source's; else the region's default key.
    kmsKeyId: key ?? (crossRegion ? undefined : source.kmsKeyId),
    startedAt: ctx.now,
    readyAt: ctx.now + ctx.snapshotMs,
    // An invalid pre-signed URL or key: accepted, then failed (the emulator fails it at once).
    ...(urlProblem || keyProblem ? { fixedState: 'error' } : {}),
    tags,
  };
  snapshots.push(copy);
  return { SnapshotId: copy.id, ...(tags.length ? { Tags: tags } : {}) };
}
