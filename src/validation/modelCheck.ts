// The model layer: a value checked against one member's constraints exactly as the model states them
// (length in characters, pattern unanchored as Smithy defines it, required). Every field validator ends with this
// check, so whatever the hand-written rules say, a value the model rejects is never reported valid.
import { type ModelConstraint } from './generated/modelConstraints';
import { charLength, issue } from './text';
import type { Issue } from './types';

/**
 * A model pattern as a JavaScript RegExp: `u` flag (for `\p{…}`), `\A`/`\z` turned into `^`/`$`.
 * No `g` flag, so `test` has no state and finds a match anywhere, like Smithy's unanchored patterns.
 */
export function compileModelPattern(pattern: string): RegExp {
  let source = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      if (!inClass && next === 'A') source += '^';
      else if (!inClass && next === 'z') source += '$';
      else source += c + next;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    source += c;
  }
  return new RegExp(source, 'u');
}

/** The same pattern required to match the whole value (how the documentation describes some of them). */
export function compileWholeValuePattern(pattern: string): RegExp {
  return new RegExp(`^(?:${compileModelPattern(pattern).source})$`, 'u');
}

export interface CompiledConstraint {
  readonly constraint: ModelConstraint;
  readonly pattern?: RegExp;
  /** An empty value means "not given" (an input box left empty), so a required member rejects it. */
  readonly emptyIsAbsent: boolean;
}

/**
 * `emptyIsAbsent`: true for input fields (an empty box sends nothing); false for tag keys and values, which are
 * always sent once the tag exists, so only min/max/pattern apply to them.
 */
export function compileConstraint(constraint: ModelConstraint, emptyIsAbsent: boolean): CompiledConstraint {
  return constraint.pattern === undefined
    ? { constraint, emptyIsAbsent }
    : { constraint, emptyIsAbsent, pattern: compileModelPattern(constraint.pattern) };
}

/** True when the model accepts the value. */
export function modelAccepts(compiled: CompiledConstraint, value: string): boolean {
  return modelIssues(compiled, value, 'The value').length === 0;
}

/**
 * The model's verdict as issues with generic wording. `what` names the value in messages ("Snapshot names").
 * Validators call this last and keep its issue only when their own wording found nothing, so users normally see
 * the specific message; this one shows only if the model gains a constraint the hand-written rules do not know.
 */
export function modelIssues(compiled: CompiledConstraint, value: string, what: string): Issue[] {
  const { constraint, pattern, emptyIsAbsent } = compiled;
  const length = charLength(value);
  const where = `${constraint.service} ${constraint.operation} ${constraint.member}`;
  if (emptyIsAbsent && constraint.required && value === '')
    return [issue('error', `${what} cannot be empty (${where} is required).`)];
  if (constraint.min !== undefined && length < constraint.min) {
    return [
      issue('error', `${what} must have at least ${constraint.min} characters (has ${length}).`, 0, value.length),
    ];
  }
  if (constraint.max !== undefined && length > constraint.max) {
    return [issue('error', `${what} can have at most ${constraint.max} characters (has ${length}).`, 0, value.length)];
  }
  if (pattern && !pattern.test(value)) {
    return [issue('error', `${what} must match the pattern ${constraint.pattern} of ${where}.`, 0, value.length)];
  }
  return [];
}
