// SimSpace Weaver CreateSnapshot: Destination.BucketName and Destination.ObjectKeyPrefix (no name, no tags), from the
// model's BucketName and ObjectKeyPrefix shapes plus the S3 bucket naming rules; and the key the snapshot gets.
import { checkLength, withModel } from './checks';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { validateBucketName } from './s3Bucket';
import { issue, utf8Length } from './text';
import type { InputField, Issue, ServiceInputRules } from './types';
import * as l10n from '../l10n';

const model = modelConstraints.simspaceweaver;
const bucketModel = compileConstraint(model['Destination.BucketName'], true);
const prefixModel = compileConstraint(model['Destination.ObjectKeyPrefix'], true);

const pad = (n: number): string => String(n).padStart(2, '0');

/** How the time stamp in a snapshot's file name reads before AWS has taken it (the UTC time it takes it). */
export const simSpaceWeaverStampPattern = 'YYMMdd-HHmm-ss';

/**
 * The file name SimSpace Weaver gives a snapshot object: `<simulation>-YYMMdd-HHmm-ss.zip`, the UTC time it took the
 * snapshot, to the second (cut, not rounded). Without a date: the stamp's pattern. The tree, Snapshot Activity, the
 * notifications and the create flow's confirmation all name a SimSpace Weaver snapshot by it.
 */
export function simSpaceWeaverSnapshotFile(simulation: string, date?: Date): string {
  const stamp = date
    ? `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
      `-${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}-${pad(date.getUTCSeconds())}`
    : simSpaceWeaverStampPattern;
  return `${simulation}-${stamp}.zip`;
}

/**
 * The S3 object key SimSpace Weaver writes: `<prefix>/snapshot/<simulation>-YYMMdd-HHmm-ss.zip` in UTC, or
 * `snapshot/…` when there is no prefix (the emulator writes its objects with this function too).
 */
export function simSpaceWeaverSnapshotKey(prefix: string, simulation: string, date?: Date): string {
  const file = l10n.t('snapshot/{0}', simSpaceWeaverSnapshotFile(simulation, date));
  return prefix === '' ? file : `${prefix}/${file}`;
}

function validateBucket(value: string): Issue[] {
  return withModel(validateBucketName(value), bucketModel, value, l10n.t('Bucket names'));
}

/** S3 object keys are at most 1024 bytes of UTF-8; the shortest key after the prefix is `/snapshot/x-YYMMdd-HHmm-ss.zip`. */
const s3KeyMaxBytes = 1024;
const shortestTail = utf8Length(`/${simSpaceWeaverSnapshotKey('', 'x', new Date(0))}`);

function validatePrefix(value: string): Issue[] {
  const { max } = model['Destination.ObjectKeyPrefix'];
  const issues = checkLength(value, 0, max, l10n.t('Object key prefixes'));
  const bytes = utf8Length(value);
  if (issues.length === 0 && bytes + shortestTail > s3KeyMaxBytes) {
    issues.push(
      issue(
        'warning',
        l10n.t(
          "With this prefix ({0} bytes in UTF-8) the snapshot's object key would exceed S3's {1}-byte key limit.",
          bytes,
          s3KeyMaxBytes,
        ),
        0,
        value.length,
      ),
    );
  }
  return withModel(issues, prefixModel, value, l10n.t('Object key prefixes'));
}

const bucket: InputField = {
  key: 'BucketName',
  kind: 'bucket',
  get label(): string {
    return l10n.t('Destination S3 bucket');
  },
  placeholder: 'e.g. my-simulation-snapshots',
  get prompt(): string {
    return l10n.t("An existing bucket in the simulation's region: 3–63 lowercase letters, digits, dots and hyphens");
  },
  required: model['Destination.BucketName'].required,
  length: { min: model['Destination.BucketName'].min, max: model['Destination.BucketName'].max },
  validate: validateBucket,
};

const prefix: InputField = {
  key: 'ObjectKeyPrefix',
  kind: 'prefix',
  get label(): string {
    return l10n.t('Object key prefix (optional)');
  },
  placeholder: 'e.g. snapshots/2026',
  get prompt(): string {
    return l10n.t('Optional folder in the bucket, at most {0} characters', model['Destination.ObjectKeyPrefix'].max);
  },
  required: model['Destination.ObjectKeyPrefix'].required,
  length: { min: model['Destination.ObjectKeyPrefix'].min, max: model['Destination.ObjectKeyPrefix'].max },
  validate: validatePrefix,
};

export const simSpaceWeaverRules: ServiceInputRules = {
  modelMembers: ['Destination.BucketName', 'Destination.ObjectKeyPrefix'],
  fields: [bucket, prefix],
};
