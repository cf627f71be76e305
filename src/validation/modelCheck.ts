// The model layer: a value checked against one member's constraints exactly as the model states them
// (length in characters, pattern matched against the whole value, required). Every field validator ends with this
// check, so whatever the hand-written rules say, a value the model rejects is never reported valid.
import { type ModelConstraint } from './generated/modelConstraints';
import { charLength, issue } from './text';
import type { Issue } from './types';
import * as l10n from '../l10n';

/** Characters whose escape `\c` the `u` flag accepts everywhere (ECMA-262 SyntaxCharacter and `/`). */
const syntaxCharacters = '^$\\.*+?()[]{}|/';
/** A `{` that starts a quantifier: `{n}`, `{n,}`, `{n,m}`. */
const quantifier = /^\{\d+(?:,\d*)?\}/;

/**
 * A model pattern rewritten for the `u` flag: `\A` → `^`, `\z`/`\Z` → `$`; identity escapes `u` forbids (`\-` outside
 * a class, `\_`, `\:`, …) become the plain character; lone `{`, `}` and `]` (literals without `u`) are escaped.
 */
function unicodeSource(pattern: string): string {
  let source = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      const braced = /^[pPu]\{[^}]*\}/.exec(pattern.slice(i))?.[0];
      if (braced) {
        // `\p{…}`, `\P{…}`, `\u{…}`: copied whole, so the brace is not taken for a lone one
        source += c + braced;
        i += braced.length - 1;
      } else if (!inClass && next === 'A') source += '^';
      else if (!inClass && (next === 'z' || next === 'Z')) source += '$';
      else if (/[A-Za-z0-9]/.test(next) || syntaxCharacters.includes(next) || (inClass && next === '-')) {
        source += c + next;
      } else source += next;
    } else if (inClass) {
      if (c === ']') inClass = false;
      source += c;
    } else if (c === '[') {
      inClass = true;
      source += c;
    } else if (c === '{') {
      const q = quantifier.exec(pattern.slice(i))?.[0];
      source += q ?? '\\{';
      if (q) i += q.length - 1;
    } else if (c === '}' || c === ']') {
      source += `\\${c}`;
    } else source += c;
  }
  return source;
}

/**
 * A model pattern as a JavaScript RegExp that matches the WHOLE value: `^(?:…)$`. Smithy patterns are not implicitly
 * anchored, but the services validate whole values (Neptune Analytics rejects the snapshot name `Upper`, in which
 * the unanchored pattern would find `pper`), so every pattern is anchored here; patterns already anchored (`^…$`,
 * `\A…\z`) keep their meaning. Always the `u` flag: `\p{…}` classes need it, and with it classes and `.` see
 * characters (code points) as the length constraints do. No `g` flag, so `test` has no state.
 */
export function compileModelPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${unicodeSource(pattern)})$`, 'u');
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
    return [issue('error', l10n.t('{0} cannot be empty ({1} is required).', what, where))];
  if (constraint.min !== undefined && length < constraint.min) {
    return [
      issue(
        'error',
        l10n.t('{0} must have at least {1} characters (has {2}).', what, constraint.min, length),
        0,
        value.length,
      ),
    ];
  }
  if (constraint.max !== undefined && length > constraint.max) {
    return [
      issue(
        'error',
        l10n.t('{0} can have at most {1} characters (has {2}).', what, constraint.max, length),
        0,
        value.length,
      ),
    ];
  }
  if (pattern && !pattern.test(value)) {
    return [
      issue(
        'error',
        l10n.t('{0} must match the pattern {1} of {2}.', what, String(constraint.pattern), where),
        0,
        value.length,
      ),
    ];
  }
  return [];
}
