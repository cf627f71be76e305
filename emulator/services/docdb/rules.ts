import { validateDocDbIdentifier, validateDocDbTagKey, validateDocDbTagValue } from '../../../src/validation/index';
import { type Issue } from '../../../src/validation/types';
import { ApiError } from '../../protocols/types';

/**
 * DocumentDB's documented identifier and tag rules, which the model leaves unconstrained (plain `String`). The rules
 * themselves come from the extension's validation module (src/validation), so the emulator and the extension agree;
 * here they become the service's InvalidParameterValue errors.
 */
export const MAX_TAGS = 50;

const invalid = (message: string) => new ApiError('InvalidParameterValue', 400, message);
const firstError = (issues: readonly Issue[]) => issues.find((i) => i.severity === 'error');

export function checkIdentifier(parameter: string, value: string): void {
  const error = firstError(validateDocDbIdentifier(value));
  if (error) throw invalid(`The parameter ${parameter} is not a valid identifier: ${error.message}`);
}

/** Describe calls may name a cluster (snapshot) by its ARN as well as by its identifier. */
export function identifierOrArn(parameter: string, value: string, kind: 'cluster' | 'cluster-snapshot'): string {
  const arn = new RegExp(`^arn:aws[a-z-]*:rds:[a-z0-9-]+:\\d{12}:${kind}:(.+)$`).exec(value);
  const id = arn ? arn[1]! : value;
  // Automated snapshots are named `rds:<cluster>-<date>`.
  checkIdentifier(parameter, kind === 'cluster-snapshot' ? id.replace(/^rds:/, '') : id);
  return id.toLowerCase();
}

export function checkTags(tags: readonly { Key?: string; Value?: string }[] | undefined): void {
  if (!tags) return;
  if (tags.length > MAX_TAGS)
    throw invalid(`Cannot add more than ${MAX_TAGS} tags to a resource; ${tags.length} were given.`);
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key ?? '';
    const keyError = firstError(validateDocDbTagKey(key));
    if (keyError) throw invalid(`Invalid tag key '${key}': ${keyError.message}`);
    const valueError = firstError(validateDocDbTagValue(tag.Value ?? ''));
    if (valueError) throw invalid(`Invalid value for tag '${key}': ${valueError.message}`);
    if (seen.has(key)) throw invalid(`Tag key '${key}' appears more than once.`);
    seen.add(key);
  }
}

export function checkMaxRecords(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 20 || value > 100) {
    throw invalid(`Invalid value ${String(value)} for MaxRecords. Must be between 20 and 100`);
  }
}
