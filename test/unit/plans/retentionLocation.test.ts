// Retention of an entry told apart by location (SimSpace Weaver): a run and a preview list the snapshots under the
// entry's location lead with the service's `listSnapshotsAt` (its own listing has only the latest snapshot), paged
// and cached like the resource listing; a service without it keeps the resource listing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AwsClients } from '../../../src/aws/clients';
import { createServiceLiveSource, LiveCache, type LiveService, type LiveSource } from '../../../src/plans/liveSource';
import type { EntryRetention } from '../../../src/plans/planSnapshots';
import { previewRetention } from '../../../src/plans/retentionPreview';
import { createRetainer } from '../../../src/plans/runRetention';
import { analyzePlan } from '../../../src/plans/validate';
import type { DeleteSupport } from '../../../src/services/deletion';
import type { Resource, Snapshot, SnapshotService } from '../../../src/services/service';
import { simSpaceWeaverService } from '../../../src/services/simSpaceWeaver';
import { env as baseEnv, weaver } from '../../support/fakePlanServices';
import { resource } from './fakeLive';

const LEAD = 's3://snaps/nightly/snapshot/city-';
const t0 = Date.UTC(2026, 0, 10, 12);
const city = resource('simspaceweaver', 'city');

/** A snapshot object of `city` under `nightly/` taken `days` before t0 (the stamp is the day). */
function object(day: number): Snapshot {
  const name = `city-2601${String(day).padStart(2, '0')}-1200-00.zip`;
  return {
    service: 'simspaceweaver',
    id: `s3://snaps/nightly/snapshot/${name}`,
    name,
    resourceId: 'city',
    state: 'available',
    status: 'AVAILABLE',
    createdAt: new Date(Date.UTC(2026, 0, day, 12)),
    details: [],
  };
}
const objects = [object(10), object(9), object(8), object(7)];
const [latest] = objects as [Snapshot];

const retention: EntryRetention = { keep: 2, planName: 'nightly', by: 'location' };
const values = { BucketName: 'snaps', ObjectKeyPrefix: 'nightly' };

/** A SimSpace Weaver stand-in: `listSnapshots` has only the latest; `listSnapshotsAt` (if `at`) all, two per page. */
function fakeWeaver(at = true) {
  const log: string[] = [];
  const deletion: DeleteSupport = {
    operation: 'DeleteObject',
    iamActions: [],
    refusal: () => undefined,
    calls: () => [],
    async send(_ctx, s) {
      log.push(`delete ${s.name}`);
      return 'gone';
    },
  };
  const service: Partial<SnapshotService> = {
    id: 'simspaceweaver',
    label: 'SimSpace Weaver',
    destination: simSpaceWeaverService.destination,
    delete: deletion,
    async getSnapshotStatuses(_ctx, refs) {
      return new Map(refs.map((r) => [r.snapshotId, latest]));
    },
    async listSnapshots() {
      log.push('list');
      return { items: [latest] };
    },
    ...(at
      ? {
          async listSnapshotsAt(_ctx: unknown, r: Resource, location: string, page: { nextToken?: string }) {
            log.push(`listAt ${r.id} ${location} ${page.nextToken ?? '-'}`);
            const from = Number(page.nextToken ?? 0);
            const next = from + 2 < objects.length ? String(from + 2) : undefined;
            return { items: objects.slice(from, from + 2), nextToken: next };
          },
        }
      : {}),
  };
  return { service: service as SnapshotService, log };
}

async function retain(service: SnapshotService, rule: EntryRetention = retention) {
  const run = createRetainer({ clients: {} as AwsClients, pollMs: 1, now: () => t0 });
  return run({
    target: { profile: 'p', region: 'us-east-1', service, resource: city },
    retention: rule,
    input: { values, tags: [] },
    snapshotId: latest.id,
    requestedAt: t0 - 60_000,
  });
}

