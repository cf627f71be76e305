// The RDS family's copy to another region (DocumentDB, Neptune Database): CopyDBClusterSnapshot sent by a client of
// the DESTINATION region with the source snapshot's ARN. `prepare` reads the source snapshot in its own region (its
// ARN, whether it is encrypted); the form asks the copy's identifier (refused on Enter when the destination already
// has it), a KMS key of the destination region for an encrypted snapshot, CopyTags and tags. Each family member
// configures it (rdsClusters.ts passes its label, client, commands, identifier and tag rules).
import { rdsCopyIdentifierDefault, rdsCopyModelMembers, validateKmsKeyId } from '../validation/copyRules';
import type { Issue, TagRules } from '../validation/types';
import { isErrorNamed, tagList } from './common';
import { copyRefusal, type CopyErrorContext, type CopySupport } from './copy';
import type { ErrorFacts } from './errorText';
import type { FormField, FormInput, FormResult, OperationForm } from './forms';
import { toClusterSnapshot, type RdsClusterSnapshot } from './rdsClusterViews';
import type { AwsContext } from './service';
import * as l10n from '../l10n';

/** The value keys: the API members they go to. */
export const copyKeys = {
  target: 'TargetDBClusterSnapshotIdentifier',
  kmsKey: 'KmsKeyId',
  copyTags: 'CopyTags',
} as const;

/** The AWS managed key DocumentDB and Neptune encrypt with by default (it exists in every region). */
export const RDS_MANAGED_KEY = 'alias/aws/rds';

/** CopyDBClusterSnapshot's input as the family sends it (both SDKs' input accepts it). */
export type CopyClusterSnapshotInput = {
  SourceDBClusterSnapshotIdentifier: string;
  TargetDBClusterSnapshotIdentifier: string;
  KmsKeyId?: string;
  CopyTags?: boolean;
  Tags?: Array<{ Key: string; Value: string }>;
};

/** The SDK commands the copy sends (both SDKs' commands fit). */
export interface RdsCopyCommands {
  readonly DescribeDBClusterSnapshotsCommand: new (input: { DBClusterSnapshotIdentifier?: string }) => object;
  readonly CopyDBClusterSnapshotCommand: new (input: CopyClusterSnapshotInput) => object;
}

/** What a family member declares to copy: its identifier rules, tag rules and error sentences. */
export interface RdsCopyMember {
  validateIdentifier(value: string): Issue[];
  readonly tags: TagRules;
  explainError(facts: ErrorFacts, context: CopyErrorContext): string | undefined;
}

interface Sender {
  send(command: object, options: { abortSignal?: AbortSignal | undefined }): Promise<object>;
}

export interface RdsCopyConfig {
  /** The family member's service id (the copy's Snapshot is of it). */
  readonly id: string;
  readonly label: string;
  readonly copy: RdsCopyMember;
  client(ctx: AwsContext): Promise<Sender>;
  commands(): Promise<RdsCopyCommands>;
}

/** A source snapshot as DescribeDBClusterSnapshots answers, with what the copy needs. */
interface SourceRead extends RdsClusterSnapshot {
  readonly StorageEncrypted?: boolean | undefined;
}

