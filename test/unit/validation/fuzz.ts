// Test support for the validation fuzz tests: the models read at test time with an independent small checker
// (length in code points + pattern matched against the whole value, `u` flag + required), and a seeded, edge-biased
// generator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { Issue } from '../../../src/validation/types';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const modelsDir = process.env.AWS_MODELS_DIR
  ? path.resolve(process.env.AWS_MODELS_DIR)
  : path.resolve(repoRoot, '..', 'shared', 'aws-models');

interface Shape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
}

/** What the model says about one member, read now from service-2.json. */
export interface MemberRule {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly required: boolean;
}

export function readMemberRule(service: string, operation: string, memberPath: string): MemberRule {
  const model = JSON.parse(readFileSync(path.join(modelsDir, service, 'service-2.json'), 'utf8')) as {
    operations: Record<string, { input: { shape: string } }>;
    shapes: Record<string, Shape>;
  };
  let name = model.operations[operation]?.input.shape ?? '';
  let required = true;
  for (const step of memberPath.split('.')) {
    const shape = model.shapes[name];
    assert.ok(shape, `shape ${name} exists`);
    const ref = step === 'member' || step === 'key' || step === 'value' ? shape[step] : shape.members?.[step];
    assert.ok(ref, `${name} has ${step}`);
    required = step === 'key' || step === 'member' || (shape.required ?? []).includes(step);
    name = ref.shape;
  }
  const leaf = model.shapes[name];
  assert.ok(leaf);
  return { min: leaf.min, max: leaf.max, pattern: leaf.pattern, required };
}

/**
 * The model's verdict, computed independently of src/validation: the pattern must match the whole value (the services
 * validate whole values; Smithy patterns are not implicitly anchored, so the oracle anchors them).
 * `emptyIsAbsent`: an empty input box sends nothing.
 */
export function modelChecker(rule: MemberRule, emptyIsAbsent: boolean): (value: string) => boolean {
  const source = rule.pattern?.replace(/\\A/g, '^').replace(/\\z/g, '$');
  const re = source === undefined ? undefined : new RegExp(`^(?:${source})$`, 'u');
  return (value) => {
    if (emptyIsAbsent && value === '') return !rule.required;
    let length = 0;
    for (const _ of value) length++;
    if (rule.min !== undefined && length < rule.min) return false;
    if (rule.max !== undefined && length > rule.max) return false;
    return re === undefined || re.test(value);
  };
}

export const accepts = (issues: readonly Issue[]): boolean => !issues.some((i) => i.severity === 'error');

/** mulberry32: a small seeded generator, so failures reproduce. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lengths at the models' limits (0/1/62/63/64/127/128/129/255/256/257); profiles add their own (e.g. 1024). */
export const edgeLengths = [0, 1, 2, 3, 4, 62, 63, 64, 127, 128, 129, 254, 255, 256, 257];

/** Troublemakers: separators, reserved prefixes, capitals, digits, unicode letters and digits, spaces, emoji. */
export const nastyAtoms = [
  '-',
  '--',
  '---',
  'gs-',
  'gs',
  'aws:',
  'AWS:',
  'Aws:',
  'rds:',
  'RDS:',
  ' ',
  '  ',
  '=',
  ',',
  '_',
  '.',
  '..',
  ':',
  '/',
  '+',
  '@',
  '\\',
  '#',
  '!',
  '?',
  '[',
  ']',
  '"',
  "'",
  '<',
  '>',
  ';',
  'A',
  'Z',
  'Q',
  '0',
  '1',
  '9',
  'é',
  'Ж',
  'ß',
  'İ',
  '日本',
  '😀',
  '👍🏽',
  '𝔘',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u0301',
  '٣',
  '²',
  'Ⅻ',
  'xn--',
  'sthree-',
  'amzn-s3-demo-',
  '-s3alias',
  '--ol-s3',
  '.mrap',
  '--x-s3',
  '--table-s3',
  '192.168.5.4',
  '10.0.0.1',
  '1.2.3',
  '-an',
];

