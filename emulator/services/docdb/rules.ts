import { docdbRestoreRules } from '../../../src/validation/docdb';
import { docdbRules, validateDocDbIdentifier } from '../../../src/validation/index';
import { type RdsRestoreRules } from '../../../src/validation/rdsRestore';
import { type Issue, type TagRules } from '../../../src/validation/types';
import { ApiError } from '../../protocols/types';
import { firstTagProblem, fromTagList } from '../tagChecks';

/**
 * The RDS family's documented identifier and tag rules, which the models leave unconstrained (plain `String`). The
 * rules themselves come from the extension's validation module (src/validation), so the emulator and the extension
 * agree; here they become the service's InvalidParameterValue errors. `rdsRules` makes them from a family member's
 * validators (DocumentDB's below; Neptune's in ../neptune).
 */
const invalid = (message: string) => new ApiError('InvalidParameterValue', 400, message);
const firstError = (issues: readonly Issue[]) => issues.find((i) => i.severity === 'error');

/** A family member's validators from src/validation. */
export interface RdsValidators {
  validateIdentifier(value: string): Issue[];
  /** The create call's tag rules (count, keys, values). */
  tags: TagRules;
  /** The restore calls' rules (RestoreDBClusterFromSnapshot, CreateDBInstance). */
  restore: RdsRestoreRules;
}

/** A family member's documented identifier and tag rules (each throws its InvalidParameterValue). */
export interface RdsRules {
  checkIdentifier(parameter: string, value: string): void;
  checkTags(tags: readonly { Key?: string; Value?: string }[] | undefined): void;
  readonly restore: RdsRestoreRules;
}

export function rdsRules(validators: RdsValidators): RdsRules {
  return {
    restore: validators.restore,
    checkIdentifier(parameter, value) {
      const error = firstError(validators.validateIdentifier(value));
      if (error) throw invalid(`The parameter ${parameter} is not a valid identifier: ${error.message}`);
    },
    checkTags(tags) {
      const problem = firstTagProblem(validators.tags, fromTagList(tags));
      if (problem) throw invalid(problem);
    },
  };
}

/** DocumentDB's rules; the describe and delete calls of the family check identifiers with these. */
export const docDbRules: RdsRules = rdsRules({
  validateIdentifier: validateDocDbIdentifier,
  tags: docdbRules.tags!,
  restore: docdbRestoreRules,
});

/** Describe calls may name a cluster (snapshot) by its ARN as well as by its identifier. */
export function identifierOrArn(parameter: string, value: string, kind: 'cluster' | 'cluster-snapshot'): string {
  const arn = new RegExp(`^arn:aws[a-z-]*:rds:[a-z0-9-]+:\\d{12}:${kind}:(.+)$`).exec(value);
  const id = arn ? arn[1]! : value;
  // Automated snapshots are named `rds:<cluster>-<date>`.
  docDbRules.checkIdentifier(parameter, kind === 'cluster-snapshot' ? id.replace(/^rds:/, '') : id);
  return id.toLowerCase();
}

export function checkMaxRecords(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 20 || value > 100) {
    throw invalid(`Invalid value ${String(value)} for MaxRecords. Must be between 20 and 100`);
  }
}
