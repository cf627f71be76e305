import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileConstraint, modelConstraints, modelIssues, neptuneGraphRules } from '../../../src/validation';
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

const [nameField] = neptuneGraphRules.fields;
assert.ok(nameField);
const tags = neptuneGraphRules.tags;
assert.ok(tags);

const lowerAlnumHyphen = [...range('a', 'z'), ...range('a', 'z'), ...range('0', '9'), '-', '-'];

describe('Neptune Analytics snapshotName', () => {
  const rule = readMemberRule('neptune-graph', 'CreateGraphSnapshot', 'snapshotName');
  const values = generateStrings(
    { good: lowerAlnumHyphen, prefixes: ['gs-', 'gs', 'g', 'GS-', '1', '-'] },
    FUZZ_COUNT,
    1,
  );

  it('reads the rules the issue states from the model: 1–63, required, pattern with (?!gs-)', () => {
    assert.equal(rule.min, 1);
    assert.equal(rule.max, 63);
    assert.equal(rule.required, true);
    assert.equal(rule.pattern, '(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*');
  });

  it('model layer: verdict equals the model (length + whole-value pattern + required) on 100,000 edge-biased strings', () => {
    const compiled = compileConstraint(modelConstraints['neptune-graph'].snapshotName, true);
    assertSameVerdicts('model layer', values, (v) => modelIssues(compiled, v, 'Names'), modelChecker(rule, true));
  });

  it('validator: verdict equals the model (pattern over the whole name) on 100,000 edge-biased strings', () => {
    assertSameVerdicts('snapshotName', values, (v) => nameField.validate(v), modelChecker(rule, true));
  });

  it('rejects names in which the pattern is only found somewhere (Upper, aB, a_b, gs-x, ab-), as the service does', () => {
    const model = compileConstraint(modelConstraints['neptune-graph'].snapshotName, true);
    for (const name of ['Upper', 'aB', 'a_b', 'gs-x', 'ab-']) {
      assert.ok(new RegExp(rule.pattern ?? '').test(name), `the unanchored pattern finds a match in ${name}`);
      assert.ok(!accepts(modelIssues(model, name, 'Names')), `model layer rejects ${name}`);
      assert.ok(!accepts(nameField.validate(name)), `validator rejects ${name}`);
    }
    assert.match(nameField.validate('Upper')[0]?.message ?? '', /must start with a lowercase letter: 'U' is uppercase/);
  });

  it('says what is wrong and where, first problem first', () => {
    const first = (v: string): string => nameField.validate(v)[0]?.message ?? '';
    assert.equal(first('my-snap--x'), 'Snapshot names cannot contain two consecutive hyphens (at position 8).');
    assert.match(first('Abc'), /must start with a lowercase letter: 'A' is uppercase/);
    assert.match(first('abC'), /only lowercase letters, digits and hyphens: 'C' at position 3 is uppercase/);
    assert.match(first('1abc'), /must start with a lowercase letter/);
    assert.match(first('gs-abc'), /cannot start with 'gs-'/);
    assert.match(first('abc-'), /cannot end with a hyphen/);
    assert.match(first('a'.repeat(64)), /at most 63 characters \(this one has 64\)/);
    assert.match(first(''), /cannot be empty/);
    assert.match(first('a b'), /a space at position 2 is not allowed/);
    assert.deepEqual(nameField.validate('gsx-1'), []);
    assert.deepEqual(nameField.validate('g'), []);
    assert.deepEqual(nameField.validate(`a${'b'.repeat(62)}`), []);
    const issue = nameField.validate('ab--c')[0];
    assert.equal(issue?.start, 2);
    assert.equal(issue?.end, 4);
  });

  it('default value is valid for nasty resource names and keeps the resource recognisable', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 15, 30, 59));
    assert.equal(nameField.defaultValue?.({ resourceName: 'My_Graph', now }), 'my-graph-20261122-1530');
    assert.equal(nameField.defaultValue?.({ resourceName: 'gs-graph', now }), 'snapshot-gs-graph-20261122-1530');
    assert.equal(nameField.defaultValue?.({ resourceName: 'GS', now }), 'snapshot-gs-20261122-1530');
    assert.equal(nameField.defaultValue?.({ resourceName: '42', now }), 'snapshot-42-20261122-1530');
    assert.equal(nameField.defaultValue?.({ resourceName: 'Données--prod', now }), 'donnees-prod-20261122-1530');
    const names = generateStrings({ good: [...chars('aZ09-_ .gs'), ...range('A', 'z')] }, 20_000, 2);
    for (const resourceName of names) {
      const value = nameField.defaultValue?.({
        resourceName,
        now: new Date(1_700_000_000_000 + resourceName.length * 7e9),
      });
      assert.ok(value !== undefined);
      assert.deepEqual(nameField.validate(value), [], `default for ${JSON.stringify(resourceName)}: ${value}`);
    }
  });
});

