import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { modelConstraints } from '../../../src/validation';
import { compileModelPattern } from '../../../src/validation/modelCheck';
import { modelsDir, readMemberRule } from './fuzz';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

interface Generator {
  generate(modelsDir: string): Promise<string>;
  outputFile: string;
}

describe('generated model constraints', () => {
  it('src/validation/generated/modelConstraints.ts is what scripts/generate-rules.mjs makes from the models now', async () => {
    const generator = (await import(pathToFileURL(path.join(root, 'scripts', 'generate-rules.mjs')).href)) as Generator;
    const fresh = await generator.generate(modelsDir);
    const checkedIn = readFileSync(generator.outputFile, 'utf8');
    assert.ok(fresh === checkedIn, 'modelConstraints.ts is stale: run `node scripts/generate-rules.mjs`');
  });

  it('every generated constraint equals the model member read independently', () => {
    for (const [service, members] of Object.entries(modelConstraints)) {
      for (const [key, c] of Object.entries(members)) {
        // Keyed by the member path (the create call's) or `<operation>:<path>` (a restore call's).
        assert.equal(key, key.includes(':') ? `${c.operation}:${c.member}` : c.member);
        // Read from the model the record names: a helper service's (Storage Gateway's copy is EC2 CopySnapshot).
        const rule = readMemberRule(c.service, c.operation, c.member);
        const generated = c as { min?: number; max?: number; pattern?: string; required: boolean };
        assert.deepEqual(
          { min: generated.min, max: generated.max, pattern: generated.pattern, required: generated.required },
          rule,
          `${service} ${key}`,
        );
      }
    }
  });
});

/**
 * The pattern without its lookaheads `(?=…)`/`(?!…)` (nested groups, classes and escapes skipped): fast-check
 * generates strings only from patterns without them (the oracles keep them).
 */
function withoutLookaheads(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (!/^\(\?[=!]/.test(source.slice(i))) {
      out += source[i];
      if (source[i] === '\\') out += source[++i] ?? '';
      continue;
    }
    let depth = 0;
    let inClass = false;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
  }
  return out;
}

describe('compileModelPattern', () => {
  it('matches the whole value, uses the u flag, and turns \\A and \\z into ^ and $', () => {
    const graphId = compileModelPattern('g-[a-z0-9]{10}');
    assert.ok(graphId.test('g-0123456789'));
    for (const value of ['xg-0123456789x', 'xx g-0123456789 yy', 'g-0123456789x', 'xg-0123456789']) {
      assert.ok(!graphId.test(value), value);
    }
    const name = compileModelPattern('(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*');
    assert.ok(name.test('my-snap-1'));
    assert.ok(!name.test('Upper'), 'the pattern only finds pper in Upper');
    assert.ok(!name.test('gs-x'));
    assert.ok(compileModelPattern('^\\p{L}+$').test('été'));
    assert.ok(compileModelPattern('^\\p{L}+$').flags.includes('u'));
    assert.ok(compileModelPattern('[a-z]+').flags.includes('u'));
    const id = compileModelPattern('\\Asnap-[0-9a-fA-F]{8}\\z');
    assert.ok(id.test('snap-0123abcd'));
    assert.ok(!id.test('xsnap-0123abcd'));
    assert.ok(!id.test('snap-0123abcdx'));
    // the alternatives are each anchored, not just the first or the last one
    const either = compileModelPattern('ab|cd');
    assert.ok(either.test('ab') && either.test('cd'));
    assert.ok(!either.test('abx') && !either.test('xcd'));
  });

  it('keeps the meaning of escapes the u flag forbids (\\-, \\_, lone { } ]) and of the +-= range', () => {
    const dashed = compileModelPattern('a\\-b[\\-_]\\_c');
    assert.ok(dashed.test('a-b-_c') && dashed.test('a-b__c'));
    assert.ok(!dashed.test('a\\-b-_c'));
    const braces = compileModelPattern('^\\{[a:]*}$');
    assert.ok(braces.test('{a:a}'));
    assert.ok(!braces.test('{a:a'));
    assert.ok(compileModelPattern('x{2,3}').test('xxx'));
    assert.ok(!compileModelPattern('x{2,3}').test('xxxx'));
    assert.ok(compileModelPattern('a]').test('a]'));
    const tagKey = compileModelPattern('[a-zA-Z+-=._:/]+');
    assert.ok(tagKey.test('a+0;<=._:/Z'));
    assert.ok(!tagKey.test('a b') && !tagKey.test('é') && !tagKey.test('a@'));
  });

  it('compiles every pattern of every model, and agrees with each one matched against the whole value', () => {
    const patterns = new Set<string>();
    for (const service of readdirSync(modelsDir)) {
      const file = path.join(modelsDir, service, 'service-2.json');
      if (!existsSync(file)) continue;
      const model = JSON.parse(readFileSync(file, 'utf8')) as { shapes: Record<string, { pattern?: string }> };
      for (const shape of Object.values(model.shapes)) if (shape.pattern !== undefined) patterns.add(shape.pattern);
    }
    assert.ok(patterns.size > 40, `found ${patterns.size} patterns`);
    for (const pattern of patterns) {
      const ours = compileModelPattern(pattern);
      // The oracle: the pattern as JavaScript reads it without the u flag (where it can), anchored at both ends.
      const source = pattern.replace(/\\A/g, '^').replace(/\\z/g, '$');
      const unicode = /\\p\{/.test(source);
      const whole = new RegExp(`^(?:${source})$`, unicode ? 'u' : '');
      // Patterns written anchored (^…$, \A…\z) keep their meaning exactly.
      const asWritten = /^\^.*\$$/s.test(source) ? new RegExp(source, unicode ? 'u' : '') : undefined;
      const generator = new RegExp(`^(?:${withoutLookaheads(source)})$`, unicode ? 'u' : '');
      // Whole matches and near misses around them (a character more at either end, one less), and ASCII noise.
      const matches = fc.sample(fc.stringMatching(generator, { size: 'small' }), { numRuns: 100, seed: 7 });
      const noise = fc.sample(fc.string({ unit: 'binary-ascii', maxLength: 12 }), { numRuns: 100, seed: 7 });
      const samples = [...matches.flatMap((v) => [v, `${v}x`, `-${v}`, v.slice(1), v.slice(0, -1)]), ...noise];
      let matched = 0;
      for (const value of samples) {
        const verdict = ours.test(value);
        assert.equal(verdict, whole.test(value), `${pattern} on ${JSON.stringify(value)}`);
        if (asWritten)
          assert.equal(verdict, asWritten.test(value), `${pattern} as written on ${JSON.stringify(value)}`);
        if (verdict) matched++;
      }
      assert.ok(matched > 0, `${pattern}: some samples match`);
    }
  });
});
