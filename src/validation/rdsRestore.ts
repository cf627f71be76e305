// The RDS family's restore rules (DocumentDB, Neptune Database): the inputs of RestoreDBClusterFromSnapshot (new
// cluster identifier, engine version, port, DB subnet group, VPC security groups, deletion protection) and of the
// CreateDBInstance that adds the primary instance (instance identifier, instance class). The models type all of them
// as plain `String` / `IntegerOptional` (only `required`), so the rules are the ones the members' documentation
// states; each family member configures them with its label, its model members and its (snapshot) tag rules.
import { checkCharacters, checkIdentifier, checkLength, withModel } from './checks';
import type { ModelConstraint } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { at, charClass, describeChar, firstCharIn, issue } from './text';
import type { Issue, TagRules } from './types';
import * as l10n from '../l10n';

const restore = 'RestoreDBClusterFromSnapshot';
const create = 'CreateDBInstance';

/** The model members the restore rules check (what `restore.modelMembers` lists), keyed `<operation>:<member>`. */
export interface RdsRestoreModelMembers {
  readonly 'RestoreDBClusterFromSnapshot:DBClusterIdentifier': ModelConstraint;
  readonly 'RestoreDBClusterFromSnapshot:EngineVersion': ModelConstraint;
  readonly 'RestoreDBClusterFromSnapshot:Port': ModelConstraint;
  readonly 'RestoreDBClusterFromSnapshot:DBSubnetGroupName': ModelConstraint;
  readonly 'RestoreDBClusterFromSnapshot:VpcSecurityGroupIds.member': ModelConstraint;
  readonly 'CreateDBInstance:DBInstanceIdentifier': ModelConstraint;
  readonly 'CreateDBInstance:DBInstanceClass': ModelConstraint;
}

/** The members `restore.modelMembers` declares, by operation (the build generates their constraints). */
export const rdsRestoreModelMembers: Readonly<Record<string, readonly string[]>> = {
  [restore]: [
    'DBClusterIdentifier',
    'SnapshotIdentifier',
    'Engine',
    'EngineVersion',
    'Port',
    'DBSubnetGroupName',
    'VpcSecurityGroupIds',
    'VpcSecurityGroupIds.member',
    'DeletionProtection',
    'Tags',
    'Tags.member.Key',
    'Tags.member.Value',
  ],
  [create]: ['DBInstanceIdentifier', 'DBInstanceClass', 'Engine', 'DBClusterIdentifier', 'Tags'],
};

export interface RdsRestoreRules {
  /** New cluster identifiers: 1–63 letters, digits, hyphens; a letter first; no `--`, no trailing `-`; lowercased. */
  validateClusterIdentifier(value: string): Issue[];
  /** New instance identifiers: the same documented rules. */
  validateInstanceIdentifier(value: string): Issue[];
  /** `db.<family>.<size>` (e.g. db.r6g.large) or `db.serverless`: lowercase letters and digits. */
  validateInstanceClass(value: string): Issue[];
  /** Empty (the snapshot's) or a version such as 5.0.0. */
  validateEngineVersion(value: string): Issue[];
  /** Empty (the snapshot's) or a whole number 1150–65535. */
  validatePort(value: string): Issue[];
  /** Empty (the account's default group) or 1–255 letters, digits, spaces and `. _ -`. */
  validateSubnetGroup(value: string): Issue[];
  /** Empty (the VPC's default group) or security group ids (sg-…) separated by commas. */
  validateSecurityGroups(value: string): Issue[];
  /** 'true' or 'false'. */
  validateToggle(value: string): Issue[];
  /** The ids of a security group list as sent (trimmed, empty parts dropped). */
  securityGroupIds(value: string): string[];
  /** The new resources' tags: the family's tag rules. */
  readonly tags: TagRules;
}

export const identifierMax = 63;
export const portMin = 1150;
export const portMax = 65535;
const subnetGroupMax = 255;
const subnetGroupChar = charClass('[A-Za-z0-9 ._\\-]');
const versionChar = charClass('[A-Za-z0-9.\\-]');
const instanceClass = /^db\.[a-z0-9]+(\.[a-z0-9]+)?$/u;
const securityGroupId = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/u;

