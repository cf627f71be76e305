// Storage Gateway's copy to another region: a volume's EBS snapshot copied with EC2 CopySnapshot, sent by an EC2
// client of the DESTINATION region with SourceRegion and SourceSnapshotId (the SDK adds the pre-signed URL). `prepare`
// reads the source snapshot in its own region (description, encryption, tags); the form asks the copy's description,
// whether to encrypt an unencrypted snapshot, a KMS key of the destination region, and tags. The copy is tracked
// by snapshot id with the service's getSnapshotStatuses in the destination (no volume is needed there).
import type { Snapshot as Ec2Snapshot } from '@aws-sdk/client-ec2';
import { ec2Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import {
  ebsCopyDescriptionDefault,
  ebsCopyModelMembers,
  ec2TagRules,
  validateEbsDescription,
  validateKmsKeyId,
} from '../validation/copyRules';
import type { Tag } from '../validation/types';
import { copyRefusal, type CopySupport } from './copy';
import type { FormField, FormInput, FormResult, OperationForm } from './forms';
import type { AwsContext } from './service';
import { explainStorageGatewayCopyError } from './storageGatewayCopyErrors';
import * as l10n from '../l10n';

/** The value keys: the API members they go to. */
export const ebsCopyKeys = { description: 'Description', encrypted: 'Encrypted', kmsKey: 'KmsKeyId' } as const;

type Values = Readonly<Record<string, string>>;

/** CopySnapshot's input as it is built here (the SDK's CopySnapshotRequest accepts it). */
export type EbsCopyInput = {
  SourceRegion: string;
  SourceSnapshotId: string;
  Description?: string;
  Encrypted?: boolean;
  KmsKeyId?: string;
  TagSpecifications?: Array<{ ResourceType: 'snapshot'; Tags: Array<{ Key: string; Value: string }> }>;
};

async function readSource(ctx: AwsContext, snapshotId: string): Promise<Ec2Snapshot | undefined> {
  const { DescribeSnapshotsCommand } = await loadSdk();
  const client = await ctx.clients.get(ec2Client, ctx.profile, ctx.region);
  const out = await client.send(
    new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'snapshot-id', Values: [snapshotId] }] }),
    { abortSignal: ctx.signal },
  );
  return (out.Snapshots ?? []).find((s) => s.SnapshotId === snapshotId);
}

