import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileConstraint, modelConstraints, modelIssues, storageGatewayRules } from '../../../src/validation';
import { FUZZ_COUNT, accepts, assertSameVerdicts, generateStrings, modelChecker, range, readMemberRule } from './fuzz';

const [descriptionField] = storageGatewayRules.fields;
assert.ok(descriptionField);
const tags = storageGatewayRules.tags;
assert.ok(tags);

/** The characters the Tags member's documentation allows for keys and values (and TagKey's pattern). */
const documentedTagText = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const unicodeTagText = [
  ...range('a', 'z'),
  ...range('A', 'Z'),
  ...range('0', '9'),
  ' ',
  '_',
  '.',
  ':',
  '/',
  '=',
  '+',
  '-',
  '@',
  'é',
  'Ж',
  '日',
  '٣',
  '²',
  '\u00a0',
  '\u3000',
];

describe('Storage Gateway SnapshotDescription', () => {
  const rule = readMemberRule('storagegateway', 'CreateSnapshot', 'SnapshotDescription');

  it('is required, 1–255 characters, as the model says', () => {
    assert.deepEqual([rule.required, rule.min, rule.max], [true, 1, 255]);
    assert.equal(descriptionField.required, true);
  });

  it('verdict equals the model (required + length) on 100,000 edge-biased strings, emoji counted as one', () => {
    const values = generateStrings({ good: [...range('a', 'z'), ' ', '😀', 'é', '\n'] }, FUZZ_COUNT, 11);
    const compiled = compileConstraint(modelConstraints.storagegateway.SnapshotDescription, true);
    assertSameVerdicts(
      'model layer',
      values,
      (v) => modelIssues(compiled, v, 'Descriptions'),
      modelChecker(rule, true),
    );
    assertSameVerdicts('description', values, (v) => descriptionField.validate(v), modelChecker(rule, true));
    assert.ok(accepts(descriptionField.validate('😀'.repeat(255))));
    assert.ok(!accepts(descriptionField.validate('😀'.repeat(256))));
  });

  it('explains an empty or long description', () => {
    assert.match(descriptionField.validate('')[0]?.message ?? '', /Enter a description \(1–255 characters\)/);
    const long = descriptionField.validate('x'.repeat(300))[0];
    assert.match(long?.message ?? '', /at most 255 characters \(this one has 300\)/);
    assert.equal(long?.start, 255);
  });

  it('default description names the volume and time, and fits for any volume name', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 15, 30, 5, 123));
    assert.equal(
      descriptionField.defaultValue?.({ resourceName: 'vol-0123abcd', now }),
      'Snapshot of vol-0123abcd taken 2026-11-22T15:30:05Z from VS Code',
    );
    for (const resourceName of generateStrings(
      { good: [...range('a', 'z'), '😀', '\n', ' '], lengths: [500, 1000] },
      5_000,
      12,
    )) {
      const value: string = descriptionField.defaultValue?.({ resourceName, now }) ?? '';
      assert.deepEqual(descriptionField.validate(value), [], JSON.stringify(value));
    }
  });
});

describe('Storage Gateway tags', () => {
  const keyRule = readMemberRule('storagegateway', 'CreateSnapshot', 'Tags.member.Key');
  const valueRule = readMemberRule('storagegateway', 'CreateSnapshot', 'Tags.member.Value');
  const listRule = readMemberRule('storagegateway', 'CreateSnapshot', 'Tags');

  it('allows the model max, else the documented 50 tags', () => {
    assert.equal(tags.maxTags, listRule.max ?? 50);
  });

  it('key: verdict equals the model TagKey (1–128, anchored unicode pattern) and no aws: prefix, on 100,000 strings', () => {
    assert.equal(keyRule.pattern, '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$');
    const values = generateStrings(
      { good: unicodeTagText, prefixes: ['aws:', 'AWS:', 'aws', 'Aws:x'] },
      FUZZ_COUNT,
      13,
    );
    const model = modelChecker(keyRule, false);
    const compiled = compileConstraint(modelConstraints.storagegateway['Tags.member.Key'], false);
    assertSameVerdicts('model layer', values, (v) => modelIssues(compiled, v, 'Keys'), model);
    assertSameVerdicts(
      'tag key',
      values,
      (v) => tags.validateKey(v),
      (v) => model(v) && !/^aws:/i.test(v),
    );
  });

  it('value: verdict equals the model TagValue (≤ 256) and the documented characters, on 100,000 strings', () => {
    assert.equal(valueRule.max, 256);
    const values = generateStrings({ good: unicodeTagText }, FUZZ_COUNT, 14);
    const model = modelChecker(valueRule, false);
    assertSameVerdicts(
      'tag value',
      values,
      (v) => tags.validateValue(v),
      (v) => model(v) && documentedTagText.test(v),
    );
  });

  it('explains keys and values with the place of the first bad character', () => {
    assert.match(tags.validateKey('aws:team')[0]?.message ?? '', /cannot start with 'aws:'/);
    assert.match(tags.validateKey('AWS:team')[0]?.message ?? '', /cannot start with 'aws:'/);
    assert.match(tags.validateKey('team#1')[0]?.message ?? '', /'#' at position 5 is not allowed/);
    assert.deepEqual(tags.validateKey('Équipe données 2'), []);
    assert.deepEqual(tags.validateValue(''), []);
    assert.deepEqual(tags.validateValue('aws:ok-in-values'), []);
    assert.match(tags.validateValue('a,b')[0]?.message ?? '', /',' at position 2 is not allowed/);
  });
});