/** The restore rules of one family member: `label` names it in messages (e.g. "DocumentDB"). */
export function rdsRestoreRules(label: string, model: RdsRestoreModelMembers, tags: TagRules): RdsRestoreRules {
  const clusterModel = compileConstraint(model[`${restore}:DBClusterIdentifier`], true);
  const versionModel = compileConstraint(model[`${restore}:EngineVersion`], true);
  const subnetModel = compileConstraint(model[`${restore}:DBSubnetGroupName`], true);
  const groupModel = compileConstraint(model[`${restore}:VpcSecurityGroupIds.member`], false);
  const instanceModel = compileConstraint(model[`${create}:DBInstanceIdentifier`], true);
  const classModel = compileConstraint(model[`${create}:DBInstanceClass`], true);

  /** The documented identifier rules; capitals are accepted with a warning, since the family stores lowercase. */
  function identifier(value: string, what: string, noun: string, compiled: ReturnType<typeof compileConstraint>) {
    const issues = checkIdentifier(value, { what, max: identifierMax, lowercaseOnly: false, reservedPrefixes: [] });
    const checked = withModel(issues, compiled, value, what);
    if (checked.some((i) => i.severity === 'error')) return checked;
    const capital = firstCharIn(value, /^[A-Z]$/u);
    if (!capital) return checked;
    const stored = value.toLowerCase();
    const message = l10n.t(
      "{0} stores {1} in lowercase: this one will be stored as '{2}' ('{3}' {4} is a capital).",
      label,
      noun,
      stored,
      capital.char,
      at(capital),
    );
    return [...checked, issue('warning', message, capital.start, capital.end)];
  }

  function validateInstanceClass(value: string): Issue[] {
    const what = l10n.t('Instance classes');
    if (value === '') return [issue('error', l10n.t('{0} cannot be empty.', what), 0, 0)];
    const issues: Issue[] = [];
    if (!instanceClass.test(value)) {
      issues.push(
        issue(
          'error',
          l10n.t('{0} look like db.r6g.large or db.t3.medium (lowercase, "db." first).', what),
          0,
          value.length,
        ),
      );
    }
    return withModel(issues, classModel, value, what);
  }

  function validateEngineVersion(value: string): Issue[] {
    const what = l10n.t('Engine versions');
    if (value === '') return [];
    const issues = [
      ...checkLength(value, 1, 64, what),
      ...checkCharacters(value, versionChar, what, l10n.t('letters, digits, . and -')),
    ];
    if (issues.length === 0 && !/^\d+(\.\d+)+$/u.test(value)) {
      issues.push(
        issue(
          'warning',
          l10n.t('{0} engine versions are numbers separated by dots (e.g. 5.0.0).', label),
          0,
          value.length,
        ),
      );
    }
    return withModel(issues, versionModel, value, what);
  }

  function validatePort(value: string): Issue[] {
    if (value === '') return [];
    if (!/^\d+$/u.test(value)) {
      const bad = Array.from(value).find((c) => !/^\d$/u.test(c)) ?? '';
      return [
        issue('error', l10n.t('Ports are whole numbers: {0} is not a digit.', describeChar(bad)), 0, value.length),
      ];
    }
    const port = Number(value);
    if (port < portMin || port > portMax) {
      return [
        issue(
          'error',
          l10n.t('Ports must be from {0} to {1} (this one is {2}).', portMin, portMax, port),
          0,
          value.length,
        ),
      ];
    }
    return [];
  }

  function validateSubnetGroup(value: string): Issue[] {
    const what = l10n.t('DB subnet group names');
    if (value === '') return [];
    const issues = [
      ...checkLength(value, 1, subnetGroupMax, what),
      ...checkCharacters(value, subnetGroupChar, what, l10n.t('letters, digits, spaces and . _ -')),
    ];
    return withModel(issues, subnetModel, value, what);
  }

  const securityGroupIds = (value: string): string[] =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');

  function validateSecurityGroups(value: string): Issue[] {
    const issues: Issue[] = [];
    let offset = 0;
    const seen = new Set<string>();
    for (const raw of value.split(',')) {
      const id = raw.trim();
      const start = offset + raw.indexOf(id);
      offset += raw.length + 1;
      if (id === '') continue;
      if (!securityGroupId.test(id)) {
        issues.push(
          issue(
            'error',
            l10n.t("'{0}' is not a security group id (sg- and 8 or 17 hex digits).", id),
            start,
            start + id.length,
          ),
        );
      } else if (seen.has(id)) {
        issues.push(issue('error', l10n.t('Security group {0} is listed twice.', id), start, start + id.length));
      } else {
        issues.push(...withModel([], groupModel, id, l10n.t('Security group ids')));
      }
      seen.add(id);
    }
    return issues;
  }

  const validateToggle = (value: string): Issue[] =>
    value === 'true' || value === 'false' ? [] : [issue('error', "Answer 'true' or 'false'.", 0, value.length)];

  return {
    validateClusterIdentifier: (v) =>
      identifier(v, l10n.t('Cluster identifiers'), l10n.t('cluster identifiers'), clusterModel),
    validateInstanceIdentifier: (v) =>
      identifier(v, l10n.t('Instance identifiers'), l10n.t('instance identifiers'), instanceModel),
    validateInstanceClass,
    validateEngineVersion,
    validatePort,
    validateSubnetGroup,
    validateSecurityGroups,
    validateToggle,
    securityGroupIds,
    tags,
  };
}
