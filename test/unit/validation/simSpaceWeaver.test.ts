import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simSpaceWeaverRules, simSpaceWeaverSnapshotKey, validateBucketName } from '../../../src/validation';
import { FUZZ_COUNT, accepts, assertSameVerdicts, generateStrings, modelChecker, range, readMemberRule } from './fuzz';

const [bucketField, prefixField] = simSpaceWeaverRules.fields;
assert.ok(bucketField && prefixField);

/** S3 general purpose bucket naming rules, written independently of src/validation/s3Bucket.ts. */
function s3Accepts(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  );
}

describe('SimSpace Weaver CreateSnapshot inputs', () => {
  it('takes no tags and has the bucket (required) and the prefix (optional)', () => {
    assert.equal(simSpaceWeaverRules.tags, undefined);
    assert.deepEqual(
      simSpaceWeaverRules.fields.map((f) => [f.key, f.required]),
      [
        ['BucketName', true],
        ['ObjectKeyPrefix', false],
      ],
    );
  });

  it('bucket: verdict equals the model BucketName (3–63, required) and the S3 rules on 100,000 strings', () => {
    const rule = readMemberRule('simspaceweaver', 'CreateSnapshot', 'Destination.BucketName');
    assert.deepEqual([rule.min, rule.max, rule.required], [3, 63, true]);
    const good = [...range('a', 'z'), ...range('0', '9'), '-', '.'];
    const values = generateStrings(
      {
        good,
        prefixes: ['xn--', 'sthree-', 'amzn-s3-demo-', '192.168.5.4', '.', '-', 'A'],
        suffixes: ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3', '-an', '.', '-'],
      },
      FUZZ_COUNT,
      31,
    );
    const model = modelChecker(rule, true);
    assertSameVerdicts(
      'bucket',
      values,
      (v) => bucketField.validate(v),
      (v) => model(v) && s3Accepts(v),
    );
  });

  it('bucket names by example', () => {
    const valid = [
      'abc',
      'my-bucket',
      'my.bucket.name',
      '1bucket',
      'a'.repeat(63),
      '192.168.5',
      'name-111122223333-us-west-2-an',
    ];
    const invalid: [string, RegExp][] = [
      ['ab', /at least 3 characters/],
      ['a'.repeat(64), /at most 63 characters/],
      ['My-Bucket', /must start with a lowercase letter or digit, not 'M'/],
      ['my_bucket', /'_' at position 3 is not allowed/],
      ['myBucket', /'B' at position 3 is uppercase/],
      ['-bucket', /must start with/],
      ['bucket-', /must end with a lowercase letter or digit, not '-'/],
      ['my..bucket', /two adjacent dots \(at position 3\)/],
      ['192.168.5.4', /IP address/],
      ['xn--bucket', /cannot start with 'xn--'/],
      ['sthree-bucket', /cannot start with 'sthree-'/],
      ['amzn-s3-demo-bucket', /cannot start with 'amzn-s3-demo-'/],
      ['bucket-s3alias', /cannot end with '-s3alias'/],
      ['bucket--ol-s3', /cannot end with '--ol-s3'/],
      ['bucket.mrap', /cannot end with '.mrap'/],
      ['bucket--usw2-az1--x-s3', /cannot end with '--x-s3'/],
      ['bucket--table-s3', /cannot end with '--table-s3'/],
      ['', /Enter a bucket name/],
    ];
    for (const v of valid) assert.deepEqual(validateBucketName(v), [], v);
    for (const [v, message] of invalid) assert.match(validateBucketName(v)[0]?.message ?? '', message, v);
  });

  it('prefix: verdict equals the model ObjectKeyPrefix (≤ 1024, optional) on 100,000 strings', () => {
    const rule = readMemberRule('simspaceweaver', 'CreateSnapshot', 'Destination.ObjectKeyPrefix');
    assert.deepEqual([rule.max, rule.required], [1024, false]);
    const values = generateStrings(
      { good: [...range('a', 'z'), '/', '😀', ' '], lengths: [1023, 1024, 1025, 1025, 1026, 1100, 2000] },
      FUZZ_COUNT,
      32,
    );
    assertSameVerdicts('prefix', values, (v) => prefixField.validate(v), modelChecker(rule, true));
  });

  it('prefix: a key that would pass 1024 UTF-8 bytes is a warning, not an error', () => {
    const issues = prefixField.validate('é'.repeat(1000));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.severity, 'warning');
    assert.match(issues[0]?.message ?? '', /1024-byte key limit/);
    assert.deepEqual(prefixField.validate('x'.repeat(900)), []);
  });

  it('snapshot key: prefix/snapshot/<simulation>-YYMMdd-HHmm-ss.zip in UTC, no leading slash without prefix', () => {
    const date = new Date(Date.UTC(2026, 0, 5, 7, 8, 9));
    assert.equal(simSpaceWeaverSnapshotKey('', 'my-sim', date), 'snapshot/my-sim-260105-0708-09.zip');
    assert.equal(
      simSpaceWeaverSnapshotKey('runs/2026', 'my-sim', date),
      'runs/2026/snapshot/my-sim-260105-0708-09.zip',
    );
    assert.equal(
      simSpaceWeaverSnapshotKey('p', 'sim', new Date(Date.UTC(2030, 11, 31, 23, 59, 59, 999))),
      'p/snapshot/sim-301231-2359-59.zip',
    );
  });

  it('every field has a label, an example placeholder and a one-line prompt', () => {
    for (const field of simSpaceWeaverRules.fields) {
      assert.ok(field.label && field.placeholder.startsWith('e.g. ') && field.prompt && !field.prompt.includes('\n'));
      const example = field.placeholder.slice('e.g. '.length);
      assert.ok(accepts(field.validate(example)), `${field.key} placeholder example is valid`);
    }
  });
});