/** Characters that no strict identifier or tag class of these services accepts. */
export const alienAtoms = [
  '😀',
  '#',
  '!',
  '?',
  '[',
  ']',
  '"',
  '\u0000',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\u0301',
  '\t',
  '\n',
];

export interface Profile {
  /** Single code points the rule nominally allows (weighted by repetition). */
  readonly good: readonly string[];
  /** Atoms put at the start now and then. */
  readonly prefixes?: readonly string[];
  /** Atoms put at the end now and then. */
  readonly suffixes?: readonly string[];
  /** Lengths to favour besides edgeLengths. */
  readonly lengths?: readonly number[];
}

export const chars = (s: string): string[] => Array.from(s);
export const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let c = from.codePointAt(0) ?? 0; c <= (to.codePointAt(0) ?? 0); c++) out.push(String.fromCodePoint(c));
  return out;
};

/** `count` strings biased toward the edges: nominal alphabet at edge lengths, with splices of nasty atoms. */
export function generateStrings(profile: Profile, count: number, seed: number): string[] {
  const r = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const lengths = [...edgeLengths, ...(profile.lengths ?? [])];
  const longest = Math.max(...lengths) + 3;
  // A pool of nominal characters; each string takes a slice at a random place (much faster than a pick per character).
  const pool: string[] = [];
  for (let i = 0; i < 8192 + longest; i++) pool.push(pick(profile.good));
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const length =
      r() < 0.7 ? Math.max(0, pick(lengths) + (r() < 0.7 ? 0 : pick([-2, -1, 1, 2]))) : Math.floor(r() * 140);
    const mode = r();
    let cps: string[] = [];
    if (mode < 0.9) {
      const from = Math.floor(r() * 8192);
      cps = pool.slice(from, from + length);
    } else {
      const source = mode < 0.95 ? alienAtoms : nastyAtoms;
      while (cps.length < length) cps.push(...chars(pick(source)));
      cps.length = length;
    }
    if (mode >= 0.45 && mode < 0.9) {
      // replace a few code points with nasty atoms, keeping the length when the atom fits
      const splices = 1 + Math.floor(r() * 3);
      for (let s = 0; s < splices; s++) {
        const atom = chars(pick(nastyAtoms));
        const where = r() < 0.3 ? 0 : r() < 0.4 ? Math.max(0, cps.length - atom.length) : Math.floor(r() * cps.length);
        cps.splice(where, Math.min(atom.length, cps.length - where), ...atom);
      }
    }
    if (profile.prefixes && r() < 0.15) {
      const atom = chars(pick(profile.prefixes));
      cps.splice(0, Math.min(atom.length, cps.length), ...atom);
    }
    if (profile.suffixes && r() < 0.15) {
      const atom = chars(pick(profile.suffixes));
      cps.splice(Math.max(0, cps.length - atom.length), atom.length, ...atom);
    }
    if (r() < 0.05 && cps.length > 0) cps[0] = pick(['A', '0', '-', ' ', 'é', '😀']);
    out.push(cps.join(''));
    cps = [];
  }
  return out;
}

export const FUZZ_COUNT = 100_000;

/**
 * Runs `validate` and the reference over `values`; fails on the first disagreement, and when either verdict is
 * (almost) absent, which would mean the generator does not exercise the rule.
 */
export function assertSameVerdicts(
  name: string,
  values: readonly string[],
  validate: (value: string) => readonly Issue[],
  reference: (value: string) => boolean,
): { valid: number; invalid: number } {
  let valid = 0;
  for (const value of values) {
    const ours = accepts(validate(value));
    const theirs = reference(value);
    if (ours !== theirs) {
      assert.fail(
        `${name}: verdicts differ for ${JSON.stringify(value)} (length ${[...value].length}): validator says ` +
          `${ours ? 'valid' : 'invalid'} ${JSON.stringify(validate(value))}, the model's constraints say ${theirs ? 'valid' : 'invalid'}`,
      );
    }
    if (ours) valid++;
  }
  const invalid = values.length - valid;
  assert.ok(valid >= values.length * 0.05, `${name}: only ${valid} valid values generated`);
  assert.ok(invalid >= values.length * 0.05, `${name}: only ${invalid} invalid values generated`);
  return { valid, invalid };
}
