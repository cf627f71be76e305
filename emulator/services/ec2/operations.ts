/** EC2's operations: DescribeSnapshots of the EBS snapshots, with EC2's filters, ids and paging rules. */
import { ApiError } from '../../protocols/types';
import { isReady, percentDone } from '../../state/lifecycle';
import { pageOf } from '../paging';
import { type CallContext, type Handler } from '../types';
import { type EbsSnapshotRecord, ebsSnapshotsIn } from './state';

type Filter = { Name: string; Values?: string[] };
export const invalid = (message: string) => new ApiError('InvalidParameterValue', 400, message);

function snapshotState(s: EbsSnapshotRecord, now: number): string {
  return s.fixedState ?? (isReady(s, now) ? 'completed' : 'pending');
}

function snapshotView(ctx: CallContext, s: EbsSnapshotRecord): Record<string, unknown> {
  return {
    SnapshotId: s.id,
    VolumeId: s.volumeId,
    State: snapshotState(s, ctx.now),
    StartTime: new Date(s.startedAt),
    Progress: `${s.fixedState ? 0 : percentDone(s, ctx.now)}%`,
    OwnerId: ctx.account.accountId,
    Description: s.description,
    VolumeSize: s.volumeSize,
    Encrypted: s.encrypted,
    // An encrypted snapshot names its key: its own, else the region's default aws/ebs key (a fixed id here).
    KmsKeyId: s.encrypted
      ? (s.kmsKeyId ?? `arn:aws:kms:${ctx.region}:${ctx.account.accountId}:key/0e0e0e0e-5eed-4ebc-8b00-000000000eb5`)
      : undefined,
    StorageTier: 'standard',
    Tags: s.tags.length ? s.tags : undefined,
  };
}

/** EC2 filters supported here; every other documented filter name is answered with InvalidParameterValue. */
function filterField(ctx: CallContext, name: string): ((s: EbsSnapshotRecord) => string) | undefined {
  const fields: Record<string, (s: EbsSnapshotRecord) => string> = {
    'volume-id': (s) => s.volumeId,
    'snapshot-id': (s) => s.id,
    status: (s) => snapshotState(s, ctx.now),
    description: (s) => s.description,
    'owner-id': () => ctx.account.accountId,
    encrypted: (s) => String(s.encrypted),
    progress: (s) => `${percentDone(s, ctx.now)}%`,
  };
  if (fields[name]) return fields[name];
  const tag = /^tag:(.+)$/.exec(name);
  return tag ? (s) => s.tags.find((t) => t.Key === tag[1])?.Value ?? '\u0000' : undefined;
}

export const ec2Operations: Readonly<Record<string, Handler>> = {
  DescribeSnapshots(ctx, input) {
    const ids = input.SnapshotIds as string[] | undefined;
    const max = input.MaxResults as number | undefined;
    if (ids?.length && max !== undefined) {
      throw new ApiError(
        'InvalidParameterCombination',
        400,
        'The parameter snapshotSet cannot be used with the parameter maxResults',
      );
    }
    if (max !== undefined && max < 5)
      throw invalid(`Value ( ${max} ) for parameter maxResults is invalid. Expect a number between 5 and 1000.`);
    let snapshots = [...ebsSnapshotsIn(ctx.state)];
    for (const id of ids ?? []) {
      if (!/^snap-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id)) throw invalid(`Invalid id: "${id}" (expecting "snap-...")`);
      if (!snapshots.some((s) => s.id === id))
        throw new ApiError('InvalidSnapshot.NotFound', 400, `The snapshot '${id}' does not exist.`);
    }
    if (ids?.length) snapshots = snapshots.filter((s) => ids.includes(s.id));
    const owners = input.OwnerIds as string[] | undefined;
    if (owners?.length && !owners.some((o) => o === 'self' || o === ctx.account.accountId)) snapshots = [];
    for (const f of (input.Filters as Filter[] | undefined) ?? []) {
      // tag-key matches any of a snapshot's tag keys; every other filter one field.
      const field = f.Name === 'tag-key' ? undefined : filterField(ctx, f.Name);
      if (!field && f.Name !== 'tag-key') throw invalid(`The filter '${f.Name}' is invalid`);
      const values = f.Values ?? [];
      const patterns = values.map(
        (v) =>
          new RegExp(
            `^${v
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '.*')
              .replace(/\?/g, '.')}$`,
          ),
      );
      snapshots = snapshots.filter((s) =>
        field ? patterns.some((p) => p.test(field(s))) : s.tags.some((t) => patterns.some((p) => p.test(t.Key))),
      );
    }
    if (max === undefined && input.NextToken === undefined)
      return { Snapshots: snapshots.map((s) => snapshotView(ctx, s)) };
    const result = pageOf(
      snapshots,
      input.NextToken as string | undefined,
      Math.min(max ?? 1000, 1000),
      `snapshots:${JSON.stringify(input.Filters ?? [])}`,
    );
    if (!result) throw invalid('The token is not valid for this request.');
    return { Snapshots: result.items.map((s) => snapshotView(ctx, s)), NextToken: result.next };
  },
};
