import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
      for (const [member, c] of Object.entries(members)) {
        const rule = readMemberRule(service, c.operation, member);
        const generated = c as { min?: number; max?: number; pattern?: string; required: boolean };
        assert.deepEqual(
          { min: generated.min, max: generated.max, pattern: generated.pattern, required: generated.required },
          rule,
          `${service} ${member}`,
        );
      }
    }
  });
});

describe('compileModelPattern', () => {
  it('is unanchored like Smithy, uses the u flag, and turns \\A and \\z into ^ and $', () => {
    assert.ok(compileModelPattern('g-[a-z0-9]{10}').test('xx g-0123456789 yy'));
    assert.ok(compileModelPattern('^\\p{L}+$').test('été'));
    assert.ok(compileModelPattern('^\\p{L}+$').flags.includes('u'));
    const id = compileModelPattern('\\Asnap-[0-9a-fA-F]{8}\\z');
    assert.ok(id.test('snap-0123abcd'));
    assert.ok(!id.test('xsnap-0123abcd'));
    assert.ok(!id.test('snap-0123abcdx'));
  });
});
