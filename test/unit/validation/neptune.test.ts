// Neptune Database's CreateDBClusterSnapshot rules: the model leaves the members plain `String`, so the documented
// rules (identifier 1–63, a letter first, no trailing or double hyphen, stored lowercase; tags as RDS) apply.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  neptuneRules,
  validateNeptuneIdentifier,
  validateNeptuneTagKey,
  validateNeptuneTagValue,
} from '../../../src/validation/neptune';
import { FUZZ_COUNT, accepts, assertSameVerdicts, generateStrings, modelChecker, range, readMemberRule } from './fuzz';

describe('Neptune Database DBClusterSnapshotIdentifier and tags', () => {
  it('the model only says the identifier is required, and constrains no tag', () => {
    const rule = (member: string) => readMemberRule('neptune', 'CreateDBClusterSnapshot', member);
    assert.deepEqual(rule('DBClusterSnapshotIdentifier'), {
      min: undefined,
      max: undefined,
      pattern: undefined,
      required: true,
    });
    assert.equal(rule('Tags.member.Key').pattern, undefined);
    assert.deepEqual(neptuneRules.modelMembers, [
      'DBClusterSnapshotIdentifier',
      'Tags',
      'Tags.member.Key',
      'Tags.member.Value',
    ]);
  });

  it('identifiers: the documented rules on edge-biased strings, and capitals warn that Neptune stores lowercase', () => {
    const documented = (v: string) => /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}$/.test(v) && !v.endsWith('-');
    const good = [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9'), '-'];
    const values = generateStrings({ good, prefixes: ['7', '-', 'a--'], suffixes: ['-'] }, FUZZ_COUNT / 10, 31);
    const model = modelChecker(
      readMemberRule('neptune', 'CreateDBClusterSnapshot', 'DBClusterSnapshotIdentifier'),
      true,
    );
    assertSameVerdicts('identifier', values, validateNeptuneIdentifier, (v) => model(v) && documented(v));
    const [warning] = validateNeptuneIdentifier('Social-Nightly');
    assert.equal(warning?.severity, 'warning');
    assert.match(warning?.message ?? '', /^Neptune stores snapshot identifiers in lowercase: .* 'social-nightly'/);
    assert.equal(neptuneRules.fields[0]?.normalize?.('Social-Nightly'), 'social-nightly');
  });

  it('tags: keys 1–128 and values 0–256, not aws: or rds:, at most 50', () => {
    assert.ok(accepts(validateNeptuneTagKey('team')) && accepts(validateNeptuneTagValue('')));
    assert.ok(!accepts(validateNeptuneTagKey('')));
    assert.ok(!accepts(validateNeptuneTagKey('k'.repeat(129))) && accepts(validateNeptuneTagKey('k'.repeat(128))));
    assert.ok(!accepts(validateNeptuneTagValue('v'.repeat(257))) && accepts(validateNeptuneTagValue('v'.repeat(256))));
    assert.match(validateNeptuneTagKey('rds:owner')[0]?.message ?? '', /cannot start with 'rds:'.*Neptune reserves it/);
    assert.ok(!accepts(validateNeptuneTagValue('aws:x')));
    assert.match(validateNeptuneTagKey('a@b')[0]?.message ?? '', /Neptune's documentation does not list it/);
    assert.equal(neptuneRules.tags?.maxTags, 50);
  });
});
