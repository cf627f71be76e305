// Neptune Analytics RestoreGraphFromSnapshot: its input rules against the model read now (fuzzed), the defaults from
// the source graph (and the API's when it is gone), and the request the values make.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileConstraint, modelConstraints, modelIssues, neptuneGraphRules } from '../../../src/validation';
import {
  apiDefaults,
  graphNameDefault,
  memoryRange,
  replicaRange,
  restoreDefaults,
  restoreModelMembers,
  restoreRequest,
  restoreTagRules,
  validateGraphName,
  validateProvisionedMemory,
  validateReplicaCount,
  validateToggle,
} from '../../../src/validation/neptuneGraphRestore';
import {
  FUZZ_COUNT,
  accepts,
  assertSameVerdicts,
  chars,
  generateStrings,
  modelChecker,
  range,
  readMemberRule,
  type MemberRule,
} from './fuzz';

const OP = 'RestoreGraphFromSnapshot';
const lowerAlnumHyphen = [...range('a', 'z'), ...range('a', 'z'), ...range('0', '9'), '-', '-'];

/** The model's verdict on an integer member typed as text: a plain whole number within min..max, or empty. */
function integerChecker(rule: MemberRule): (value: string) => boolean {
  return (value) => {
    if (value === '') return !rule.required;
    if (!/^(0|[1-9][0-9]*)$/.test(value)) return false;
    const n = Number(value);
    return (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max);
  };
}

describe('Neptune Analytics restore: graphName', () => {
  const rule = readMemberRule('neptune-graph', OP, 'graphName');
  const values = generateStrings(
    { good: lowerAlnumHyphen, prefixes: ['g-', 'g', 'gs-', 'G-', '1', '-'] },
    FUZZ_COUNT,
    11,
  );

  it('reads GraphName from the model: 1–63, required, the pattern with (?!g-)', () => {
    assert.deepEqual(rule, { min: 1, max: 63, required: true, pattern: '(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*' });
  });

  it('model layer and validator: verdicts equal the model on 100,000 edge-biased strings', () => {
    const compiled = compileConstraint(modelConstraints['neptune-graph'][`${OP}:graphName`], true);
    assertSameVerdicts('model layer', values, (v) => modelIssues(compiled, v, 'Names'), modelChecker(rule, true));
    assertSameVerdicts('graphName', values, validateGraphName, modelChecker(rule, true));
  });

  it("says what is wrong: the reserved 'g-', capitals, double and trailing hyphens, length", () => {
    const first = (v: string) => validateGraphName(v)[0]?.message ?? '';
    assert.match(
      first('g-abc'),
      /Graph names cannot start with 'g-' \(Neptune Analytics uses it for graph identifiers\)/,
    );
    assert.match(first('Graph'), /must start with a lowercase letter: 'G' is uppercase/);
    assert.match(first('a--b'), /two consecutive hyphens \(at position 2\)/);
    assert.match(first('ab-'), /cannot end with a hyphen/);
    assert.match(first('a'.repeat(64)), /at most 63 characters \(this one has 64\)/);
    assert.match(first(''), /cannot be empty/);
    assert.deepEqual(validateGraphName('gs-graph'), [], "'gs-' is reserved for snapshots only");
    assert.deepEqual(validateGraphName('g'), []);
  });

  it('the default name is valid for any base and keeps it recognisable', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 15, 30));
    assert.equal(graphNameDefault('customer-graph', now), 'customer-graph-20261122-1530');
    assert.equal(graphNameDefault('g-old', now), 'snapshot-g-old-20261122-1530');
    for (const base of generateStrings({ good: [...chars('aZ09-_ .g'), ...range('A', 'z')] }, 20_000, 12)) {
      const value = graphNameDefault(base, new Date(1_700_000_000_000 + base.length * 7e9));
      assert.deepEqual(validateGraphName(value), [], `default for ${JSON.stringify(base)}: ${value}`);
    }
  });
});

