// A snapshot's row and tooltip: its kind (automated or manual) and short id in the row, its size with units and its
// encryption in the tooltip, and the `hasTags` token Copy Tags is offered on; the tags Copy Tags reads (once, cached
// with the tooltip's; a failed read tried again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode, SnapshotNode } from '../../../src/tree/model/nodes';
import { encryptionText, rowPrefix, sizeText } from '../../../src/tree/model/snapshotFacts';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import type { Snapshot } from '../../../src/services/service';
import type { Tag } from '../../../src/validation/types';
import { FakeService, awsError, noClients, resource, snapshot } from '../../support/fakeService';

const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const at = new Date('2026-02-01T10:20:00Z');

function setup(list: Snapshot[], read?: () => Promise<readonly Tag[]>) {
  const service = new FakeService('docdb', 'DocumentDB');
  service.resources = [resource('c1')];
  service.snapshots.set('c1', list);
  let reads = 0;
  if (read) {
    service.snapshotTags = () => {
      reads++;
      return read();
    };
  }
  const model = new ExplorerModel({
    profiles: async () => [{ name: 'dev', kind: 'static', region: 'us-east-1' }],
    clients: noClients,
    services: [service],
    settings: () => defaultTreeSettings,
    throttleRetry: { attempts: 0 },
  });
  return { model, reads: () => reads };
}

async function snapshotNodes(model: ExplorerModel): Promise<SnapshotNode[]> {
  let nodes: ExplorerNode[] = await model.getChildren();
  for (let depth = 0; depth < 4; depth++) nodes = await model.getChildren(nodes[0]);
  return nodes.filter((n): n is SnapshotNode => n.kind === 'snapshot');
}

test('sizes with units, encryption in words, the row prefix of kind and repeated names', () => {
  const s = (extra: Partial<Snapshot>) => snapshot('s', at, extra);
  assert.equal(sizeText(s({ sizeBytes: 500 * 1024 ** 3 })), '500 GiB');
  assert.equal(sizeText(s({ sizeBytes: 5_452_595 })), '5.2 MiB');
  assert.equal(sizeText(s({ sizeBytes: 1024 ** 4 * 1.5 })), '1.5 TiB');
  assert.equal(sizeText(s({})), undefined);
  assert.equal(encryptionText({ encrypted: false }), 'Not encrypted');
  assert.equal(encryptionText({ encrypted: true, kmsKey: 'alias/orders' }), 'Encrypted (KMS key alias/orders)');
  assert.equal(encryptionText({ encrypted: true, managedKey: 'aws-owned' }), 'Encrypted (AWS owned key)');
  assert.equal(encryptionText({ encrypted: true, managedKey: 's3' }), 'Encrypted (Amazon S3 managed key, SSE-S3)');
  assert.equal(encryptionText({ encrypted: true }), 'Encrypted');
  assert.equal(encryptionText(undefined), undefined);
  assert.deepEqual(rowPrefix(s({ kind: 'automated' })), ['automated']);
  assert.deepEqual(rowPrefix(s({ name: 'nightly', rowId: 'snap-1' })), ['snap-1']);
  assert.deepEqual(rowPrefix(s({ name: 'snap-1', rowId: 'snap-1' })), [], 'a name that is the id is not repeated');
});

test('rows: automated or manual first; equal descriptions told apart by their snap- ids', async () => {
  const { model } = setup([
    snapshot('rds:c1-2026-02-01-10-20', at, { kind: 'automated', status: 'available' }),
    snapshot('c1-before-upgrade', new Date('2026-01-01T00:00:00Z'), { kind: 'manual', status: 'available' }),
    snapshot('snap-0a1', at, { name: 'nightly', rowId: 'snap-0a1', status: 'completed' }),
    snapshot('snap-0b2', at, { name: 'nightly', rowId: 'snap-0b2', status: 'completed' }),
  ]);
  const rows = (await snapshotNodes(model)).map((n) => [n.snapshot.name, model.describe(n).description]);
  assert.deepEqual(
    rows.sort(([a, x], [b, y]) => `${a}${x}`.localeCompare(`${b}${y}`)),
    [
      ['c1-before-upgrade', 'manual · available · 2026-01-01 00:00 UTC'],
      ['nightly', 'snap-0a1 · completed · 2026-02-01 10:20 UTC'],
      ['nightly', 'snap-0b2 · completed · 2026-02-01 10:20 UTC'],
      ['rds:c1-2026-02-01-10-20', 'automated · available · 2026-02-01 10:20 UTC'],
    ],
  );
});

