// The copy rules shared by the extension and the emulator: KMS key forms of the destination region, the RDS family's
// copy identifier default, EBS copy descriptions and EC2 tags.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateDocDbIdentifier } from '../../../src/validation/docdb';
import {
  EBS_DESCRIPTION_MAX,
  ebsCopyDescriptionDefault,
  ec2TagRules,
  kmsKeyForm,
  rdsCopyIdentifierDefault,
  validateEbsDescription,
  validateKmsKeyId,
} from '../../../src/validation/copyRules';

const errors = (issues: readonly { severity: string; message: string }[]) =>
  issues.filter((i) => i.severity === 'error').map((i) => i.message);
const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('KMS keys of the destination region', () => {
  it('accepts the four documented forms (and multi-Region key ids)', () => {
    for (const value of [
      KEY,
      'mrk-1234abcd12ab34cd56ef1234567890ab',
      'alias/aws/rds',
      'alias/team_backups-2',
      `arn:aws:kms:eu-west-1:123456789012:key/${KEY}`,
      'arn:aws:kms:eu-west-1:123456789012:alias/backups',
    ]) {
      assert.deepEqual(errors(validateKmsKeyId(value, 'eu-west-1', true)), [], value);
    }
    assert.deepEqual(kmsKeyForm(`arn:aws-cn:kms:cn-north-1:123456789012:key/${KEY}`), {
      form: 'key-arn',
      region: 'cn-north-1',
      account: '123456789012',
    });
  });

  it('refuses a key of another region, naming both regions, at the region', () => {
    const value = `arn:aws:kms:us-east-1:123456789012:key/${KEY}`;
    const [issue] = validateKmsKeyId(value, 'eu-west-1', true);
    assert.match(issue?.message ?? '', /of us-east-1.*made in eu-west-1/);
    assert.equal(value.slice(issue?.start, issue?.end), 'us-east-1');
  });

  it('refuses what is not a key: capitals, a short UUID, an empty alias, an ARN of another service', () => {
    for (const value of [
      KEY.toUpperCase(),
      '1234abcd-12ab-34cd-56ef-1234567890a',
      'alias/',
      'alias/with space',
      'arn:aws:kms:eu-west-1:123456789012:key/not-a-key',
      'arn:aws:s3:::bucket',
      'my-key',
    ]) {
      assert.equal(errors(validateKmsKeyId(value, 'eu-west-1', true)).length, 1, value);
    }
  });

  it('empty: an error when required (encrypted, cross-region), else the default key', () => {
    assert.match(errors(validateKmsKeyId('', 'eu-west-1', true))[0] ?? '', /required/);
    assert.deepEqual(validateKmsKeyId('', 'eu-west-1', false), []);
  });
});

describe('the RDS family copy identifier default', () => {
  it('is <source>-copy, valid, with an automated snapshot’s rds: dropped and long names shortened', () => {
    assert.equal(rdsCopyIdentifierDefault('orders-prod-before-upgrade'), 'orders-prod-before-upgrade-copy');
    assert.equal(rdsCopyIdentifierDefault('rds:orders-prod-2025-07-20-03-00'), 'orders-prod-2025-07-20-03-00-copy');
    assert.equal(rdsCopyIdentifierDefault('9lives'), 'snapshot-9lives-copy');
    const long = rdsCopyIdentifierDefault(`a${'-b'.repeat(40)}`);
    assert.ok(long.length <= 63 && long.endsWith('-copy'), long);
    for (const id of ['orders-prod', 'rds:x-1', '9lives', `a${'-b'.repeat(40)}`, 'Mixed_Case.Name']) {
      assert.deepEqual(errors(validateDocDbIdentifier(rdsCopyIdentifierDefault(id))), [], id);
    }
  });
});

describe('EBS copy descriptions and EC2 tags', () => {
  it('descriptions: up to 255 printable characters; the default notes the source and fits', () => {
    assert.deepEqual(validateEbsDescription('x'.repeat(EBS_DESCRIPTION_MAX)), []);
    assert.match(errors(validateEbsDescription('x'.repeat(256)))[0] ?? '', /at most 255/);
    assert.match(errors(validateEbsDescription('a\u0007b'))[0] ?? '', /printable/);
    assert.equal(
      ebsCopyDescriptionDefault('nightly', 'snap-0a1b2c3d4e5f60001', 'us-east-1'),
      'nightly (copy of snap-0a1b2c3d4e5f60001 from us-east-1)',
    );
    assert.equal(ebsCopyDescriptionDefault('', 'snap-1', 'us-east-1'), 'copy of snap-1 from us-east-1');
    const long = ebsCopyDescriptionDefault('d'.repeat(300), 'snap-0a1b2c3d4e5f60001', 'us-east-1');
    assert.equal(long.length, EBS_DESCRIPTION_MAX);
    assert.deepEqual(validateEbsDescription(long), []);
  });

  it('tags: keys 1–128 without aws:, values up to 256', () => {
    assert.deepEqual(ec2TagRules.validateKey('team'), []);
    assert.equal(errors(ec2TagRules.validateKey('aws:x')).length, 1);
    assert.equal(errors(ec2TagRules.validateKey('')).length, 1);
    assert.equal(errors(ec2TagRules.validateValue('v'.repeat(257))).length, 1);
    assert.deepEqual(ec2TagRules.validateValue(''), []);
  });
});
