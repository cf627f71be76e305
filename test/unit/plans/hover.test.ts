import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverPlan } from '../../../src/plans/hover';
import { analyzePlan } from '../../../src/plans/validate';
import { env } from '../../support/fakePlanServices';
import { resource } from './fakeLive';

const text = [
  'defaults:',
  '  profile: prod',
  '  name: "{resource}-{date}"',
  'snapshots:',
  '  - service: neptune-graph',
  '    resource: g-1',
  '    name: "rel-{time}"',
  '  - service: docdb',
  '    resource: prod-db',
  '',
].join('\n');

async function hover(needle: string, resources?: Parameters<typeof hoverPlan>[0]['resources'], nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  return hoverPlan({ analysis: analyzePlan(text, env), offset: offset + 1, env, resources });
}

test('a resource shows its status, size and ARN', async () => {
  const h = await hover('g-1', async () => [resource('neptune-graph', 'g-1', 'release')]);
  assert.match(h?.markdown ?? '', /\*\*release\*\* \(`g-1`\) — AVAILABLE/);
  assert.match(h?.markdown ?? '', /16 m-NCU/);
  assert.match(h?.markdown ?? '', /ARN: `arn:aws:neptune-graph:us-east-1:111122223333:thing\/g-1`/);
  assert.match(h?.markdown ?? '', /Size: 16 GiB/);
  assert.equal(text.slice(h?.span.start, h?.span.end), 'g-1');
});

test('a missing resource and a failed lookup say so', async () => {
  assert.match((await hover('g-1', async () => []))?.markdown ?? '', /No graph `g-1` in profile `prod`, eu-west-1/);
  const failed = await hover('g-1', async () => {
    throw new Error('ExpiredToken');
  });
  assert.match(failed?.markdown ?? '', /Could not look up the graph .*ExpiredToken/);
});

test('an entry name shows its expansion', async () => {
  const h = await hover('"rel-');
  assert.match(h?.markdown ?? '', /`name` expands to `rel-1405`/);
});

test('a defaults template shows its expansion per entry', async () => {
  const h = await hover('}"');
  assert.match(h?.markdown ?? '', /entry 2 \(`prod-db`\): `prod-db-20261123`/);
});

test('a template variable shows what it stands for and its value', async () => {
  const h = await hover('{time}');
  assert.match(h?.markdown ?? '', /`\{time\}`: The UTC time the plan runs, HHMM — here `1405`/);
  assert.equal(text.slice(h?.span.start, h?.span.end), '{time}');
});

test('keys and services have documentation', async () => {
  assert.match((await hover('defaults'))?.markdown ?? '', /Values every entry inherits/);
  assert.match((await hover('resource:', undefined, 0))?.markdown ?? '', /its id, its name or its ARN/);
  assert.match((await hover('docdb'))?.markdown ?? '', /\*\*DocumentDB\*\* — `CreateDBClusterSnapshot`/);
});
