// SimSpace Weaver StartSimulation (restore) inputs against the model read now from service-2.json, fuzzed, plus the
// documented rules the model lacks (role ARN account and role name, 14D ceiling), written here independently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileConstraint, modelConstraints } from '../../../src/validation';
import { modelIssues } from '../../../src/validation/modelCheck';
import {
  durationMinutes,
  simulationNameDefault,
  simulationTagRules,
  startSimulationIssues,
  validateMaximumDuration,
  validateRoleArn,
  validateSimulationDescription,
  validateSimulationName,
} from '../../../src/validation/simSpaceWeaverRestore';
import {
  FUZZ_COUNT,
  accepts,
  assertSameVerdicts,
  chars,
  generateStrings,
  modelChecker,
  range,
  readMemberRule,
  seeded,
} from './fuzz';

const rule = (member: string) => readMemberRule('simspaceweaver', 'StartSimulation', member);
const alnum = [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9')];

/** The IAM role ARN as the IAM User Guide documents it: 12-digit account, path of ASCII ! to DEL, name ≤ 64 of [\w+=,.@-]. */
function documentedRole(value: string): boolean {
  const match = /^arn:aws[-a-z]*:iam::(\d{12}):role\/(.*)$/u.exec(value);
  if (!match) return false;
  const rest = match[2] ?? '';
  const cut = rest.lastIndexOf('/');
  const path = `/${rest.slice(0, cut + 1)}`;
  const name = rest.slice(cut + 1);
  return /^[A-Za-z0-9+=,.@_-]{1,64}$/.test(name) && path.length <= 512 && /^[\u0021-\u007f]+$/.test(path);
}

describe('SimSpace Weaver StartSimulation inputs', () => {
  it('reads the model: Name 1–64 [a-zA-Z0-9_.-], RoleArn ≤ 1600 with its pattern, MaximumDuration 2–6, Description ≤ 500, 50 tags', () => {
    assert.deepEqual([rule('Name').min, rule('Name').max, rule('Name').required], [1, 64, true]);
    assert.equal(rule('RoleArn').required, true);
    assert.equal(rule('RoleArn').max, 1600);
    assert.deepEqual([rule('MaximumDuration').min, rule('MaximumDuration').max], [2, 6]);
    assert.equal(rule('Description').max, 500);
    assert.equal(rule('Tags').max, 50);
    assert.equal(simulationTagRules.maxTags, 50);
    const generated = modelConstraints.simspaceweaver['StartSimulation:RoleArn'];
    assert.equal(generated.pattern, rule('RoleArn').pattern, 'generated constraints are current');
  });

  it('name: verdict equals the model on 100,000 strings', () => {
    const values = generateStrings({ good: [...alnum, '_', '.', '-'], lengths: [65, 66] }, FUZZ_COUNT, 41);
    assertSameVerdicts('name', values, validateSimulationName, modelChecker(rule('Name'), true));
  });

  it('role ARN: verdict equals the model and the documented ARN shape on 100,000 strings', () => {
    const model = modelChecker(rule('RoleArn'), true);
    const prefixes = [
      'arn:aws:iam::123456789012:role/',
      'arn:aws:iam::123456789012:role/service-role/',
      'arn:aws-cn:iam::123456789012:role/',
      'arn:aws-us-gov:iam::123456789012:role/a/b/',
      'arn:aws:iam:::role/',
      'arn:aws:iam::12345678901:role/',
      'arn:aws-iso:iam::123456789012:role/',
      'arn:aws:iam::123456789012:user/',
    ];
    const values = generateStrings(
      { good: [...alnum, '+', '=', ',', '.', '@', '_', '-', '/'], lengths: [20, 40, 70, 100, 600] },
      FUZZ_COUNT,
      42,
    ).map((v, i) => `${prefixes[i % prefixes.length]}${v}`);
    const counts = assertSameVerdicts('role', values, validateRoleArn, (v) => model(v) && documentedRole(v));
    assert.ok(counts.valid > 0 && counts.invalid > 0);
  });

  it('role ARN by example', () => {
    assert.deepEqual(validateRoleArn('arn:aws:iam::123456789012:role/weaver-app-role'), []);
    assert.deepEqual(validateRoleArn('arn:aws:iam::123456789012:role/service-role/app@x=1,y.z'), []);
    const cases: [string, RegExp][] = [
      ['', /cannot be empty/],
      ['arn:aws:iam:::role/app', /12 digits, and it is missing/],
      ['arn:aws:iam::1234:role/app', /12 digits, not '1234'/],
      ['arn:aws:iam::123456789012:role/', /ends with the role name/],
      ['arn:aws:iam::123456789012:role/my role', /Role names can contain only/],
      [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, /at most 64 characters/],
      ['arn:aws:iam::123456789012:user/bob', /has the form arn:aws:iam::<12-digit account>:role\//],
      ['arn:aws-iso:iam::123456789012:role/app', /partition aws, aws-cn or aws-us-gov/],
    ];
    for (const [value, message] of cases) {
      const issues = validateRoleArn(value);
      assert.ok(!accepts(issues), value);
      assert.match(issues[0]?.message ?? '', message, value);
    }
  });

  it('maximum duration: verdict equals the model and "at most 14D or its equivalent" on 100,000 strings', () => {
    const model = modelChecker(rule('MaximumDuration'), true);
    // Half shaped like a duration (1–6 digits, a unit or a stranger), half generated noise.
    const r = seeded(43);
    const units = ['m', 'M', 'h', 'H', 'd', 'D', 's', 'w', ' ', ''];
    const noise = generateStrings({ good: [...range('0', '9'), 'd', 'h', 'm'] }, FUZZ_COUNT / 2, 43);
    const shaped = Array.from({ length: FUZZ_COUNT / 2 }, () => {
      const digits = 1 + Math.floor(r() * 6);
      const number = Array.from({ length: digits }, () => String(Math.floor(r() * 10))).join('');
      return `${number}${units[Math.floor(r() * units.length)]}`;
    });
    const values = [...shaped, ...noise];
    const minutes = (v: string): number => {
      const unit = v.slice(-1).toLowerCase();
      return Number(v.slice(0, -1)) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
    };
    assertSameVerdicts(
      'duration',
      values,
      validateMaximumDuration,
      (v) => v === '' || (model(v) && minutes(v) <= 20160),
    );
  });

  it('maximum duration by example: units, the 14D ceiling, 0 warned about, empty means the API default', () => {
    assert.deepEqual(
      ['2D', '14D', '336h', '20160m', '90M', '1h'].map((v) => [v, durationMinutes(v), validateMaximumDuration(v)]),
      [
        ['2D', 2880, []],
        ['14D', 20160, []],
        ['336h', 20160, []],
        ['20160m', 20160, []],
        ['90M', 90, []],
        ['1h', 60, []],
      ],
    );
    assert.match(validateMaximumDuration('15D')[0]?.message ?? '', /at most 14D/);
    assert.match(validateMaximumDuration('20161m')[0]?.message ?? '', /20161 minutes/);
    assert.match(validateMaximumDuration('2 days')[0]?.message ?? '', /m \(minutes\), h \(hours\) or d \(days\)/);
    assert.equal(validateMaximumDuration('0D')[0]?.severity, 'warning');
    assert.deepEqual(validateMaximumDuration(''), []);
  });

  it('description: verdict equals the model (≤ 500, optional) on 100,000 strings', () => {
    const values = generateStrings({ good: [...alnum, ' ', 'é', '😀'], lengths: [499, 500, 501, 600] }, FUZZ_COUNT, 44);
    assertSameVerdicts('description', values, validateSimulationDescription, modelChecker(rule('Description'), true));
  });

  it('tags: keys 1–128 and values ≤ 256 as the model says; aws: only warned about', () => {
    const keyModel = modelChecker(rule('Tags.key'), false);
    const valueModel = modelChecker(rule('Tags.value'), false);
    const keys = generateStrings({ good: [...alnum, ':', '/', ' '], prefixes: ['aws:'] }, FUZZ_COUNT, 45);
    assertSameVerdicts('tag key', keys, (v) => simulationTagRules.validateKey(v), keyModel);
    const values = generateStrings({ good: [...alnum, ' ', '😀'], lengths: [255, 256, 257, 300] }, FUZZ_COUNT, 46);
    assertSameVerdicts('tag value', values, (v) => simulationTagRules.validateValue(v), valueModel);
    assert.equal(simulationTagRules.validateKey('aws:team')[0]?.severity, 'warning');
  });

  it('the default name is valid for any source name and time, and names the source', () => {
    const sources = generateStrings({ good: [...alnum, '-', '_', '.'] }, 5000, 47);
    for (const source of [...sources, '', 'x'.repeat(64), '😀😀']) {
      const name = simulationNameDefault(source, new Date(Date.UTC(2026, 4, 1, 9, 30)));
      assert.deepEqual(validateSimulationName(name), [], `${source} → ${name}`);
    }
    assert.equal(
      simulationNameDefault('city-traffic', new Date(Date.UTC(2026, 4, 1, 9, 30))),
      'city-traffic-20260501-0930',
    );
  });

  it("the emulator's extra check names each member a documented rule refuses, and one location of two", () => {
    const input = {
      Name: 'a',
      RoleArn: 'arn:aws:iam:::role/x',
      MaximumDuration: '15D',
      SnapshotS3Location: { BucketName: 'b', ObjectKey: 'k' },
    };
    const issues = startSimulationIssues(input);
    assert.equal(issues.length, 2);
    assert.match(issues[0] ?? '', /^RoleArn: .*12 digits/);
    assert.match(issues[1] ?? '', /^MaximumDuration: .*14D/);
    assert.deepEqual(
      startSimulationIssues({ ...input, RoleArn: 'arn:aws:iam::123456789012:role/x', MaximumDuration: '2D' }),
      [],
    );
    assert.match(
      startSimulationIssues({ Name: 'a', RoleArn: 'arn:aws:iam::123456789012:role/x' })[0] ?? '',
      /one of them/,
    );
  });

  it('every checker keeps the model as its safety net', () => {
    const constraint = modelConstraints.simspaceweaver['StartSimulation:Name'];
    const compiled = compileConstraint(constraint, true);
    for (const value of ['', 'a b', 'x'.repeat(65), ...chars('日本')]) {
      assert.equal(accepts(validateSimulationName(value)), modelIssues(compiled, value, 'Names').length === 0, value);
    }
  });
});