describe('Neptune Analytics restore: provisionedMemory and replicaCount', () => {
  const digits = [...range('0', '9'), ...range('0', '9'), ...range('1', '2')];
  for (const [member, validate, range_] of [
    ['provisionedMemory', validateProvisionedMemory, memoryRange],
    ['replicaCount', validateReplicaCount, replicaRange],
  ] as const) {
    const rule = readMemberRule('neptune-graph', OP, member);

    it(`${member}: the range is the model's (${rule.min}–${rule.max}), optional`, () => {
      assert.equal(rule.required, false);
      assert.deepEqual(range_, { min: rule.min, max: rule.max });
    });

    it(`${member}: verdict equals the model's range on edge values and 100,000 fuzzed strings`, () => {
      const min = rule.min ?? 0;
      const max = rule.max ?? 0;
      const edges = [min - 1, min, min + 1, max - 1, max, max + 1].filter((n) => n >= 0).map(String);
      for (const v of [...edges, '', '00', '016', '+16', '-1', ' 16', '16 ', '1e2', '16.0', '0x10', '١٦']) {
        assert.equal(accepts(validate(v)), integerChecker(rule)(v), `${member} ${JSON.stringify(v)}`);
      }
      // Short strings of digits (lengths 0–6) with the usual troublemakers spliced in.
      const values = generateStrings({ good: digits, lengths: [1, 2, 3, 4, 5, 6] }, FUZZ_COUNT, 13).map((v) =>
        Array.from(v)
          .slice(0, 1 + (v.length % 6))
          .join(''),
      );
      const inRange = Array.from({ length: 2000 }, (_, i) => String(min + (i % (max - min + 1))));
      assertSameVerdicts(member, [...values, ...inRange], validate, integerChecker(rule));
    });
  }

  it('names the rule and the value in the message', () => {
    assert.match(validateProvisionedMemory('8')[0]?.message ?? '', /from 16 to 24576 m-NCUs \(not 8\)/);
    assert.match(validateProvisionedMemory('lots')[0]?.message ?? '', /must be a whole number from 16 to 24576/);
    assert.match(validateReplicaCount('3')[0]?.message ?? '', /from 0 to 2 \(not 3\)/);
  });
});

describe('Neptune Analytics restore: toggles and tags', () => {
  it("toggles take 'true', 'false' or nothing", () => {
    for (const v of ['true', 'false', '']) assert.deepEqual(validateToggle(v, 'X'), []);
    for (const v of ['yes', 'True', '1']) assert.ok(!accepts(validateToggle(v, 'X')));
  });

  it("tags: the restore's TagMap, TagKey and TagValue are the snapshot's shapes, so the snapshot's rules apply", () => {
    for (const member of ['tags', 'tags.key', 'tags.value']) {
      assert.deepEqual(
        readMemberRule('neptune-graph', OP, member),
        readMemberRule('neptune-graph', 'CreateGraphSnapshot', member),
        member,
      );
    }
    assert.equal(restoreTagRules, neptuneGraphRules.tags);
    assert.equal(restoreTagRules.maxTags, readMemberRule('neptune-graph', OP, 'tags').max);
    assert.deepEqual([...restoreModelMembers].sort(), [
      'graphName',
      'provisionedMemory',
      'replicaCount',
      'tags',
      'tags.key',
      'tags.value',
    ]);
  });
});

describe('Neptune Analytics restore: defaults and request', () => {
  const now = new Date(Date.UTC(2026, 0, 2, 3, 4));

  it('takes each default from the source graph, saying so', () => {
    const d = restoreDefaults(
      {
        name: 'customer-graph',
        provisionedMemory: 256,
        replicaCount: 2,
        publicConnectivity: true,
        deletionProtection: false,
      },
      'customer-graph-2025-06-01',
      now,
    );
    assert.deepEqual(d, {
      graphName: { value: 'customer-graph-20260102-0304', source: "the source graph's name and the time" },
      provisionedMemory: { value: '256', source: "the source graph's" },
      replicaCount: { value: '2', source: "the source graph's" },
      publicConnectivity: { value: 'true', source: "the source graph's" },
      deletionProtection: { value: 'false', source: "the source graph's" },
    });
  });

  it("takes the API's defaults when the source graph is gone (none for memory), and for members it lacks", () => {
    const gone = restoreDefaults(undefined, 'old-snapshot', now);
    assert.deepEqual(gone, {
      graphName: { value: 'old-snapshot-20260102-0304', source: "the snapshot's name and the time" },
      provisionedMemory: undefined,
      replicaCount: { value: String(apiDefaults.replicaCount), source: "the API's default" },
      publicConnectivity: { value: 'false', source: "the API's default" },
      deletionProtection: { value: 'true', source: "the API's default" },
    });
    const partial = restoreDefaults({ name: 'g2', provisionedMemory: 32 }, 's', now);
    assert.equal(partial.provisionedMemory?.source, "the source graph's");
    assert.equal(partial.replicaCount?.source, "the API's default");
    for (const d of [gone, partial]) {
      assert.deepEqual(validateGraphName(d.graphName?.value ?? ''), []);
    }
  });

  it('builds the request with numbers and Booleans, leaving empty optional values and no tags out', () => {
    assert.deepEqual(
      restoreRequest(
        'gs-abcdefghij',
        {
          graphName: 'restored',
          provisionedMemory: '128',
          replicaCount: '0',
          publicConnectivity: 'false',
          deletionProtection: 'true',
        },
        [{ key: 'team', value: 'graph' }],
      ),
      {
        snapshotIdentifier: 'gs-abcdefghij',
        graphName: 'restored',
        provisionedMemory: 128,
        replicaCount: 0,
        publicConnectivity: false,
        deletionProtection: true,
        tags: { team: 'graph' },
      },
    );
    assert.deepEqual(
      restoreRequest('gs-abcdefghij', { graphName: 'bare', provisionedMemory: '', replicaCount: '' }, []),
      { snapshotIdentifier: 'gs-abcdefghij', graphName: 'bare' },
    );
  });
});
