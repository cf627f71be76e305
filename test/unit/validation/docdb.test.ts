import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  docdbRules,
  validateDocDbIdentifier,
  validateDocDbTagKey,
  validateDocDbTagValue,
} from '../../../src/validation';
import {
  FUZZ_COUNT,
  accepts,
  assertSameVerdicts,
  chars,
  generateStrings,
  modelChecker,
  range,
  readMemberRule,
} from './fuzz';

const [identifierField] = docdbRules.fields;
assert.ok(identifierField);

/** The documentation's identifier rules, written independently: 1–63, letter first, no trailing or double hyphen. */
const documentedIdentifier = (v: string): boolean =>
  /^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(v) && !v.includes('--') && !v.endsWith('-');
const documentedTag = (v: string, min: number, max: number): boolean =>
  [...v].length >= min && [...v].length <= max && /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(v) && !/^(aws|rds):/i.test(v);

describe('DocumentDB DBClusterSnapshotIdentifier', () => {
  const rule = readMemberRule('docdb', 'CreateDBClusterSnapshot', 'DBClusterSnapshotIdentifier');

  it('the model only says "required"', () => {
    assert.deepEqual(rule, { min: undefined, max: undefined, pattern: undefined, required: true });
  });

  it('verdict equals the model (required) and the documented rules on 100,000 edge-biased strings', () => {
    const good = [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9'), '-', '-'];
    const values = generateStrings({ good, prefixes: ['1', '-', 'A', 'a--'], suffixes: ['-', '--'] }, FUZZ_COUNT, 21);
    const model = modelChecker(rule, true);
    assertSameVerdicts('identifier', values, validateDocDbIdentifier, (v) => model(v) && documentedIdentifier(v));
  });

  it('documented rules, by example', () => {
    const valid = ['a', 'my-cluster-snapshot1', 'A1', `a${'b'.repeat(62)}`, 'x-1-2'];
    const invalid = ['', '1abc', '-abc', 'abc-', 'a--b', 'my_snap', 'a b', `a${'b'.repeat(63)}`, 'é', 'abc😀'];
    for (const v of valid) assert.ok(accepts(validateDocDbIdentifier(v)), v);
    for (const v of invalid) assert.ok(!accepts(validateDocDbIdentifier(v)), v);
    assert.equal(
      validateDocDbIdentifier('a--b')[0]?.message,
      'Snapshot identifiers cannot contain two consecutive hyphens (at position 2).',
    );
    assert.match(validateDocDbIdentifier('9x')[0]?.message ?? '', /must start with a letter: '9' is not a letter/);
  });

  it('capitals are a warning that shows the stored (lowercase) identifier, and normalize lowercases', () => {
    const issues = validateDocDbIdentifier('MyCluster-Snap');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.severity, 'warning');
    assert.match(issues[0]?.message ?? '', /will be stored as 'mycluster-snap'/);
    assert.equal(identifierField.normalize?.('MyCluster-Snap'), 'mycluster-snap');
    assert.deepEqual(validateDocDbIdentifier('mycluster'), []);
  });

  it('default value is valid, lowercase and warning-free for nasty cluster names', () => {
    const now = new Date(Date.UTC(2026, 0, 2, 3, 4));
    assert.equal(identifierField.defaultValue?.({ resourceName: 'Prod_Cluster', now }), 'prod-cluster-20260102-0304');
    assert.equal(identifierField.defaultValue?.({ resourceName: '2024-db', now }), 'snapshot-2024-db-20260102-0304');
    const names = generateStrings(
      { good: [...chars('aZ09-_ .é😀'), ...range('A', 'z')], lengths: [100, 200] },
      20_000,
      22,
    );
    for (const resourceName of names) {
      const value: string = identifierField.defaultValue?.({ resourceName, now }) ?? '';
      assert.deepEqual(validateDocDbIdentifier(value), [], `default for ${JSON.stringify(resourceName)}: ${value}`);
    }
  });
});

describe('DocumentDB tags (documentation rules; the model types them as plain String)', () => {
  const tagGood = [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9'), ...chars(' _.:/=+-@éЖ日٣\u00a0')];

  it('key: 1–128 documented characters, not aws:/rds:, on 100,000 strings', () => {
    const values = generateStrings(
      { good: tagGood, prefixes: ['aws:', 'rds:', 'RDS:', 'rds', 'Aws:'] },
      FUZZ_COUNT,
      23,
    );
    const model = modelChecker(readMemberRule('docdb', 'CreateDBClusterSnapshot', 'Tags.member.Key'), false);
    assertSameVerdicts('tag key', values, validateDocDbTagKey, (v) => model(v) && documentedTag(v, 1, 128));
  });

  it('value: 0–256 documented characters, not aws:/rds:, on 100,000 strings', () => {
    const values = generateStrings({ good: tagGood, prefixes: ['aws:', 'rds:'] }, FUZZ_COUNT, 24);
    const model = modelChecker(readMemberRule('docdb', 'CreateDBClusterSnapshot', 'Tags.member.Value'), false);
    assertSameVerdicts('tag value', values, validateDocDbTagValue, (v) => model(v) && documentedTag(v, 0, 256));
  });

  it('by example, with specific messages', () => {
    assert.match(validateDocDbTagKey('rds:x')[0]?.message ?? '', /cannot start with 'rds:'/);
    assert.match(validateDocDbTagValue('aws:x')[0]?.message ?? '', /Tag values cannot start with 'aws:'/);
    assert.match(validateDocDbTagKey('')[0]?.message ?? '', /cannot be empty/);
    assert.match(validateDocDbTagKey('a'.repeat(129))[0]?.message ?? '', /at most 128 characters/);
    assert.match(validateDocDbTagValue('a'.repeat(257))[0]?.message ?? '', /at most 256 characters/);
    assert.match(validateDocDbTagKey('a#b')[0]?.message ?? '', /'#' at position 2 is not allowed/);
    assert.deepEqual(validateDocDbTagKey('Cost Centre: été/2026'), []);
    assert.deepEqual(validateDocDbTagValue(''), []);
    assert.equal(docdbRules.tags?.maxTags, 50);
  });

  it("'@' is accepted with a warning (RDS allows it; DocumentDB's documentation does not list it)", () => {
    const issues = validateDocDbTagKey('owner@team');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.severity, 'warning');
    assert.equal(issues[0]?.start, 5);
  });
});