test('the tooltip shows size and encryption once each; nothing when the service did not say', async () => {
  const { model } = setup([
    snapshot('big', at, {
      sizeBytes: 48 * 1024 ** 3,
      encryption: { encrypted: true, kmsKey: KEY },
      tags: [],
    }),
    snapshot('plain', new Date('2026-01-01T00:00:00Z'), { encryption: { encrypted: false }, tags: [] }),
    snapshot('unsaid', new Date('2025-01-01T00:00:00Z'), { tags: [] }),
  ]);
  const [big, plain, unsaid] = await snapshotNodes(model);
  const tooltip = model.describe(big!).tooltip ?? '';
  assert.match(tooltip, /\*\*Size:\*\* 48 GiB/);
  assert.match(
    tooltip,
    /\*\*Encryption:\*\* Encrypted \\\(KMS key arn:aws:kms:us\\-east\\-1:123456789012:key\/1234abcd/,
  );
  assert.equal(tooltip.match(/Size:/g)?.length, 1);
  assert.match(model.describe(plain!).tooltip ?? '', /\*\*Encryption:\*\* Not encrypted/);
  assert.doesNotMatch(model.describe(plain!).tooltip ?? '', /Size:/);
  assert.doesNotMatch(model.describe(unsaid!).tooltip ?? '', /Size:|Encryption:/);
});

test('Copy Tags is offered (hasTags) on snapshots with tags or whose tags are read when asked, not on none', async () => {
  const tagged = setup([
    snapshot('with', at, { tags: [{ key: 'team', value: 'data' }] }),
    snapshot('without', new Date('2026-01-01T00:00:00Z'), { tags: [] }),
  ]);
  const [withTags, withoutTags] = await snapshotNodes(tagged.model);
  assert.match(tagged.model.describe(withTags!).contextValue, /\bhasTags\b/);
  assert.doesNotMatch(tagged.model.describe(withoutTags!).contextValue, /\bhasTags\b/);
  const unread = setup([snapshot('lazy', at)], async () => []);
  const [lazy] = await snapshotNodes(unread.model);
  assert.match(unread.model.describe(lazy!).contextValue, /\bhasTags\b/, 'unknown until read: offered');
  const noTagsApi = setup([snapshot('object', at)]);
  const [object] = await snapshotNodes(noTagsApi.model);
  assert.doesNotMatch(noTagsApi.model.describe(object!).contextValue, /\bhasTags\b/, 'a service without tags');
});

test('the tags Copy Tags reads: known ones without a call; else one read shared with the tooltip; a failure again', async () => {
  let fail = true;
  const { model, reads } = setup([snapshot('lazy', at, { arn: 'arn:lazy' })], async () => {
    if (fail) throw awsError('AccessDenied', 'not allowed');
    return [{ key: 'env', value: 'prod' }];
  });
  const [lazy] = await snapshotNodes(model);
  const signal = new AbortController().signal;
  await assert.rejects(model.readSnapshotTags(lazy!, signal), /not allowed/);
  assert.match(model.describe(lazy!).tooltip ?? '', /Tags:\*\* could not be read/);
  fail = false;
  assert.deepEqual(await model.readSnapshotTags(lazy!, signal), [{ key: 'env', value: 'prod' }], 'tried again');
  assert.deepEqual(await model.readSnapshotTags(lazy!, signal), [{ key: 'env', value: 'prod' }]);
  await model.resolve(lazy!, signal);
  assert.equal(reads(), 2, 'the failed read and one more; then cached for Copy Tags and the tooltip');
  const known = setup([snapshot('k', at, { tags: [{ key: 'a', value: 'b' }] })], async () => []);
  const [k] = await snapshotNodes(known.model);
  assert.deepEqual(await known.model.readSnapshotTags(k!, signal), [{ key: 'a', value: 'b' }]);
  assert.equal(known.reads(), 0);
});