describe('Neptune Analytics tags', () => {
  const keyRule = readMemberRule('neptune-graph', 'CreateGraphSnapshot', 'tags.key');
  const valueRule = readMemberRule('neptune-graph', 'CreateGraphSnapshot', 'tags.value');
  const mapRule = readMemberRule('neptune-graph', 'CreateGraphSnapshot', 'tags');

  it('takes at most the TagMap max of the model (50)', () => {
    assert.equal(mapRule.max, 50);
    assert.equal(tags.maxTags, mapRule.max);
  });

  it("key: verdict equals the API reference's TagKey (1–128, the model's pattern behind (?!aws:)) on 100,000 strings", () => {
    assert.equal(keyRule.pattern, '[a-zA-Z+-=._:/]+');
    const keyClass = [...range('a', 'z'), ...range('A', 'Z'), ...range('+', '='), '.', '_', ':', '/'];
    // mostly class characters with one outside now and then, so that long valid keys and keys with a single odd
    // character (at any place) both occur often
    const outside = ['é', 'Ж', '日', ' ', '@', '😀', '\u00a0', '#', '!', '?', '~', '>', '[', '\ud800'];
    const values = generateStrings(
      {
        good: [...keyClass, ...keyClass, ...keyClass, ...keyClass, ...keyClass, ...outside],
        prefixes: ['aws:', 'AWS:'],
      },
      FUZZ_COUNT,
      3,
    );
    const onlyOutside = generateStrings({ good: outside }, 20_000, 4);
    const all = [...values, ...onlyOutside];
    assertSameVerdicts(
      'model layer',
      all,
      (v) => modelIssues(compileConstraint(modelConstraints['neptune-graph']['tags.key'], false), v, 'Keys'),
      modelChecker(keyRule, false),
    );
    // The API reference's pattern is the model's with the look-ahead (?!aws:): the documented rule wins.
    const referenceRule = { ...keyRule, pattern: `(?!aws:)${keyRule.pattern}` };
    assertSameVerdicts('tag key', all, (v) => tags.validateKey(v), modelChecker(referenceRule, false));
    assert.ok(
      all.some((v) => v.startsWith('aws:') && modelChecker(keyRule, false)(v)),
      'aws: keys were generated',
    );
  });

  it("key: a character outside the pattern and the 'aws:' prefix are errors, 'AWS:' a warning, naming the place", () => {
    const issues = tags.validateKey('cost center');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.severity, 'error');
    assert.match(
      issues[0]?.message ?? '',
      /only the characters of the model's pattern .*: a space at position 5 is not/,
    );
    assert.equal(issues[0]?.start, 4);
    assert.equal(issues[0]?.end, 5);
    assert.ok(accepts(tags.validateKey('a+b=c;d<e')), 'the range +-= (digits, ; and < included) is allowed');
    const reserved = tags.validateKey('aws:owner');
    assert.equal(reserved.length, 1);
    assert.equal(reserved[0]?.severity, 'error');
    assert.match(reserved[0]?.message ?? '', /cannot start with 'aws:' .*\(\?!aws:\)/);
    assert.deepEqual([reserved[0]?.start, reserved[0]?.end], [0, 4]);
    const upper = tags.validateKey('AWS:owner');
    assert.deepEqual(
      upper.map((i) => i.severity),
      ['warning'],
      "the reference's look-ahead is case-sensitive: 'AWS:' passes it",
    );
    assert.match(tags.validateKey('日本')[0]?.message ?? '', /'日' at position 1 is not allowed/);
    assert.match(tags.validateKey('')[0]?.message ?? '', /cannot be empty/);
  });

  it('value: verdict equals the model TagValue (≤ 256) on 100,000 strings', () => {
    assert.equal(valueRule.max, 256);
    const values = generateStrings({ good: [...range('a', 'z'), ' ', 'é', '😀', ',', '='] }, FUZZ_COUNT, 5);
    assertSameVerdicts('tag value', values, (v) => tags.validateValue(v), modelChecker(valueRule, false));
  });
});
