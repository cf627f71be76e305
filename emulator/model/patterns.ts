import { compileModelPattern } from '../../src/validation/index';

/**
 * Model patterns compiled once per emulator by the extension's own compiler (src/validation/modelCheck.ts), so the
 * emulator and the input boxes agree: every pattern is matched against the whole value (`^(?:…)$`, `u` flag), as
 * the services validate. No module-level state: the cache is owned by the caller.
 */
export class PatternCache {
  private readonly compiled = new Map<string, RegExp>();
  get(pattern: string): RegExp {
    let re = this.compiled.get(pattern);
    if (!re) {
      re = compileModelPattern(pattern);
      this.compiled.set(pattern, re);
    }
    return re;
  }
}
