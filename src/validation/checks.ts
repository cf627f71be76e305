// Reusable checks with specific, positioned messages. Each returns at most one issue: the first problem of its kind.
import { type CompiledConstraint, modelIssues } from './modelCheck';
import {
  type CharClass,
  at,
  byPosition,
  charClass,
  charLength,
  describeChar,
  firstCharNotIn,
  hasError,
  issue,
  offsetOfChar,
} from './text';
import type { Issue, Severity } from './types';
import * as l10n from '../l10n';

/** Length in characters between min and max; `what` is the plural noun phrase ("Tag keys"). */
export function checkLength(value: string, min: number, max: number, what: string): Issue[] {
  const length = charLength(value);
  if (length < min) {
    if (length === 0) return [issue('error', l10n.t('{0} cannot be empty.', what), 0, 0)];
    return [
      issue(
        'error',
        l10n.t('{0} must have at least {1} characters (this one has {2}).', what, min, length),
        0,
        value.length,
      ),
    ];
  }
  if (length > max) {
    const start = offsetOfChar(value, max);
    return [
      issue(
        'error',
        l10n.t('{0} can have at most {1} characters (this one has {2}).', what, max, length),
        start,
        value.length,
      ),
    ];
  }
  return [];
}

/**
 * Every character must be in `allowed`. `allowedWords` completes the sentence
 * "<what> can contain only …".
 */
export function checkCharacters(
  value: string,
  allowed: CharClass,
  what: string,
  allowedWords: string,
  severity: Severity = 'error',
  from = 0,
): Issue[] {
  const hit = firstCharNotIn(value, allowed, from);
  if (!hit) return [];
  return [
    issue(
      severity,
      l10n.t('{0} can contain only {1}: {2} {3} is not allowed.', what, allowedWords, describeChar(hit.char), at(hit)),
      hit.start,
      hit.end,
    ),
  ];
}

/** Reserved prefixes, compared without regard to case. */
export function checkPrefixes(
  value: string,
  prefixes: readonly string[],
  what: string,
  why: string,
  severity: Severity = 'error',
): Issue[] {
  const lower = value.toLowerCase();
  const found = prefixes.find((p) => lower.startsWith(p));
  if (found === undefined) return [];
  const verb = severity === 'error' ? 'cannot' : l10n.t('should not');
  return [issue(severity, l10n.t("{0} {1} start with '{2}' ({3}).", what, verb, found, why), 0, found.length)];
}

/**
 * The hand-written issues in reading order, then the model's own verdict as a safety net: when the model rejects
 * the value and no hand-written error says so, its generic issue is added.
 */
export function withModel(
  issues: Issue[],
  model: CompiledConstraint | undefined,
  value: string,
  what: string,
): Issue[] {
  const ordered = byPosition(issues);
  if (!model || hasError(ordered)) return ordered;
  return [...modelIssues(model, value, what), ...ordered];
}

export interface IdentifierRules {
  /** Plural noun for messages, e.g. "Snapshot names". */
  readonly what: string;
  readonly max: number;
  /** Capital letters are errors (Neptune Analytics) rather than accepted (DocumentDB stores them lowercase). */
  readonly lowercaseOnly: boolean;
  /** Prefixes the name may not start with (exact, lowercase). */
  readonly reservedPrefixes: readonly { readonly prefix: string; readonly why: string }[];
}

const asciiLetter = /^[A-Za-z]$/u;
const lowerLetter = /^[a-z]$/u;
const upperLetter = /^[A-Z]$/u;
const lowerIdentifierChar = charClass('[a-z0-9-]');
const identifierChar = charClass('[A-Za-z0-9-]');

/**
 * The identifier rules AWS writes as "1 to N letters, numbers, or hyphens; the first character must be a letter;
 * cannot end with a hyphen or contain two consecutive hyphens". Every kind of problem is reported once, at its
 * first place, in reading order.
 */
export function checkIdentifier(value: string, rules: IdentifierRules): Issue[] {
  const { what } = rules;
  if (value === '') return [issue('error', l10n.t('{0} cannot be empty.', what), 0, 0)];
  const issues: Issue[] = [];
  const letters = rules.lowercaseOnly ? l10n.t('lowercase letters') : l10n.t('letters');
  const first = Array.from(value)[0] ?? '';
  const firstOk = rules.lowercaseOnly ? lowerLetter.test(first) : asciiLetter.test(first);
  if (!firstOk) {
    const detail =
      rules.lowercaseOnly && upperLetter.test(first)
        ? l10n.t("'{0}' is uppercase", first)
        : l10n.t(
            '{0} is not a {1}',
            describeChar(first),
            rules.lowercaseOnly ? l10n.t('lowercase letter (a–z)') : l10n.t('letter (a–z, A–Z)'),
          );
    issues.push(
      issue(
        'error',
        rules.lowercaseOnly
          ? l10n.t('{0} must start with a lowercase letter: {1}.', what, detail)
          : l10n.t('{0} must start with a letter: {1}.', what, detail),
        0,
        first.length,
      ),
    );
  }
  const allowed = rules.lowercaseOnly ? lowerIdentifierChar : identifierChar;
  const bad = firstCharNotIn(value, allowed, 1);
  if (bad) {
    const detail =
      rules.lowercaseOnly && upperLetter.test(bad.char)
        ? l10n.t("'{0}' {1} is uppercase", bad.char, at(bad))
        : l10n.t('{0} {1} is not allowed', describeChar(bad.char), at(bad));
    issues.push(
      issue(
        'error',
        l10n.t('{0} can contain only {1}, digits and hyphens: {2}.', what, letters, detail),
        bad.start,
        bad.end,
      ),
    );
  }
  const double = value.indexOf('--');
  if (double >= 0) {
    const index = charLength(value.slice(0, double));
    issues.push(
      issue(
        'error',
        l10n.t('{0} cannot contain two consecutive hyphens (at position {1}).', what, index + 1),
        double,
        double + 2,
      ),
    );
  }
  if (value.endsWith('-')) {
    issues.push(issue('error', l10n.t('{0} cannot end with a hyphen.', what), value.length - 1, value.length));
  }
  for (const { prefix, why } of rules.reservedPrefixes) {
    if (value.startsWith(prefix))
      issues.push(issue('error', l10n.t("{0} cannot start with '{1}' ({2}).", what, prefix, why), 0, prefix.length));
  }
  issues.push(...checkLength(value, 1, rules.max, what));
  return byPosition(issues);
}