test('a run lists a location entry’s snapshots under its lead with listSnapshotsAt, every page, and deletes', async () => {
  const { service, log } = fakeWeaver();
  const report = await retain(service);
  assert.deepEqual(log, [
    `listAt city ${LEAD} -`,
    `listAt city ${LEAD} 2`,
    'delete city-260108-1200-00.zip',
    'delete city-260107-1200-00.zip',
  ]);
  assert.deepEqual(
    report.kept.map((k) => k.name),
    ['city-260110-1200-00.zip', 'city-260109-1200-00.zip'],
  );
  // A service without the listing: its own (here only the latest), as before: nothing to delete.
  const plain = fakeWeaver(false);
  assert.deepEqual((await retain(plain.service)).deleted, []);
  assert.deepEqual(plain.log, ['list']);
  // An entry told apart by tag never lists by location.
  const tagged = fakeWeaver();
  await retain(tagged.service, { ...retention, by: 'tag' });
  assert.deepEqual(tagged.log, ['list']);
});

const env = {
  ...baseEnv,
  services: [{ ...weaver, delete: fakeWeaver().service.delete, destination: simSpaceWeaverService.destination }],
};
const plan = [
  'defaults: { profile: default, region: us-east-1 }',
  'snapshots:',
  '  - { service: simspaceweaver, resource: city, bucket: snaps, prefix: nightly, keep: 2 }',
  '',
].join('\n');

function source(at = true): LiveSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async listResources() {
      return [city];
    },
    async listSnapshots(_s, _p, _r, r) {
      calls.push(`snapshots ${r.id}`);
      return [latest];
    },
    ...(at
      ? {
          async listSnapshotsAt(_s: string, _p: string, _r: string, r: Resource, location: string) {
            calls.push(`at ${r.id} ${location}`);
            return objects;
          },
        }
      : {}),
  };
}

test('the preview lists a location entry’s snapshots under its lead, cached with the same time to live', async () => {
  const analysis = analyzePlan(plan, env);
  assert.equal(analysis.errorCount, 0, analysis.diagnostics.map((d) => d.message).join('\n'));
  const [entry] = analysis.entries;
  assert.ok(entry);
  let now = t0;
  const live = source();
  const cache = new LiveCache(live, { ttlMs: 1000, now: () => now });
  const preview = await previewRetention(entry, cache, 'nightly.snapshots.yaml', new Date(t0));
  assert.equal(preview?.kind, 'ok');
  assert.deepEqual(
    preview?.kind === 'ok' ? preview.selection.delete.map((c) => c.snapshot.name) : [],
    ['city-260109-1200-00.zip', 'city-260108-1200-00.zip', 'city-260107-1200-00.zip'],
    'the run’s new snapshot is assumed newest',
  );
  await previewRetention(entry, cache, 'nightly.snapshots.yaml', new Date(t0));
  assert.deepEqual(live.calls, [`at city ${LEAD}`], 'one listing, cached');
  now += 1000;
  await previewRetention(entry, cache, 'nightly.snapshots.yaml', new Date(t0));
  assert.deepEqual(live.calls, [`at city ${LEAD}`, `at city ${LEAD}`], 'listed again once stale');
  // A source without the listing: the resource's snapshots, as before.
  const plain = source(false);
  const before = await previewRetention(entry, new LiveCache(plain), 'nightly.snapshots.yaml', new Date(t0));
  assert.deepEqual(plain.calls, ['snapshots city']);
  assert.deepEqual(before?.kind === 'ok' ? before.selection.delete : undefined, []);
});

test('the service live source lists by location through the service, or answers undefined without a call', async () => {
  const { service, log } = fakeWeaver();
  const fake = fakeWeaver(false);
  const live = (s: SnapshotService) =>
    createServiceLiveSource({ services: [s as LiveService], clients: {} as AwsClients, maxPages: 1 });
  assert.deepEqual(
    (await live(service).listSnapshotsAt?.('simspaceweaver', 'p', 'us-east-1', city, LEAD))?.map((s) => s.name),
    ['city-260110-1200-00.zip', 'city-260109-1200-00.zip'],
    'up to maxPages pages',
  );
  assert.deepEqual(log, [`listAt city ${LEAD} -`]);
  assert.equal(await live(fake.service).listSnapshotsAt?.('simspaceweaver', 'p', 'us-east-1', city, LEAD), undefined);
  const cache = new LiveCache(live(fake.service));
  assert.deepEqual(await cache.snapshotsAt('simspaceweaver', 'p', 'us-east-1', city, LEAD), [latest]);
  await cache.snapshots('simspaceweaver', 'p', 'us-east-1', city);
  assert.deepEqual(fake.log, ['list'], 'the fallback shares the resource listing’s cache');
});