export function rdsCopy(config: RdsCopyConfig): CopySupport {
  const { label } = config;
  const call = async <T>(ctx: AwsContext, command: object, signal = ctx.signal): Promise<T> =>
    (await (await config.client(ctx)).send(command, { abortSignal: signal })) as T;

  return {
    operation: 'CopyDBClusterSnapshot',
    iamActions: [
      'rds:CopyDBClusterSnapshot',
      'rds:DescribeDBClusterSnapshots',
      'rds:AddTagsToResource',
      'kms:CreateGrant',
      'kms:DescribeKey',
    ],
    modelMembers: rdsCopyModelMembers,
    refusal: copyRefusal,
    explainError: config.copy.explainError,

    async prepare(ctx, snapshot, _source, destination): Promise<OperationForm> {
      const c = await config.commands();
      let read: SourceRead | undefined;
      try {
        const out = await call<{ DBClusterSnapshots?: readonly SourceRead[] }>(
          ctx,
          new c.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: snapshot.id }),
        );
        read = out.DBClusterSnapshots?.[0];
      } catch (error) {
        if (!isErrorNamed(error, 'DBClusterSnapshotNotFoundFault')) throw error;
      }
      if (!read)
        throw new Error(l10n.t('Snapshot {0} no longer exists in {1}. Refresh the tree.', snapshot.id, ctx.region));
      const arn = read.DBClusterSnapshotArn ?? snapshot.arn;
      const crossRegion = destination !== ctx.region;
      if (crossRegion && !arn) throw new Error(l10n.t('{0} did not give the ARN of snapshot {1}.', label, snapshot.id));
      const encrypted = read.StorageEncrypted === true;
      const there: AwsContext = { ...ctx, region: destination };

      const fields: FormField[] = [
        {
          key: copyKeys.target,
          kind: 'text',
          label: l10n.t('Copy identifier'),
          prompt: l10n.t(
            "The copy's identifier in {0}: 1–63 letters, digits and single hyphens; starts with a letter, no trailing hyphen; stored in lowercase",
            destination,
          ),
          placeholder: 'e.g. orders-prod-before-upgrade-copy',
          required: true,
          defaultValue: {
            value: rdsCopyIdentifierDefault(snapshot.id),
            source: l10n.t("the source snapshot's identifier"),
          },
          validate: (value) => config.copy.validateIdentifier(value),
          accept: async (value, signal) => {
            const id = value.toLowerCase();
            try {
              await call<object>(
                there,
                new c.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id }),
                signal,
              );
            } catch (error) {
              if (isErrorNamed(error, 'DBClusterSnapshotNotFoundFault')) return undefined;
              throw error;
            }
            return l10n.t(
              'A cluster snapshot named {0} already exists in {1} (DocumentDB, Neptune and RDS share snapshot identifiers). Choose another identifier.',
              id,
              destination,
            );
          },
        },
        ...(encrypted
          ? [
              {
                key: copyKeys.kmsKey,
                kind: 'text',
                label: l10n.t('KMS key in {0}', destination),
                prompt: crossRegion
                  ? l10n.t(
                      'The snapshot is encrypted: a KMS key of {0} to encrypt the copy (key id, alias/…, or key or alias ARN)',
                      destination,
                    )
                  : l10n.t("A KMS key to encrypt the copy (empty: the source snapshot's key)"),
                placeholder: l10n.t('e.g. alias/aws/rds or 1234abcd-12ab-34cd-56ef-1234567890ab'),
                required: crossRegion,
                defaultValue: crossRegion
                  ? { value: RDS_MANAGED_KEY, source: l10n.t('the AWS managed key of {0} in {1}', label, destination) }
                  : undefined,
                validate: (value: string) => validateKmsKeyId(value, destination, crossRegion),
              } satisfies FormField,
            ]
          : []),
        {
          key: copyKeys.copyTags,
          kind: 'toggle',
          label: l10n.t('Copy tags'),
          prompt: l10n.t("Copy the source snapshot's tags to the copy (the tags you add below are added to them)"),
          placeholder: l10n.t('true or false'),
          required: true,
          defaultValue: { value: 'true', source: l10n.t('a copy usually keeps what its source was tagged with') },
          validate: (value) =>
            value === 'true' || value === 'false' ? [] : [{ severity: 'error', message: "Answer 'true' or 'false'." }],
        },
      ];

      const form: OperationForm = {
        fields,
        tags: config.copy.tags,
        nameField: copyKeys.target,
        calls(input: FormInput) {
          const v = input.values;
          const kms = encrypted ? (v[copyKeys.kmsKey] ?? '') : '';
          const tags = tagList(input.tags);
          // Exactly what is sent. The SDK (middleware-sdk-rds) adds PreSignedUrl when the ARN's region is not the
          // client's: a CopyDBClusterSnapshot request to the source region, signed there with the same credentials.
          // SourceRegion is no member of these SDKs' input or of the API: botocore takes it client-side only.
          const request: CopyClusterSnapshotInput = {
            SourceDBClusterSnapshotIdentifier: crossRegion ? (arn ?? snapshot.id) : snapshot.id,
            TargetDBClusterSnapshotIdentifier: (v[copyKeys.target] ?? '').toLowerCase(),
            ...(kms === '' ? {} : { KmsKeyId: kms }),
            CopyTags: v[copyKeys.copyTags] !== 'false',
            ...(tags ? { Tags: tags } : {}),
          };
          return [{ operation: 'CopyDBClusterSnapshot', input: request }];
        },
        async send(input, signal): Promise<FormResult> {
          const [request] = form.calls(input);
          if (!request) throw new Error(l10n.t('A copy makes one call'));
          // calls() built it as CopyClusterSnapshotInput; ApiCall erases its type to one record type.
          const copyInput = request.input as unknown as CopyClusterSnapshotInput;
          const out = await call<{ DBClusterSnapshot?: RdsClusterSnapshot }>(
            there,
            new c.CopyDBClusterSnapshotCommand(copyInput),
            signal ?? ctx.signal,
          );
          const made = toClusterSnapshot(config.id, {
            Status: 'creating',
            ...out.DBClusterSnapshot,
            DBClusterSnapshotIdentifier:
              out.DBClusterSnapshot?.DBClusterSnapshotIdentifier ?? copyInput.TargetDBClusterSnapshotIdentifier,
          });
          return { id: made.id, name: made.name, state: made.state, status: made.status, progress: made.progress };
        },
      };
      return form;
    },
  };
}
