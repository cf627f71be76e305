// The RDS family's restore (DocumentDB, Neptune Database) with the real @aws-sdk/client-docdb and client-neptune
// against the emulator: a demo snapshot restored with its primary instance, tracked until the cluster and the instance
// are available; every modeled error the emulator answers arrives as the SDK's own exception class; polling many
// restores costs one DescribeDBClusters (+ one DescribeDBInstances) per region per tick.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as docdbSdk from '@aws-sdk/client-docdb';
import * as neptuneSdk from '@aws-sdk/client-neptune';
import { errorFacts } from '../../../src/snapshots/errorMessages';
import { docdbService } from '../../../src/services/docdb';
import { docdbClient } from '../../../src/services/docdbClient';
import { neptuneService } from '../../../src/services/neptune';
import { neptuneClient } from '../../../src/services/neptuneClient';
import type { OperationForm, FormInput } from '../../../src/services/forms';
import type { AwsContext, RestoredRef, Snapshot, SnapshotService } from '../../../src/services/service';
import { type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

/** The SDK exception classes both packages export under the same names. */
type Sdk = typeof docdbSdk | typeof neptuneSdk;
interface Member {
  readonly svc: SnapshotService;
  readonly engine: string;
  readonly sdk: Sdk;
  readonly sourceCluster: string;
  readonly snapshotId: string;
  /** The seeded primary instance's class (the emulator's seed: one per seeded cluster). */
  readonly primaryClass: string;
  client(ctx: AwsContext): Promise<{ send(command: object): Promise<unknown> }>;
  /** CreateDBInstanceCommand (the two SDKs' inputs differ, so each member builds its own). */
  createInstance(input: docdbSdk.CreateDBInstanceCommandInput): object;
}

const members: Member[] = [
  {
    svc: docdbService,
    engine: 'docdb',
    sdk: docdbSdk,
    sourceCluster: 'orders-prod',
    snapshotId: 'orders-prod-before-upgrade',
    primaryClass: 'db.r6g.large',
    client: (ctx) => ctx.clients.get(docdbClient, ctx.profile, ctx.region),
    createInstance: (input) => new docdbSdk.CreateDBInstanceCommand(input),
  },
  {
    svc: neptuneService,
    engine: 'neptune',
    sdk: neptuneSdk,
    sourceCluster: 'fraud-graph-db',
    snapshotId: 'fraud-graph-db-before-reindex',
    primaryClass: 'db.r5.large',
    client: (ctx) => ctx.clients.get(neptuneClient, ctx.profile, ctx.region),
    createInstance: (input) => new neptuneSdk.CreateDBInstanceCommand(input),
  },
];

const REGION = 'us-east-1';
const demoSnapshot = (m: Member, id = m.snapshotId): Snapshot => ({
  service: m.svc.id,
  id,
  name: id,
  resourceId: m.sourceCluster,
  state: 'available',
  status: 'available',
  details: [],
});

/** The form's defaults as values, with some answers changed. */
function answers(form: OperationForm, changes: Record<string, string>): FormInput {
  const values: Record<string, string> = {};
  for (const field of form.fields) values[field.key] = field.defaultValue?.value ?? '';
  return { values: { ...values, ...changes }, tags: [{ key: 'purpose', value: 'restore-test' }], clientToken: 't' };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error as Error,
  );
}