/** The copy's form, built from the source snapshot as its region answered. Pure apart from `send`. */
export function ebsCopyForm(
  source: {
    readonly id: string;
    readonly region: string;
    readonly snapshot: Ec2Snapshot;
    /** The gateway volume the snapshot is of: the copy carries it in a tag (a copy's own VolumeId is arbitrary). */
    readonly volumeArn?: string;
  },
  destination: string,
  send: (input: EbsCopyInput, signal?: AbortSignal) => Promise<{ readonly SnapshotId?: string | undefined }>,
): OperationForm {
  const sourceEncrypted = source.snapshot.Encrypted === true;
  const encrypted = (v: Values) => sourceEncrypted || v[ebsCopyKeys.encrypted] === 'true';
  const toggle = (value: string) =>
    value === 'true' || value === 'false' ? [] : [{ severity: 'error' as const, message: "Answer 'true' or 'false'." }];
  const fields: FormField[] = [
    {
      key: ebsCopyKeys.description,
      kind: 'text',
      label: l10n.t('Description'),
      prompt: l10n.t("The copy's description in {0}: up to 255 characters", destination),
      placeholder: l10n.t('e.g. office-shares nightly (copy)'),
      required: true,
      defaultValue: {
        value: ebsCopyDescriptionDefault(source.snapshot.Description ?? '', source.id, source.region),
        source: l10n.t("the source snapshot's description and id"),
      },
      validate: validateEbsDescription,
    },
    ...(sourceEncrypted
      ? []
      : [
          {
            key: ebsCopyKeys.encrypted,
            kind: 'toggle',
            label: l10n.t('Encrypt the copy'),
            prompt: l10n.t(
              'The snapshot is not encrypted: encrypt its copy in {0}? (A copy of an encrypted snapshot always is.)',
              destination,
            ),
            placeholder: l10n.t('true or false'),
            required: true,
            defaultValue: { value: 'false', source: l10n.t('the source snapshot is not encrypted') },
            validate: toggle,
          } satisfies FormField,
        ]),
    {
      key: ebsCopyKeys.kmsKey,
      kind: 'text',
      label: l10n.t('KMS key in {0}', destination),
      prompt: l10n.t(
        "A KMS key of {0} for the encrypted copy (key id, alias/…, or key or alias ARN; empty: the region's default EBS key)",
        destination,
      ),
      placeholder: l10n.t('e.g. alias/aws/ebs or 1234abcd-12ab-34cd-56ef-1234567890ab'),
      required: false,
      when: encrypted,
      validate: (value) => validateKmsKeyId(value, destination, false),
    },
  ];
  const defaultTags: Tag[] = (source.snapshot.Tags ?? [])
    .map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }))
    .filter((t) => t.key !== '' && !/^aws:/iu.test(t.key));

  const form: OperationForm = {
    fields,
    tags: ec2TagRules,
    defaultTags,
    nameField: ebsCopyKeys.description,
    calls(input: FormInput) {
      const v = input.values;
      const description = v[ebsCopyKeys.description] ?? '';
      const kms = encrypted(v) ? (v[ebsCopyKeys.kmsKey] ?? '') : '';
      // The user's tags, and the source volume's ARN under SOURCE_VOLUME_TAG: how the destination region's tree finds
      // the copies of Storage Gateway snapshots among the account's EBS snapshots.
      const tags = [
        ...input.tags.filter((t) => t.key !== SOURCE_VOLUME_TAG).map((t) => ({ Key: t.key, Value: t.value })),
        ...(source.volumeArn ? [{ Key: SOURCE_VOLUME_TAG, Value: source.volumeArn }] : []),
      ];
      // Exactly what is sent. The SDK (middleware-sdk-ec2) adds PresignedUrl (this request to the source region,
      // signed there with the same credentials) and DestinationRegion (the client's region).
      const request: EbsCopyInput = {
        SourceRegion: source.region,
        SourceSnapshotId: source.id,
        ...(description === '' ? {} : { Description: description }),
        // Encrypted cannot be false: it is sent only to encrypt an unencrypted snapshot's copy.
        ...(!sourceEncrypted && v[ebsCopyKeys.encrypted] === 'true' ? { Encrypted: true } : {}),
        ...(kms === '' ? {} : { KmsKeyId: kms }),
        ...(tags.length ? { TagSpecifications: [{ ResourceType: 'snapshot', Tags: tags }] } : {}),
      };
      return [{ operation: 'CopySnapshot', input: request }];
    },
    async send(input, signal): Promise<FormResult> {
      const [request] = form.calls(input);
      if (!request) throw new Error(l10n.t('A copy makes one call'));
      // calls() built it as EbsCopyInput; ApiCall erases its type to one record type.
      const copyInput = request.input as unknown as EbsCopyInput;
      const out = await send(copyInput, signal);
      if (!out.SnapshotId) throw new Error(l10n.t('CopySnapshot of {0} returned no snapshot id', source.id));
      return {
        id: out.SnapshotId,
        name: copyInput.Description || out.SnapshotId,
        state: 'creating',
        status: 'pending',
      };
    },
  };
  return form;
}

/** The tag a copy of a Storage Gateway snapshot carries: the ARN of the volume the source snapshot is of. */
export const SOURCE_VOLUME_TAG = 'snapshot-explorer:source-volume';

export const storageGatewayCopy: CopySupport = {
  operation: 'CopySnapshot',
  iamActions: ['ec2:CopySnapshot', 'ec2:DescribeSnapshots', 'ec2:CreateTags', 'kms:CreateGrant', 'kms:DescribeKey'],
  modelMembers: ebsCopyModelMembers,
  refusal: copyRefusal,
  explainError: explainStorageGatewayCopyError,

  async prepare(ctx, snapshot, _source, destination) {
    const read = await readSource(ctx, snapshot.id);
    if (!read)
      throw new Error(l10n.t('Snapshot {0} no longer exists in {1}. Refresh the tree.', snapshot.id, ctx.region));
    const source = { id: snapshot.id, region: ctx.region, snapshot: read, volumeArn: snapshot.resourceId || undefined };
    return ebsCopyForm(source, destination, async (input, signal) => {
      const { CopySnapshotCommand } = await loadSdk();
      const client = await ctx.clients.get(ec2Client, ctx.profile, destination);
      return client.send(new CopySnapshotCommand(input), { abortSignal: signal ?? ctx.signal });
    });
  },
};
