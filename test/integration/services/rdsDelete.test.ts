// The RDS family's delete (DocumentDB, Neptune Database) with the real @aws-sdk/client-docdb and client-neptune
// against the emulator: a demo manual snapshot deleted reads as deleting, then getSnapshotStatuses no longer finds it
// and its cluster no longer lists it; an automated snapshot is refused here, and AWS's answer to one
// (InvalidDBClusterSnapshotStateFault) and to an unknown one (DBClusterSnapshotNotFoundFault) arrive as the SDK's own
// exception classes with their sentences.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as docdbSdk from '@aws-sdk/client-docdb';
import * as neptuneSdk from '@aws-sdk/client-neptune';
import { errorFacts } from '../../../src/snapshots/errorMessages';
import { docdbService } from '../../../src/services/docdb';
import { neptuneService } from '../../../src/services/neptune';
import type { AwsContext, Snapshot, SnapshotRef, SnapshotService } from '../../../src/services/service';
import { type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

interface Member {
  readonly svc: SnapshotService;
  /** The SDK exception classes both packages export under the same names. */
  readonly sdk: typeof docdbSdk | typeof neptuneSdk;
  readonly cluster: string;
  readonly manual: string;
  /** Another manual snapshot of the region, to read several at once. */
  readonly otherManual: string;
  readonly automatedCluster: string;
  readonly automated: string;
}

const members: Member[] = [
  {
    svc: docdbService,
    sdk: docdbSdk,
    cluster: 'catalog-dev',
    manual: 'catalog-dev-seed',
    otherManual: 'orders-prod-before-upgrade',
    automatedCluster: 'orders-prod',
    automated: 'rds:orders-prod-2025-07-20-03-00',
  },
  {
    svc: neptuneService,
    sdk: neptuneSdk,
    cluster: 'fraud-graph-db',
    manual: 'fraud-graph-db-before-reindex',
    otherManual: 'social-neptune-manual',
    automatedCluster: 'fraud-graph-db',
    automated: 'rds:fraud-graph-db-2025-07-20-04-00',
  },
];

const REGION = 'us-east-1';

for (const m of members) {
  describe(`${m.svc.label} delete against the emulator`, () => {
    let h: EmulatorHarness;
    const deletion = m.svc.delete!;
    const ref = (snapshotId: string): SnapshotRef => ({
      service: m.svc.id,
      profile: 'demo',
      region: REGION,
      resourceId: m.cluster,
      snapshotId,
      requestedAt: Date.now(),
    });
    const listed = async (ctx: AwsContext, clusterId: string): Promise<Snapshot[]> => {
      const cluster = await m.svc.getResource(ctx, clusterId);
      assert.ok(cluster, clusterId);
      return (await m.svc.listSnapshots(ctx, cluster, {})).items;
    };
    const demoSnapshot = async (ctx: AwsContext, clusterId: string, id: string): Promise<Snapshot> => {
      const snapshot = (await listed(ctx, clusterId)).find((s) => s.id === id);
      assert.ok(snapshot, id);
      return snapshot;
    };
    const context = { profile: 'demo', region: REGION, resourceName: m.cluster, snapshotName: 'gone-one' };

    before(async () => {
      // Deletions take a second, so "deleting" can be seen before "gone".
      h = await startHarness({ snapshotSeconds: 1 });
    });
    after(() => h.stop());
    beforeEach(() => h.reset());

    it('deletes a demo manual snapshot: deleting, then not found and not listed', async () => {
      const ctx = h.ctx(REGION);
      const snapshot = await demoSnapshot(ctx, m.cluster, m.manual);
      assert.equal(deletion.refusal(snapshot), undefined);
      const from = (await h.calls()).length;
      assert.deepEqual(await deletion.send(ctx, snapshot), { id: m.manual, state: 'deleting', status: 'deleting' });
      assert.deepEqual(
        (await h.calls()).slice(from).map((c) => [c.service, c.operation, c.status]),
        [[m.svc.id, 'DeleteDBClusterSnapshot', 200]],
      );
      assert.equal((await m.svc.getSnapshotStatuses(ctx, [ref(m.manual)])).get(m.manual)?.state, 'deleting');
      const several = await m.svc.getSnapshotStatuses(ctx, [ref(m.manual), ref(m.otherManual)]);
      assert.deepEqual([several.get(m.manual)?.state, several.get(m.otherManual)?.state], ['deleting', 'available']);
      const inTree = (await listed(ctx, m.cluster)).find((s) => s.id === m.manual);
      assert.equal(inTree?.state, 'deleting');
      assert.match(deletion.refusal(inTree!) ?? '', /already being deleted/);
      await pollUntil(
        () => m.svc.getSnapshotStatuses(ctx, [ref(m.manual)]),
        (found) => found.size === 0,
      );
      assert.deepEqual(
        [...(await m.svc.getSnapshotStatuses(ctx, [ref(m.manual), ref(m.otherManual)])).keys()],
        [m.otherManual],
      );
      assert.equal(
        (await listed(ctx, m.cluster)).some((s) => s.id === m.manual),
        false,
      );
    });

    it('an automated snapshot: refused here; AWS answers InvalidDBClusterSnapshotStateFault, explained', async () => {
      const ctx = h.ctx(REGION);
      const automated = await demoSnapshot(ctx, m.automatedCluster, m.automated);
      assert.match(deletion.refusal(automated) ?? '', /is an automated snapshot: AWS deletes it/);
      const error = await deletion.send(ctx, automated).then(
        () => assert.fail('deleted an automated snapshot'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof m.sdk.InvalidDBClusterSnapshotStateFault, String(error));
      assert.match(
        deletion.explainError?.(errorFacts(error), context) ?? '',
        new RegExp(`^${m.svc.label} deletes only manual snapshots: Only manual snapshots may be deleted\\.`),
      );
      assert.equal((await m.svc.getSnapshotStatuses(ctx, [ref(m.automated)])).get(m.automated)?.state, 'available');
    });

    it('an unknown snapshot: DBClusterSnapshotNotFoundFault, explained', async () => {
      const ctx = h.ctx(REGION);
      const unknown: Snapshot = { ...(await demoSnapshot(ctx, m.cluster, m.manual)), id: 'no-such-snapshot' };
      const error = await deletion.send(ctx, unknown).then(
        () => assert.fail('deleted an unknown snapshot'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof m.sdk.DBClusterSnapshotNotFoundFault, String(error));
      assert.match(
        deletion.explainError?.(errorFacts(error), context) ?? '',
        /^Cluster snapshot gone-one was not found in us-east-1: it is already deleted/,
      );
    });
  });
}