for (const m of members) {
  describe(`${m.svc.label} restore against the emulator`, () => {
    let h: EmulatorHarness;
    const restore = m.svc.restore!;
    const statuses = (ctx: AwsContext, ids: string[]) =>
      m.svc.getRestoredStatuses!(
        ctx,
        ids.map((resourceId): RestoredRef => ({ profile: 'demo', region: ctx.region, resourceId })),
      );
    before(async () => {
      h = await startHarness({ snapshotSeconds: 1, restoreSeconds: 1 });
    });
    after(async () => h.stop());
    beforeEach(async () => h.reset());

    it('restores a demo snapshot with its primary instance; creating until both are available', async () => {
      const ctx = h.ctx(REGION);
      const form = await restore.prepare(ctx, demoSnapshot(m), undefined);
      const byKey = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue]));
      assert.deepEqual(byKey.DBInstanceClass, {
        value: m.primaryClass,
        source: "the source cluster's primary instance's",
      });
      assert.deepEqual(byKey.DBSubnetGroupName, { value: 'default', source: "the source cluster's" });
      const input = answers(form, { DBClusterIdentifier: 'Restored-One', DBInstanceIdentifier: 'restored-one-1' });
      const made = await form.send(input);
      assert.deepEqual([made.id, made.state], ['restored-one', 'creating']);
      const seen: string[] = [];
      const last = await pollUntil(
        async () => (await statuses(ctx, ['restored-one'])).get('restored-one'),
        (s) => {
          seen.push(`${s?.state} ${s?.status}`);
          return s?.state === 'available';
        },
      );
      assert.equal(last?.status, 'available');
      assert.equal(seen[0], 'creating creating');
      const client = await m.client(ctx);
      const out = (await client.send(
        new m.sdk.DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['restored-one'] }] }),
      )) as docdbSdk.DescribeDBInstancesCommandOutput;
      assert.deepEqual(
        out.DBInstances?.map((i) => [i.DBInstanceIdentifier, i.DBInstanceStatus, i.DBInstanceClass, i.Engine]),
        [['restored-one-1', 'available', m.primaryClass, m.engine]],
      );
      const cluster = (await client.send(
        new m.sdk.DescribeDBClustersCommand({ DBClusterIdentifier: 'restored-one' }),
      )) as docdbSdk.DescribeDBClustersCommandOutput;
      assert.deepEqual(cluster.DBClusters?.[0]?.DBClusterMembers?.[0]?.DBInstanceIdentifier, 'restored-one-1');
      assert.equal(cluster.DBClusters?.[0]?.DBClusterMembers?.[0]?.IsClusterWriter, true);
      assert.equal(cluster.DBClusters?.[0]?.Engine, m.engine);
    });

    it('a cluster is available only once its instance is: creating again while an instance is added', async () => {
      const ctx = h.ctx(REGION);
      const form = await restore.prepare(ctx, demoSnapshot(m), undefined);
      await form.send(answers(form, { DBClusterIdentifier: 'bare-one', CreatePrimaryInstance: 'false' }));
      await pollUntil(
        async () => (await statuses(ctx, ['bare-one'])).get('bare-one')?.state,
        (s) => s === 'available',
      );
      const client = await m.client(ctx);
      await client.send(
        m.createInstance({
          DBInstanceIdentifier: 'bare-one-1',
          DBInstanceClass: 'db.t3.medium',
          Engine: m.engine,
          DBClusterIdentifier: 'bare-one',
        }),
      );
      const now = (await statuses(ctx, ['bare-one'])).get('bare-one');
      assert.deepEqual([now?.state, now?.status], ['creating', 'instance bare-one-1 creating']);
      await pollUntil(
        async () => (await statuses(ctx, ['bare-one'])).get('bare-one')?.state,
        (s) => s === 'available',
      );
    });

    it('polling many restores costs one DescribeDBClusters and one DescribeDBInstances per tick', async () => {
      const ctx = h.ctx(REGION);
      const form = await restore.prepare(ctx, demoSnapshot(m), undefined);
      const ids = ['many-1', 'many-2', 'many-3', 'many-4', 'many-5'];
      for (const id of ids)
        await form.send(answers(form, { DBClusterIdentifier: id, DBInstanceIdentifier: `${id}-a` }));
      let ticks = 0;
      await pollUntil(
        async () => {
          const from = (await h.calls()).length;
          const states = await statuses(ctx, ids);
          const made = await operations(h, from);
          assert.ok(
            ['DescribeDBClusters', 'DescribeDBClusters,DescribeDBInstances'].includes(made.join(',')),
            made.join(','),
          );
          ticks++;
          return [...states.values()].map((s) => s.state);
        },
        (s) => s.length === ids.length && s.every((state) => state === 'available'),
      );
      assert.ok(ticks >= 2, 'the restores took more than one tick');
    });

    it('answers every modeled error as the SDK exception class', async () => {
      const ctx = h.ctx(REGION);
      const client = await m.client(ctx);
      const restoreInput = (changes: Record<string, unknown>) => ({
        DBClusterIdentifier: 'err-one',
        SnapshotIdentifier: m.snapshotId,
        Engine: m.engine,
        ...changes,
      });
      const send = (command: object) => rejection(client.send(command));
      const expect = async (command: object, cls: new (...args: never[]) => Error, status: number) => {
        const error = await send(command);
        assert.ok(error instanceof cls, `${cls.name} expected, got ${error.name}: ${error.message}`);
        assert.equal(errorFacts(error).httpStatus, status, cls.name);
      };
      const { sdk } = m;
      await expect(
        new sdk.RestoreDBClusterFromSnapshotCommand(restoreInput({ DBClusterIdentifier: m.sourceCluster })),
        sdk.DBClusterAlreadyExistsFault,
        400,
      );
      await expect(
        new sdk.RestoreDBClusterFromSnapshotCommand(restoreInput({ SnapshotIdentifier: 'no-such-snapshot' })),
        sdk.DBClusterSnapshotNotFoundFault,
        404,
      );
      await expect(
        new sdk.RestoreDBClusterFromSnapshotCommand(restoreInput({ DBSubnetGroupName: 'no-such-group' })),
        sdk.DBSubnetGroupNotFoundFault,
        404,
      );
      // A snapshot still being created (snapshotSeconds: 1).
      await client.send(
        new sdk.CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: m.sourceCluster,
          DBClusterSnapshotIdentifier: 'fresh-one',
        }),
      );
      await expect(
        new sdk.RestoreDBClusterFromSnapshotCommand(restoreInput({ SnapshotIdentifier: 'fresh-one' })),
        sdk.InvalidDBClusterSnapshotStateFault,
        400,
      );
      const instance = (changes: Record<string, unknown>) =>
        m.createInstance({
          DBInstanceIdentifier: 'err-one-1',
          DBInstanceClass: 'db.t3.medium',
          Engine: m.engine,
          DBClusterIdentifier: m.sourceCluster,
          ...changes,
        });
      await expect(instance({ DBClusterIdentifier: 'no-such-cluster' }), sdk.DBClusterNotFoundFault, 404);
      await expect(
        instance({ DBInstanceIdentifier: `${m.sourceCluster}-instance-1` }),
        sdk.DBInstanceAlreadyExistsFault,
        400,
      );
      // The documented rules, as InvalidParameterValue (not modeled: a plain service exception).
      const bad = await send(
        new sdk.RestoreDBClusterFromSnapshotCommand(restoreInput({ DBClusterIdentifier: 'a--b' })),
      );
      assert.equal(bad.name, 'InvalidParameterValue');
      assert.match(bad.message, /DBClusterIdentifier/);
      const badClass = await send(instance({ DBInstanceClass: 'large' }));
      assert.match(badClass.message, /DBInstanceClass/);
    });

    it('send(): an instance that cannot be made leaves the restored cluster, and the error says so', async () => {
      const ctx = h.ctx(REGION);
      const form = await restore.prepare(ctx, demoSnapshot(m), undefined);
      const taken = `${m.sourceCluster}-instance-1`;
      const error = await rejection(
        form.send(answers(form, { DBClusterIdentifier: 'half-one', DBInstanceIdentifier: taken })),
      );
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'DBInstanceAlreadyExistsFault');
      assert.ok(error.cause instanceof m.sdk.DBInstanceAlreadyExistsFault);
      const context = { profile: 'demo', region: REGION, resourceName: m.sourceCluster, newName: 'half-one' };
      const sentence = restore.explainError?.(errorFacts(error), context) ?? '';
      assert.match(sentence, new RegExp(`half-one was restored, but its primary instance ${taken} was not created`));
      assert.equal((await statuses(ctx, ['half-one'])).get('half-one')?.state, 'creating');
    });
  });
}

