// The RDS family's delete (DocumentDB, Neptune Database) with a fake SDK: which snapshots it refuses and why
// (automated, AWS Backup's, being created or deleted), the exact request, send's request and its answer as a state,
// the tracker's status read of a deleting snapshot and of a deleted one, and a sentence for every modeled error of
// DeleteDBClusterSnapshot in its SDK and wire spellings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DBClusterSnapshotNotFoundFault } from '@aws-sdk/client-docdb';
import { docdbService } from '../../../src/services/docdb';
import { neptuneService } from '../../../src/services/neptune';
import type { Snapshot, SnapshotRef } from '../../../src/services/service';
import { modelsDir } from '../validation/fuzz';
import { fakeAws } from './fakeAws';

const snapshot = (
  service: string,
  state: Snapshot['state'],
  type = 'manual',
  id = 'orders-before-upgrade',
): Snapshot => ({
  service,
  id,
  name: id,
  resourceId: 'orders',
  state,
  status: state,
  details: [
    ['Snapshot ID', id],
    ['Type', type],
  ],
});

for (const svc of [docdbService, neptuneService]) {
  const deletion = svc.delete!;
  const ref: SnapshotRef = {
    service: svc.id,
    profile: 'dev',
    region: 'us-east-1',
    resourceId: 'orders',
    snapshotId: 'orders-before-upgrade',
    requestedAt: 0,
  };

  describe(`${svc.id} delete`, () => {
    it('declares DeleteDBClusterSnapshot and its rds: IAM action first', () => {
      assert.equal(deletion.operation, 'DeleteDBClusterSnapshot');
      assert.equal(deletion.iamActions[0], 'rds:DeleteDBClusterSnapshot');
    });

    it('deletes available and failed manual snapshots; refuses automated, AWS Backup, creating and deleting ones', () => {
      assert.equal(deletion.refusal(snapshot(svc.id, 'available')), undefined);
      assert.equal(deletion.refusal(snapshot(svc.id, 'failed')), undefined);
      const automated = deletion.refusal(snapshot(svc.id, 'available', 'automated', 'rds:orders-2026-01-15-03-00'));
      assert.match(
        automated ?? '',
        /^rds:orders-2026-01-15-03-00 is an automated snapshot: AWS deletes it when the cluster's backup retention period ends, or with the cluster/,
      );
      // Without the type detail, the `rds:` prefix of an automated snapshot's id is enough.
      const bare = { ...snapshot(svc.id, 'available', 'x', 'rds:orders-2026-01-15-03-00'), details: [] };
      assert.match(deletion.refusal(bare) ?? '', /is an automated snapshot/);
      assert.match(deletion.refusal(snapshot(svc.id, 'available', 'awsbackup')) ?? '', /managed by AWS Backup/);
      assert.equal(
        deletion.refusal(snapshot(svc.id, 'creating')),
        'snapshot orders-before-upgrade is still being created (creating); delete it once it is available',
      );
      assert.equal(
        deletion.refusal(snapshot(svc.id, 'deleting')),
        'snapshot orders-before-upgrade is already being deleted (deleting)',
      );
    });

    it('calls: exactly one DeleteDBClusterSnapshot of the snapshot identifier', () => {
      assert.deepEqual(deletion.calls(snapshot(svc.id, 'available')), [
        { operation: 'DeleteDBClusterSnapshot', input: { DBClusterSnapshotIdentifier: 'orders-before-upgrade' } },
      ]);
    });

    it('send: sends what calls() shows with its own client; the snapshot is then deleting', async () => {
      const { ctx, calls } = fakeAws(
        {
          DeleteDBClusterSnapshotCommand: (input) => ({
            DBClusterSnapshot: { DBClusterSnapshotIdentifier: input.DBClusterSnapshotIdentifier, Status: 'available' },
          }),
        },
        { profile: 'prod', region: 'eu-west-1' },
      );
      const answer = await deletion.send(ctx, snapshot(svc.id, 'available'));
      assert.deepEqual(answer, { id: 'orders-before-upgrade', state: 'deleting', status: 'deleting' });
      assert.deepEqual(
        calls.map((c) => [c.kind, c.profile, c.region, c.name, c.input]),
        [
          [
            svc.id,
            'prod',
            'eu-west-1',
            'DeleteDBClusterSnapshotCommand',
            deletion.calls(snapshot(svc.id, 'available'))[0]?.input,
          ],
        ],
      );
    });

    it("send: an answer of status 'deleted' means it is gone already", async () => {
      const { ctx } = fakeAws({
        DeleteDBClusterSnapshotCommand: () => ({ DBClusterSnapshot: { Status: 'deleted' } }),
      });
      assert.equal(await deletion.send(ctx, snapshot(svc.id, 'available')), 'gone');
    });

    it('getSnapshotStatuses: a deleting snapshot reads as deleting, a deleted one is not found', async () => {
      const deleting = fakeAws({
        DescribeDBClusterSnapshotsCommand: () => ({
          DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'orders-before-upgrade', Status: 'deleting' }],
        }),
      });
      assert.equal(
        (await svc.getSnapshotStatuses(deleting.ctx, [ref])).get('orders-before-upgrade')?.state,
        'deleting',
      );
      const gone = fakeAws({
        DescribeDBClusterSnapshotsCommand: () => {
          throw new DBClusterSnapshotNotFoundFault({ message: 'not found', $metadata: {} });
        },
      });
      assert.equal((await svc.getSnapshotStatuses(gone.ctx, [ref])).size, 0);
    });

    it('explainError: a sentence for every modeled error, in its SDK and wire spellings', () => {
      const model = JSON.parse(readFileSync(path.join(modelsDir, svc.id, 'service-2.json'), 'utf8')) as {
        operations: Record<string, { errors?: { shape: string }[] }>;
        shapes: Record<string, { error?: { code?: string } }>;
      };
      const c = { profile: 'p', region: 'us-east-1', resourceName: 'orders', snapshotName: 'orders-before-upgrade' };
      const modeled = model.operations.DeleteDBClusterSnapshot?.errors ?? [];
      assert.equal(modeled.length, 2);
      for (const { shape } of modeled) {
        for (const code of [shape, shape.replace(/Fault$/, ''), model.shapes[shape]?.error?.code ?? shape]) {
          const said = deletion.explainError?.({ code, message: 'Something happened' }, c);
          assert.ok(said && /[.!?]$/.test(said), `${code}: ${said}`);
        }
      }
      assert.match(
        deletion.explainError?.({ code: 'DBClusterSnapshotNotFoundFault', message: 'x' }, c) ?? '',
        /^Cluster snapshot orders-before-upgrade was not found in us-east-1: it is already deleted/,
      );
      assert.match(
        deletion.explainError?.(
          { code: 'InvalidDBClusterSnapshotStateFault', message: 'Only manual snapshots may be deleted.' },
          c,
        ) ?? '',
        new RegExp(`^${svc.label} deletes only manual snapshots: Only manual snapshots may be deleted\\. An automated`),
      );
      assert.match(
        deletion.explainError?.(
          { code: 'InvalidDBClusterSnapshotStateFault', message: 'DBClusterSnapshot x is in creating state' },
          c,
        ) ?? '',
        /cannot be deleted in its current state: .* Wait until it is available/,
      );
      assert.equal(deletion.explainError?.({ code: 'SomethingElse', message: 'x' }, c), undefined);
    });
  });
}
