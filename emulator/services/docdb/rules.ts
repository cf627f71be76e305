import { validateDocDbIdentifier, validateDocDbTagKey, validateDocDbTagValue } from '../../../src/validation/index';
import { type Issue } from '../../../src/validation/types';
import { ApiError } from '../../protocols/types';

/**
 * The RDS family's documented identifier and tag rules, which the models leave unconstrained (plain `String`). The
 * rules themselves come from the extension's validation module (src/validation), so the emulator and the extension
 * agree; here they become the service's InvalidParameterValue errors. `rdsRules` makes them from a family member's
 * validators (DocumentDB's below; Neptune's in ../neptune).
 */
export const MAX_TAGS = 50;

const invalid = (message: string) => new ApiError('InvalidParameterValue', 400, message);
const firstError = (issues: readonly Issue[]) => issues.find((i) => i.severity === 'error');

/** A family member's validators from src/validation. */
export interface RdsValidators {
  validateIdentifier(value: string): Issue[];
  validateTagKey(key: string): Issue[];
  validateTagValue(value: string): Issue[];
}

/** A family member's documented identifier and tag rules (each throws its InvalidParameterValue). */
export interface RdsRules {
  checkIdentifier(parameter: string, value: string): void;
  checkTags(tags: readonly { Key?: string; Value?: string }[] | undefined): void;
}

export function rdsRules(validators: RdsValidators): RdsRules {
  return {
    checkIdentifier(parameter, value) {
      const error = firstError(validators.validateIdentifier(value));
      if (error) throw invalid(`The parameter ${parameter} is not a valid identifier: ${error.message}`);
    },
    checkTags(tags) {
      if (!tags) return;
      if (tags.length > MAX_TAGS)
        throw invalid(`Cannot add more than ${MAX_TAGS} tags to a resource; ${tags.length} were given.`);
      const seen = new Set<string>();
      for (const tag of tags) {
        const key = tag.Key ?? '';
        const keyError = firstError(validators.validateTagKey(key));
        if (keyError) throw invalid(`Invalid tag key '${key}': ${keyError.message}`);
        const valueError = firstError(validators.validateTagValue(tag.Value ?? ''));
        if (valueError) throw invalid(`Invalid value for tag '${key}': ${valueError.message}`);
        if (seen.has(key)) throw invalid(`Tag key '${key}' appears more than once.`);
        seen.add(key);
      }
    },
  };
}

/** DocumentDB's rules; the describe and delete calls of the family check identifiers with these. */
export const docDbRules: RdsRules = rdsRules({
  validateIdentifier: validateDocDbIdentifier,
  validateTagKey: validateDocDbTagKey,
  validateTagValue: validateDocDbTagValue,
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
