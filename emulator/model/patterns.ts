/**
 * Smithy `pattern` traits are ECMA-262 regular expressions that are NOT implicitly anchored: a value satisfies the
 * pattern when the expression matches anywhere in it (`RegExp.prototype.test`). The emulator replicates exactly that.
 * JavaScript lacks `\A` / `\z` (used by some botocore models), so they become `^` / `$`; the `u` flag is added when
 * the pattern uses Unicode property classes (`\p{…}`), and kept off otherwise because it rejects some escapes
 * (e.g. `\-` outside a class) that the models use.
 */
export function compileSmithyPattern(pattern: string): RegExp {
  const source = pattern.replace(/\\A/g, '^').replace(/\\z/g, '$').replace(/\\Z/g, '$');
  if (/\\[pP]\{/.test(source)) {
    try {
      return new RegExp(source, 'u');
    } catch {
      // `u` forbids identity escapes such as `\-` outside a class; these are harmless to drop inside the pattern.
      return new RegExp(
        source.replace(/\\([-_.:/=+@ ])/g, (_m, c: string) => (c === '-' ? '\\-' : c)),
        'u',
      );
    }
  }
  return new RegExp(source);
}

/** A cache so each pattern is compiled once per emulator (no module-level state: the cache is owned by the caller). */
export class PatternCache {
  private readonly compiled = new Map<string, RegExp>();
  get(pattern: string): RegExp {
    let re = this.compiled.get(pattern);
    if (!re) {
      re = compileSmithyPattern(pattern);
      this.compiled.set(pattern, re);
    }
    return re;
  }
}
