import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandTemplate, resourceToken, templateValues } from '../../../src/plans/template';

const ctx = {
  resource: 'g-abcdefghij',
  profile: 'prod',
  region: 'eu-west-1',
  now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
};

test('every variable expands, in UTC', () => {
  const result = expandTemplate('{resource}|{date}|{time}|{timestamp}|{profile}|{region}', ctx);
  assert.deepEqual(result, { ok: true, value: 'g-abcdefghij|20260102|0304|20260102-030405|prod|eu-west-1' });
});

test('text without braces is returned unchanged', () => {
  assert.deepEqual(expandTemplate('plain-name', ctx), { ok: true, value: 'plain-name' });
});

test('doubled braces are literal braces', () => {
  assert.deepEqual(expandTemplate('{{x}} {date}', ctx), { ok: true, value: '{x} 20260102' });
});

test('an unknown variable is reported with its name and place', () => {
  const result = expandTemplate('a-{resourse}-{date}', ctx);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.problems, [{ kind: 'unknown-variable', variable: 'resourse', start: 2, end: 12 }]);
});

test('unclosed and stray braces are reported', () => {
  const result = expandTemplate('a{date b} c}', ctx);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.problems.map((p) => p.kind),
    ['unknown-variable', 'stray-close'],
  );
  const unclosed = expandTemplate('x-{date', ctx);
  assert.equal(unclosed.ok, false);
  if (!unclosed.ok) assert.deepEqual(unclosed.problems, [{ kind: 'unclosed', start: 2, end: 3 }]);
});

test('{resource} of an ARN is its last segment', () => {
  assert.equal(resourceToken('arn:aws:rds:us-east-1:123456789012:cluster:prod-db'), 'prod-db');
  assert.equal(resourceToken('arn:aws:storagegateway:us-east-1:1:gateway/sgw-1/volume/vol-1'), 'vol-1');
  assert.equal(resourceToken('g-abc'), 'g-abc');
  assert.equal(templateValues({ ...ctx, resource: 'arn:aws:neptune-graph:us-east-1:1:graph/g-x' }).resource, 'g-x');
});
