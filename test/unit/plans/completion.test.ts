import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completePlan } from '../../../src/plans/completion';
import { parsePlan } from '../../../src/plans/parse';
import { env } from '../../support/fakePlanServices';
import { resource } from './fakeLive';

/** Completes at the `|` in the text. */
async function complete(marked: string, resources?: Parameters<typeof completePlan>[0]['resources']) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const items = await completePlan({ text, offset, env, plan: parsePlan(text).plan, resources });
  return { items, labels: items.map((i) => i.label), text };
}

test('top-level keys at column 0', async () => {
  assert.deepEqual((await complete('|')).labels, ['defaults', 'snapshots']);
  assert.deepEqual(
    (await complete('defaults:\n  region: x\nsn|')).labels,
    ['snapshots'],
    'keys already present are not offered',
  );
});

test('defaults keys inside defaults', async () => {
  const { labels } = await complete('defaults:\n  profile: prod\n  |\nsnapshots: []\n');
  assert.deepEqual(labels, ['region', 'name', 'description', 'bucket', 'prefix', 'tags', 'keep', 'maxAgeDays']);
});

test('entry keys after a dash and inside an entry, narrowed to what the service takes', async () => {
  assert.deepEqual((await complete('snapshots:\n  - |')).labels, [
    'service',
    'resource',
    'profile',
    'region',
    'name',
    'description',
    'bucket',
    'prefix',
    'tags',
    'keep',
    'maxAgeDays',
  ]);
  const { items, labels } = await complete('snapshots:\n  - service: storagegateway\n    |\n  - service: docdb\n');
  assert.deepEqual(labels, ['resource', 'profile', 'region', 'description', 'tags', 'keep', 'maxAgeDays']);
  assert.equal(items[0]?.insertText, 'resource: ');
});

test('the typed word is replaced', async () => {
  const { items, text } = await complete('snapshots:\n  - service: docdb\n    res|');
  assert.equal(items[0]?.label, 'resource');
  assert.equal(text.slice(items[0]?.replace.start, items[0]?.replace.end), 'res');
});

test('service names with their labels', async () => {
  const { items } = await complete('snapshots:\n  - service: |\n');
  assert.deepEqual(
    items.map((i) => [i.label, i.detail]),
    [
      ['neptune-graph', 'Neptune Analytics'],
      ['storagegateway', 'Storage Gateway'],
      ['docdb', 'DocumentDB'],
      ['simspaceweaver', 'SimSpace Weaver'],
    ],
  );
});

test('profile names, in defaults and entries', async () => {
  assert.deepEqual((await complete('defaults:\n  profile: p|\n')).labels, ['default', 'prod', 'noregion']);
  const { items } = await complete('snapshots:\n  - service: docdb\n    profile: |');
  assert.equal(items[1]?.detail, 'region eu-west-1');
});

test('regions, only those where the entry’s service is offered', async () => {
  assert.deepEqual((await complete('snapshots:\n  - service: simspaceweaver\n    region: |')).labels, [
    'us-east-1',
    'eu-west-1',
  ]);
  assert.equal((await complete('defaults:\n  region: |')).labels.length, 4);
});

test('live resources by name first (what {resource} expands to), then by id, with status in the detail', async () => {
  const asked: string[] = [];
  const { items } = await complete(
    'defaults:\n  profile: prod\nsnapshots:\n  - service: neptune-graph\n    region: us-east-1\n    resource: |\n',
    async (s, p, r) => {
      asked.push(`${s} ${p} ${r}`);
      return [
        resource('neptune-graph', 'g-1', 'release'),
        resource('neptune-graph', 'g-2', 'old', 'DELETING', 'graph is deleting'),
      ];
    },
  );
  assert.deepEqual(asked, ['neptune-graph prod us-east-1']);
  const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.deepEqual(
    sorted.map((i) => [i.label, i.insertText.trim(), i.detail]),
    [
      ['release', 'release', 'AVAILABLE · g-1'],
      ['old', 'old', 'DELETING · g-2 · graph is deleting'],
      ['g-1', 'g-1', 'AVAILABLE · release'],
      ['g-2', 'g-2', 'DELETING · old · graph is deleting'],
    ],
  );
});

test('a name several resources share is offered only as their ids; a resource named by its id once', async () => {
  const { items } = await complete(
    'snapshots:\n  - service: docdb\n    profile: prod\n    region: us-east-1\n    resource: |\n',
    async () => [
      resource('docdb', 'orders', 'orders'),
      resource('docdb', 'g-1', 'twin'),
      resource('docdb', 'g-2', 'twin'),
    ],
  );
  assert.deepEqual(items.map((i) => i.label).sort(), ['g-1', 'g-2', 'orders']);
  const orders = items.find((i) => i.label === 'orders');
  assert.ok((orders?.sortText ?? '').startsWith('0'), 'a name sorts in the first group');
});

test('no resource items (and no error) when the listing fails', async () => {
  const { items } = await complete(
    'snapshots:\n  - service: docdb\n    region: us-east-1\n    resource: |',
    async () => {
      throw new Error('no credentials');
    },
  );
  assert.deepEqual(items, []);
});

test('template variables after an opening brace', async () => {
  const { items, text } = await complete('snapshots:\n  - service: docdb\n    name: "{resource}-{da|"');
  assert.deepEqual(
    items.map((i) => i.label),
    ['{resource}', '{date}', '{time}', '{timestamp}', '{profile}', '{region}'],
  );
  assert.equal(items[1]?.insertText, 'date}');
  assert.equal(text.slice(items[1]?.replace.start, items[1]?.replace.end), 'da');
});

test('nothing inside a comment or under tags', async () => {
  assert.deepEqual((await complete('# a comment |')).items, []);
  assert.deepEqual((await complete('defaults:\n  tags:\n    |')).items, []);
});

test('a value right after the colon gets a leading space', async () => {
  const { items } = await complete('snapshots:\n  - service:|');
  assert.equal(items[0]?.insertText, ' neptune-graph');
});
