// The RDS family's restore rules (DocumentDB, Neptune Database): every input of RestoreDBClusterFromSnapshot and of the
// primary instance's CreateDBInstance, fuzzed against the models read at test time and the documented rules written
// here independently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docdbRestoreRules } from '../../../src/validation/docdb';
import { modelConstraints } from '../../../src/validation/generated/modelConstraints';
import { neptuneRestoreRules } from '../../../src/validation/neptune';
import { rdsRestoreModelMembers } from '../../../src/validation/rdsRestore';
import { FUZZ_COUNT, accepts, assertSameVerdicts, generateStrings, modelChecker, range, readMemberRule } from './fuzz';

/** The documentation's identifier rules: 1–63, letter first, letters digits hyphens, no trailing or double hyphen. */
const documentedIdentifier = (v: string): boolean =>
  /^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(v) && !v.includes('--') && !v.endsWith('-');
const identifierProfile = {
  good: [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9'), '-', '-'],
  prefixes: ['1', '-', 'A', 'a--'],
  suffixes: ['-', '--'],
};

for (const [service, rules] of [
  ['docdb', docdbRestoreRules],
  ['neptune', neptuneRestoreRules],
] as const) {
  describe(`${service} restore inputs`, () => {
    it('the generated constraints are the ones restore.modelMembers names, and the models only say "required"', () => {
      for (const [operation, members] of Object.entries(rdsRestoreModelMembers)) {
        for (const member of members) {
          const generated = (modelConstraints[service] as Record<string, { required: boolean } | undefined>)[
            `${operation}:${member}`
          ];
          assert.ok(generated, `${operation}:${member} generated`);
          const rule = readMemberRule(service, operation, member);
          assert.equal(rule.pattern, undefined, `${operation}:${member} has no pattern`);
          assert.equal(generated.required, rule.required);
        }
      }
      assert.equal(readMemberRule(service, 'RestoreDBClusterFromSnapshot', 'DBClusterIdentifier').required, true);
      assert.equal(readMemberRule(service, 'CreateDBInstance', 'DBInstanceClass').required, true);
      assert.equal(readMemberRule(service, 'RestoreDBClusterFromSnapshot', 'Port').required, false);
    });

    for (const [name, operation, member, validate, seed] of [
      ['cluster', 'RestoreDBClusterFromSnapshot', 'DBClusterIdentifier', rules.validateClusterIdentifier, 31],
      ['instance', 'CreateDBInstance', 'DBInstanceIdentifier', rules.validateInstanceIdentifier, 32],
    ] as const) {
      it(`${name} identifiers: the model (required) and the documented rules on ${FUZZ_COUNT} strings`, () => {
        const model = modelChecker(readMemberRule(service, operation, member), true);
        const values = generateStrings(identifierProfile, FUZZ_COUNT, seed);
        assertSameVerdicts(member, values, validate, (v) => model(v) && documentedIdentifier(v));
      });
    }

    it('identifiers by example; capitals warn with the stored (lowercase) identifier', () => {
      for (const v of ['a', 'orders-restored', `a${'b'.repeat(62)}`])
        assert.ok(accepts(rules.validateClusterIdentifier(v)), v);
      for (const v of ['', '1a', 'a--b', 'a-', 'a_b', `a${'b'.repeat(63)}`]) {
        assert.ok(!accepts(rules.validateClusterIdentifier(v)), v);
        assert.ok(!accepts(rules.validateInstanceIdentifier(v)), v);
      }
      const [warning] = rules.validateClusterIdentifier('Orders');
      assert.equal(warning?.severity, 'warning');
      assert.match(warning?.message ?? '', /stored as 'orders'/);
      assert.match(
        rules.validateClusterIdentifier('a--b')[0]?.message ?? '',
        /^Cluster identifiers cannot contain two/,
      );
    });

    it('instance classes: db.<family>.<size> or db.serverless, lowercase', () => {
      const shape = (v: string) => /^db\.[a-z0-9]+(\.[a-z0-9]+)?$/.test(v);
      const random = generateStrings(
        { good: [...range('a', 'z'), ...range('0', '9'), '.', 'R', '-'], prefixes: ['db.', 'db.r6g.', 'DB.'] },
        20_000,
        33,
      );
      // Mutations of real classes, so both verdicts are well represented.
      const real = ['db.r6g.large', 'db.t3.medium', 'db.serverless', 'db.r5.24xlarge', 'db.t4g.medium'];
      const values = [
        ...random,
        ...random.slice(0, 4000).map((r, i) => `${real[i % real.length]}${r.slice(0, i % 3)}`),
      ];
      assertSameVerdicts('DBInstanceClass', values, rules.validateInstanceClass, shape);
      for (const v of ['db.r6g.large', 'db.t3.medium', 'db.serverless', 'db.x2g.16xlarge']) {
        assert.ok(accepts(rules.validateInstanceClass(v)), v);
      }
      for (const v of ['', 'r6g.large', 'db.R6G.large', 'db..large', 'db.r6g.large.', 'db.r6g large']) {
        assert.ok(!accepts(rules.validateInstanceClass(v)), v);
      }
    });

    it('ports: empty, or a whole number 1150–65535', () => {
      for (let port = 0; port <= 70_000; port += 7) {
        assert.equal(accepts(rules.validatePort(String(port))), port >= 1150 && port <= 65535, String(port));
      }
      for (const v of ['', '1150', '65535', '27017', '8182']) assert.ok(accepts(rules.validatePort(v)), v);
      for (const v of ['1149', '65536', '-1', '8182.0', ' 8182', 'port', '1e4']) {
        assert.ok(!accepts(rules.validatePort(v)), v);
      }
    });

    it('DB subnet groups: empty, or 1–255 letters, digits, spaces and . _ -', () => {
      const documented = (v: string) => v === '' || /^[A-Za-z0-9 ._-]{1,255}$/.test(v);
      const values = generateStrings(
        { good: [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9'), ' ', '.', '_', '-'] },
        20_000,
        34,
      );
      assertSameVerdicts('DBSubnetGroupName', values, rules.validateSubnetGroup, documented);
    });

    it('VPC security groups: sg- and 8 or 17 hex digits, separated by commas, each once', () => {
      const ok = ['', 'sg-0123abcd', 'sg-0123abcd, sg-0123456789abcdef0', ' sg-0123abcd ,'];
      for (const v of ok) assert.ok(accepts(rules.validateSecurityGroups(v)), v);
      const bad = ['sg-123', 'sg-0123ABCD', 'sg-0123abcd,sg-0123abcd', 'default', 'sg-0123abcd;sg-0123abce'];
      for (const v of bad) assert.ok(!accepts(rules.validateSecurityGroups(v)), v);
      assert.deepEqual(rules.securityGroupIds(' sg-0123abcd , ,sg-0123abce'), ['sg-0123abcd', 'sg-0123abce']);
      const [issue] = rules.validateSecurityGroups('sg-0123abcd, nope');
      assert.deepEqual([issue?.start, issue?.end], [13, 17]);
    });

    it('engine versions: letters, digits, dots and hyphens; not dotted numbers is a warning', () => {
      assert.deepEqual(rules.validateEngineVersion('5.0.0'), []);
      assert.deepEqual(rules.validateEngineVersion(''), []);
      assert.equal(rules.validateEngineVersion('latest')[0]?.severity, 'warning');
      assert.ok(!accepts(rules.validateEngineVersion('5.0 0')));
    });

    it('toggles and tags', () => {
      assert.ok(accepts(rules.validateToggle('true')) && accepts(rules.validateToggle('false')));
      assert.ok(!accepts(rules.validateToggle('yes')));
      assert.ok(!accepts(rules.tags.validateKey('aws:owner')));
      assert.equal(rules.tags.maxTags, 50);
    });
  });
}
