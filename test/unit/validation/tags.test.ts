import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  docdbRules,
  formatTags,
  neptuneGraphRules,
  parseTags,
  storageGatewayRules,
  type TagRules,
} from '../../../src/validation';

const sg = storageGatewayRules.tags as TagRules;
/** Accepts every key and value, so only the parser's own findings show. */
const lenient: TagRules = { maxTags: 1000, validateKey: () => [], validateValue: () => [] };

describe('parseTags', () => {
  it('reads key=value pairs separated by commas, trimming around pairs, keys and values', () => {
    const { tags, issues } = parseTags(' team=data ,env = prod,empty=, ', sg);
    assert.deepEqual(tags, [
      { key: 'team', value: 'data' },
      { key: 'env', value: 'prod' },
      { key: 'empty', value: '' },
    ]);
    assert.deepEqual(issues, []);
  });

  it('an empty text means no tags; empty pairs are ignored', () => {
    assert.deepEqual(parseTags('', sg), { tags: [], issues: [] });
    assert.deepEqual(parseTags('  ,  , ', sg), { tags: [], issues: [] });
    assert.equal(parseTags('a=1,,b=2', sg).tags.length, 2);
  });

  it('the value may contain "=" (the first one separates)', () => {
    assert.deepEqual(parseTags('expr=a=b', sg).tags, [{ key: 'expr', value: 'a=b' }]);
  });

  it('points at the offending pair with its offsets, number and text', () => {
    const text = 'team=data, aws:owner=me, env=prod';
    const { issues } = parseTags(text, sg);
    assert.equal(issues.length, 1);
    const [issue] = issues;
    assert.equal(issue?.severity, 'error');
    assert.equal(issue?.message, "Tag 2 ('aws:owner=me'): tag keys cannot start with 'aws:' (AWS reserves it).");
    assert.equal(text.slice(issue?.start, issue?.end), 'aws:owner=me');
  });

  it('a pair without "=" is an error that says how to write it', () => {
    const text = 'a=1,  oops  ,b=2';
    const { tags, issues } = parseTags(text, sg);
    assert.equal(tags.length, 2);
    assert.match(issues[0]?.message ?? '', /^Tag 2 \('oops'\): it has no '=': write key=value/);
    assert.equal(text.slice(issues[0]?.start, issues[0]?.end), 'oops');
  });

  it('a duplicate key names the first pair that used it', () => {
    const text = 'team=a, env=b, team=c';
    const { issues } = parseTags(text, sg);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.message, "Tag 3 ('team=c'): the key 'team' is already used by tag 1.");
    assert.equal(text.slice(issues[0]?.start, issues[0]?.end), 'team=c');
  });

  it('more than maxTags pairs: each extra pair is an error', () => {
    const text = Array.from({ length: 52 }, (_, i) => `k${i}=v`).join(',');
    const { tags, issues } = parseTags(text, sg);
    assert.equal(tags.length, 52);
    assert.deepEqual(
      issues.map((i) => text.slice(i.start, i.end)),
      ['k50=v', 'k51=v'],
    );
    assert.match(issues[0]?.message ?? '', /^Tag 51 \('k50=v'\): too many tags; at most 50 are allowed\.$/);
    assert.deepEqual(parseTags(text.split(',').slice(0, 50).join(','), sg).issues, []);
  });

  it('key and value rule violations keep their severity and name key or value', () => {
    const neptune = neptuneGraphRules.tags as TagRules;
    const { issues } = parseTags('aws:x=1, cost center=1, ok=' + 'v'.repeat(257), neptune);
    assert.equal(issues.length, 3);
    assert.equal(issues[0]?.severity, 'error');
    assert.match(issues[0]?.message ?? '', /^Tag 1 \('aws:x=1'\): tag keys cannot start with 'aws:'/);
    assert.equal(issues[1]?.severity, 'error');
    assert.match(issues[1]?.message ?? '', /^Tag 2 \('cost center=1'\): .*a space at position 5 is not allowed/);
    assert.equal(issues[2]?.severity, 'error');
    assert.match(issues[2]?.message ?? '', /^Tag 3 \('ok=vvvv.*…'\): tag values can have at most 256 characters/);
    const docdb = parseTags('a=rds:x', docdbRules.tags as TagRules).issues;
    assert.match(docdb[0]?.message ?? '', /tag values cannot start with 'rds:'/);
  });

  it('offsets are UTF-16 offsets into the text, also after emoji', () => {
    const text = '😀=1, bad#=2';
    const { issues } = parseTags(text, sg);
    assert.equal(issues.length, 2);
    assert.equal(text.slice(issues[1]?.start, issues[1]?.end), 'bad#=2');
  });

  it('backslash escapes a comma, an equals sign, a backslash or surrounding space', () => {
    assert.deepEqual(parseTags('a\\,b\\=c=d\\,e, \\ x\\ =y', lenient).tags, [
      { key: 'a,b=c', value: 'd,e' },
      { key: ' x ', value: 'y' },
    ]);
    assert.deepEqual(parseTags('path=C:\\dir', lenient).tags, [{ key: 'path', value: 'C:\\dir' }]);
  });
});

describe('formatTags', () => {
  it('writes key=value pairs joined by ", "', () => {
    assert.equal(
      formatTags([
        { key: 'team', value: 'data' },
        { key: 'env', value: '' },
      ]),
      'team=data, env=',
    );
  });

  it('is the inverse of parseTags for any tags (fast-check, any unicode)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const spaced = fc.oneof(text, fc.constantFrom(' ', ' a ', '\t', 'a,b', 'a=b', '\\', '\\,', '\u00a0x', 'x\u2028'));
    fc.assert(
      fc.property(fc.array(fc.tuple(spaced, spaced), { maxLength: 6 }), (pairs) => {
        const tags = pairs.map(([key, value]) => ({ key, value }));
        assert.deepEqual(parseTags(formatTags(tags), lenient).tags, tags);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
