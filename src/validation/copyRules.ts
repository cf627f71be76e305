// The rules of a copy to another region, shared by the extension and the emulator: KMS key ids of the destination
// region (the four forms the CopyDBClusterSnapshot and CopySnapshot references document: key id, alias, key ARN,
// alias ARN; a key belongs to one region), the RDS family's copy identifier default, and EC2 CopySnapshot's
// description and tags. The models type these members as plain strings; the rules are the documented ones.
import { checkCharacters, checkLength, checkPrefixes } from './checks';
import { sanitiseForIdentifier } from './defaults';
import { charClass, charLength, issue } from './text';
import type { Issue, TagRules } from './types';
import * as l10n from '../l10n';

/** CopyDBClusterSnapshot's members the RDS family's copy rules read (generated `CopyDBClusterSnapshot:<member>`). */
export const rdsCopyModelMembers: Readonly<Record<string, readonly string[]>> = {
  CopyDBClusterSnapshot: [
    'SourceDBClusterSnapshotIdentifier',
    'TargetDBClusterSnapshotIdentifier',
    'KmsKeyId',
    'CopyTags',
    'Tags',
    'Tags.member.Key',
    'Tags.member.Value',
  ],
};

/** EC2 CopySnapshot's members (Storage Gateway's copy; `ec2:` names the model they are read from). */
export const ebsCopyModelMembers: Readonly<Record<string, readonly string[]>> = {
  'ec2:CopySnapshot': [
    'SourceRegion',
    'SourceSnapshotId',
    'Description',
    'Encrypted',
    'KmsKeyId',
    'TagSpecifications',
    'TagSpecifications.member.ResourceType',
    'TagSpecifications.member.Tags.member.Key',
    'TagSpecifications.member.Tags.member.Value',
  ],
};

/** A KMS key id: a UUID, or a multi-Region key's `mrk-` and 32 hex digits (lowercase, as KMS writes them). */
const keyId = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/u;
/** An alias name after `alias/`: 1–250 letters, digits, `/`, `_` and `-` (KMS CreateAlias). */
const aliasName = /^[A-Za-z0-9/_-]{1,250}$/u;
const arnForm = /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/u;
const KMS_KEY_MAX = 2048;

/** What a KMS key id names, or why it is not one. */
export type KmsKeyForm =
  | { readonly form: 'id' | 'alias'; readonly region?: undefined }
  | { readonly form: 'key-arn' | 'alias-arn'; readonly region: string; readonly account: string }
  | { readonly form: 'invalid'; readonly reason: string };

/** The form of a KMS key id, per the documented forms (ARNs: their region and account). */
export function kmsKeyForm(value: string): KmsKeyForm {
  if (keyId.test(value)) return { form: 'id' };
  if (value.startsWith('alias/')) {
    return aliasName.test(value.slice('alias/'.length))
      ? { form: 'alias' }
      : { form: 'invalid', reason: l10n.t('an alias is alias/ and 1–250 letters, digits, / _ -') };
  }
  const arn = arnForm.exec(value);
  if (arn) {
    const [, , region = '', account = '', kind, rest = ''] = arn;
    if (kind === 'key' && !keyId.test(rest))
      return { form: 'invalid', reason: l10n.t('a key ARN ends in key/<key id>') };
    if (kind === 'alias' && !aliasName.test(rest))
      return { form: 'invalid', reason: l10n.t('an alias ARN ends in alias/<alias name>') };
    return { form: kind === 'key' ? 'key-arn' : 'alias-arn', region, account };
  }
  if (value.startsWith('arn:')) {
    return {
      form: 'invalid',
      reason: l10n.t('a KMS ARN is arn:aws:kms:<region>:<account>:key/<id> or …:alias/<name>'),
    };
  }
  return {
    form: 'invalid',
    reason: l10n.t(
      'a key id is a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab (or mrk-…), an alias starts with alias/',
    ),
  };
}

/**
 * A KMS key of the region the copy is made in. `required`: an empty value is an error (an encrypted snapshot copied to
 * another region of the RDS family needs one); otherwise empty means the service's default key.
 */
export function validateKmsKeyId(value: string, destinationRegion: string, required: boolean): Issue[] {
  const what = l10n.t('KMS keys');
  if (value === '') {
    return required
      ? [
          issue(
            'error',
            l10n.t(
              'A KMS key of {0} is required: the copy of an encrypted snapshot is encrypted with a key of its own region.',
              destinationRegion,
            ),
            0,
            0,
          ),
        ]
      : [];
  }
  const length = checkLength(value, 1, KMS_KEY_MAX, what);
  if (length.length) return length;
  const form = kmsKeyForm(value);
  if (form.form === 'invalid') return [issue('error', l10n.t('Not a KMS key: {0}.', form.reason), 0, value.length)];
  if (form.region !== undefined && form.region !== destinationRegion) {
    const start = value.indexOf(`:${form.region}:`) + 1;
    return [
      issue(
        'error',
        l10n.t(
          'This key is of {0}; KMS keys belong to one region and the copy is made in {1}: name a key of {2}.',
          form.region,
          destinationRegion,
          destinationRegion,
        ),
        start,
        start + form.region.length,
      ),
    ];
  }
  return [];
}

/** The RDS family's copy identifier default: `<source>-copy` (an automated snapshot's `rds:` dropped), ≤ 63. */
export function rdsCopyIdentifierDefault(sourceIdentifier: string, max = 63): string {
  let base = sanitiseForIdentifier(sourceIdentifier.replace(/^rds:/iu, ''));
  if (!/^[a-z]/u.test(base)) base = base === '' ? 'snapshot' : `snapshot-${base}`;
  base = base.slice(0, max - '-copy'.length).replace(/-+$/u, '');
  return `${base}-copy`;
}

/** EBS snapshot descriptions: up to 255 characters (the EBS user guide), no control characters. */
export const EBS_DESCRIPTION_MAX = 255;
const printable = charClass('[^\\p{Cc}]');

export function validateEbsDescription(value: string): Issue[] {
  const what = l10n.t('Snapshot descriptions');
  return [
    ...checkLength(value, 0, EBS_DESCRIPTION_MAX, what),
    ...checkCharacters(value, printable, what, l10n.t('printable characters')),
  ];
}

/**
 * The copy's default description: the source's, with where it came from (`… (copy of snap-… from us-east-1)`),
 * shortened from the source's end to fit 255 characters.
 */
export function ebsCopyDescriptionDefault(description: string, snapshotId: string, sourceRegion: string): string {
  const note = l10n.t('copy of {0} from {1}', snapshotId, sourceRegion);
  const source = description.replace(/\p{Cc}/gu, ' ').trim();
  if (source === '') return note.slice(0, EBS_DESCRIPTION_MAX);
  const room = EBS_DESCRIPTION_MAX - note.length - 3;
  const kept =
    charLength(source) <= room
      ? source
      : `${Array.from(source)
          .slice(0, Math.max(0, room - 1))
          .join('')}…`;
  return `${kept} (${note})`;
}

/** EC2 tags (Tag a resource, EC2 user guide): 50 a resource, keys 1–128, values 0–256, `aws:` reserved. */
export const ec2TagRules: TagRules = {
  maxTags: 50,
  validateKey: (key) => [
    ...checkLength(key, 1, 128, l10n.t('Tag keys')),
    ...checkPrefixes(key, ['aws:'], l10n.t('Tag keys'), l10n.t('AWS reserves it')),
  ],
  validateValue: (value) => checkLength(value, 0, 256, l10n.t('Tag values')),
};