describe('RDS family DBClusterQuotaExceededFault (a data file with a small cluster quota)', () => {
  let h: EmulatorHarness;
  let dir: string;
  before(async () => {
    const demo = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../../emulator/data/demo.json'), 'utf8'),
    ) as { quotas?: Record<string, number> };
    dir = mkdtempSync(path.join(tmpdir(), 'rds-quota-'));
    const dataFile = path.join(dir, 'data.json');
    writeFileSync(dataFile, JSON.stringify({ ...demo, quotas: { ...demo.quotas, rdsClusters: 8 } }));
    h = await startHarness({ dataFile });
  });
  after(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the eighth cluster of us-east-1 is the last one', async () => {
    for (const m of members) {
      const ctx = h.ctx(REGION);
      const client = await m.client(ctx);
      const command = (id: string) =>
        new m.sdk.RestoreDBClusterFromSnapshotCommand({
          DBClusterIdentifier: id,
          SnapshotIdentifier: m.snapshotId,
          Engine: m.engine,
        });
      if (m.engine === 'docdb') await client.send(command('eighth')); // the demo's us-east-1 holds 7
      const error = await rejection(client.send(command(`ninth-${m.engine}`)));
      assert.ok(error instanceof m.sdk.DBClusterQuotaExceededFault, error.name);
      assert.equal(errorFacts(error).httpStatus, 403);
    }
  });
});
