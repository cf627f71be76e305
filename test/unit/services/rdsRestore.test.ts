// The RDS family's restore (DocumentDB, Neptune Database) with a fake SDK: the defaults and where they come from, the
// exact requests (with and without the primary instance), send's order and its error when only the cluster was
// made, getRestoredStatuses' batching and states, and a sentence for every modeled error of both calls.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DBClusterNotFoundFault, DBInstanceNotFoundFault, InstanceQuotaExceededFault } from '@aws-sdk/client-docdb';
import { errorFacts } from '../../../src/snapshots/errorMessages';
import { docdbService } from '../../../src/services/docdb';
import { neptuneService } from '../../../src/services/neptune';
import type { FormInput } from '../../../src/services/forms';
import type { RestoredRef, Snapshot } from '../../../src/services/service';
import { modelsDir } from '../validation/fuzz';
import { fakeAws, type Handlers } from './fakeAws';

const snapshot = (service: string, state: Snapshot['state'] = 'available'): Snapshot => ({
  service,
  id: 'orders-before-upgrade',
  name: 'orders-before-upgrade',
  resourceId: 'orders',
  state,
  status: state,
  details: [],
});

const sourceAws = (engine: string, extra: Handlers = {}): Handlers => ({
  DescribeDBClusterSnapshotsCommand: () => ({
    DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'orders-before-upgrade', EngineVersion: '5.0.0', Port: 27018 }],
  }),
  DescribeDBClustersCommand: (input) => {
    if (input.DBClusterIdentifier !== 'orders') throw new DBClusterNotFoundFault({ message: 'no', $metadata: {} });
    return {
      DBClusters: [
        {
          DBClusterIdentifier: 'orders',
          DBClusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders',
          Engine: engine,
          EngineVersion: '5.0.1',
          Port: 27017,
          DBSubnetGroup: 'private',
          VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0123abcd' }, { VpcSecurityGroupId: 'sg-0123abce' }],
          DeletionProtection: true,
          DBClusterMembers: [
            { DBInstanceIdentifier: 'orders-reader', IsClusterWriter: false },
            { DBInstanceIdentifier: 'orders-writer', IsClusterWriter: true },
          ],
        },
      ],
    };
  },
  DescribeDBInstancesCommand: (input) => {
    if (input.DBInstanceIdentifier !== 'orders-writer') {
      throw new DBInstanceNotFoundFault({ message: 'no', $metadata: {} });
    }
    return { DBInstances: [{ DBInstanceIdentifier: 'orders-writer', DBInstanceClass: 'db.r6g.xlarge' }] };
  },
  ListTagsForResourceCommand: () => ({ TagList: [{ Key: 'env', Value: 'prod' }] }),
  ...extra,
});

const input = (values: Record<string, string>): FormInput => ({
  values,
  tags: [{ key: 'team', value: 'data' }],
  clientToken: 'token',
});

const answers = {
  DBClusterIdentifier: 'Orders-Copy',
  EngineVersion: '5.0.0',
  Port: '27018',
  DBSubnetGroupName: 'private',
  VpcSecurityGroupIds: 'sg-0123abcd, sg-0123abce',
  DeletionProtection: 'true',
  CreatePrimaryInstance: 'true',
  DBInstanceIdentifier: 'Orders-Copy-1',
  DBInstanceClass: 'db.r6g.xlarge',
};

for (const [svc, engine] of [
  [docdbService, 'docdb'],
  [neptuneService, 'neptune'],
] as const) {
  describe(`${svc.label} restore`, () => {
    const restore = svc.restore;
    assert.ok(restore && svc.getRestoredStatuses);

    it('declares the operation, IAM actions, model members and refuses a snapshot that is not available', () => {
      assert.equal(restore.operation, 'RestoreDBClusterFromSnapshot');
      assert.deepEqual(restore.iamActions.slice(0, 2), ['rds:RestoreDBClusterFromSnapshot', 'rds:CreateDBInstance']);
      assert.equal(restore.makes, 'cluster');
      assert.ok(restore.modelMembers?.CreateDBInstance?.includes('DBInstanceClass'));
      assert.equal(restore.refusal?.(snapshot(svc.id)), undefined);
      assert.match(restore.refusal?.(snapshot(svc.id, 'creating')) ?? '', /still being created/);
    });

    it("prefills from the snapshot (version, port) and the source cluster (network, protection, primary's class, tags)", async () => {
      const { ctx, named } = fakeAws(sourceAws(engine));
      const form = await restore.prepare(ctx, snapshot(svc.id), undefined);
      const byKey = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue]));
      assert.deepEqual(byKey.EngineVersion, { value: '5.0.0', source: "the snapshot's" });
      assert.deepEqual(byKey.Port, { value: '27018', source: "the snapshot's" });
      assert.deepEqual(byKey.DBSubnetGroupName, { value: 'private', source: "the source cluster's" });
      assert.deepEqual(byKey.VpcSecurityGroupIds, {
        value: 'sg-0123abcd, sg-0123abce',
        source: "the source cluster's",
      });
      assert.deepEqual(byKey.DeletionProtection, { value: 'true', source: "the source cluster's" });
      assert.deepEqual(byKey.CreatePrimaryInstance?.value, 'true');
      assert.deepEqual(byKey.DBInstanceClass, {
        value: 'db.r6g.xlarge',
        source: "the source cluster's primary instance's",
      });
      assert.match(byKey.DBClusterIdentifier?.value ?? '', /^orders-\d{8}-\d{4}$/);
      assert.equal(byKey.DBInstanceIdentifier?.value, `${byKey.DBClusterIdentifier?.value}-1`);
      for (const field of form.fields) {
        if (field.defaultValue) assert.deepEqual(field.validate(field.defaultValue.value, {}), [], field.key);
      }
      assert.deepEqual(form.defaultTags, [{ key: 'env', value: 'prod' }]);
      assert.equal(form.nameField, 'DBClusterIdentifier');
      assert.deepEqual(named('DescribeDBInstancesCommand')[0]?.input, { DBInstanceIdentifier: 'orders-writer' });
      const instanceFields = form.fields.filter((f) => f.when);
      assert.deepEqual(
        instanceFields.map((f) => [f.key, f.when?.({ CreatePrimaryInstance: 'false' })]),
        [
          ['DBInstanceIdentifier', false],
          ['DBInstanceClass', false],
        ],
      );
    });

    it('without the source cluster: no network defaults, a fallback class, AWS default protection', async () => {
      const { ctx } = fakeAws(sourceAws(engine));
      const form = await restore.prepare(ctx, { ...snapshot(svc.id), resourceId: 'gone' }, undefined);
      const byKey = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue]));
      assert.equal(byKey.DBSubnetGroupName, undefined);
      assert.equal(byKey.VpcSecurityGroupIds, undefined);
      assert.deepEqual(byKey.DeletionProtection, { value: 'false', source: "AWS's default" });
      assert.equal(byKey.DBInstanceClass?.value, 'db.t3.medium');
      assert.equal(form.defaultTags, undefined);
    });

    it('calls(): the restore then CreateDBInstance in the cluster, lowercased, with the tags', async () => {
      const { ctx } = fakeAws(sourceAws(engine));
      const form = await restore.prepare(ctx, snapshot(svc.id), undefined);
      const tags = [{ Key: 'team', Value: 'data' }];
      assert.deepEqual(form.calls(input(answers)), [
        {
          operation: 'RestoreDBClusterFromSnapshot',
          input: {
            DBClusterIdentifier: 'orders-copy',
            SnapshotIdentifier: 'orders-before-upgrade',
            Engine: engine,
            EngineVersion: '5.0.0',
            Port: 27018,
            DBSubnetGroupName: 'private',
            VpcSecurityGroupIds: ['sg-0123abcd', 'sg-0123abce'],
            DeletionProtection: true,
            Tags: tags,
          },
        },
        {
          operation: 'CreateDBInstance',
          input: {
            DBInstanceIdentifier: 'orders-copy-1',
            DBInstanceClass: 'db.r6g.xlarge',
            Engine: engine,
            DBClusterIdentifier: 'orders-copy',
            Tags: tags,
          },
        },
      ]);
      const bare = form.calls({
        values: {
          DBClusterIdentifier: 'bare',
          EngineVersion: '',
          Port: '',
          DBSubnetGroupName: '',
          VpcSecurityGroupIds: '',
          DeletionProtection: 'false',
          CreatePrimaryInstance: 'false',
        },
        tags: [],
        clientToken: 't',
      });
      assert.deepEqual(bare, [
        {
          operation: 'RestoreDBClusterFromSnapshot',
          input: {
            DBClusterIdentifier: 'bare',
            SnapshotIdentifier: 'orders-before-upgrade',
            Engine: engine,
            DeletionProtection: false,
          },
        },
      ]);
    });

    it('send(): sends exactly calls() in order and answers the new cluster', async () => {
      const { ctx, calls } = fakeAws(
        sourceAws(engine, {
          RestoreDBClusterFromSnapshotCommand: () => ({
            DBCluster: { DBClusterIdentifier: 'orders-copy', Status: 'creating' },
          }),
          CreateDBInstanceCommand: () => ({ DBInstance: { DBInstanceIdentifier: 'orders-copy-1' } }),
        }),
      );
      const form = await restore.prepare(ctx, snapshot(svc.id), undefined);
      const from = calls.length;
      const made = await form.send(input(answers));
      assert.deepEqual(made, { id: 'orders-copy', name: 'orders-copy', state: 'creating', status: 'creating' });
      const sent = calls.slice(from);
      assert.deepEqual(
        sent.map((c) => [c.name.replace(/Command$/, ''), c.input]),
        form.calls(input(answers)).map((c) => [c.operation, c.input]),
      );
    });

    it('send(): when the instance fails after the cluster, the error says the cluster exists and keeps the name', async () => {
      const { ctx } = fakeAws(
        sourceAws(engine, {
          RestoreDBClusterFromSnapshotCommand: () => ({ DBCluster: { DBClusterIdentifier: 'orders-copy' } }),
          CreateDBInstanceCommand: () => {
            throw new InstanceQuotaExceededFault({ message: 'quota', $metadata: { httpStatusCode: 400 } });
          },
        }),
      );
      const form = await restore.prepare(ctx, snapshot(svc.id), undefined);
      const error = await form.send(input(answers)).then(
        () => assert.fail('send should fail'),
        (e: unknown) => e as Error,
      );
      assert.equal(error.name, 'InstanceQuotaExceededFault');
      assert.match(error.message, /cluster orders-copy was restored, but its primary instance orders-copy-1 was not/);
      assert.match(error.message, /add one to orders-copy/);
      const facts = errorFacts(error);
      assert.equal(facts.httpStatus, 400);
      const context = { profile: 'p', region: 'us-east-1', resourceName: 'orders', newName: 'orders-copy' };
      const sentence = restore.explainError?.(facts, context) ?? '';
      assert.match(sentence, /orders-copy was restored, but its primary instance orders-copy-1 was not created/);
      assert.match(sentence, /quota/);
    });

    it('cluster identifier accept(): refuses an existing cluster, accepts a free one', async () => {
      const { ctx } = fakeAws(sourceAws(engine));
      const form = await restore.prepare(ctx, snapshot(svc.id), undefined);
      const field = form.fields.find((f) => f.key === 'DBClusterIdentifier');
      const signal = new AbortController().signal;
      assert.match((await field?.accept?.('Orders', signal, {})) ?? '', /A cluster named orders already exists/);
      assert.equal(await field?.accept?.('free-name', signal, {}), undefined);
      const instance = form.fields.find((f) => f.key === 'DBInstanceIdentifier');
      assert.match((await instance?.accept?.('orders-writer', signal, {})) ?? '', /already exists/);
      assert.equal(await instance?.accept?.('free-name', signal, {}), undefined);
    });

    it('getRestoredStatuses: one DescribeDBClusters and one DescribeDBInstances for many restores', async () => {
      const clusters = [
        { DBClusterIdentifier: 'a', Status: 'creating', DBClusterMembers: [{ DBInstanceIdentifier: 'a-1' }] },
        { DBClusterIdentifier: 'b', Status: 'available', DBClusterMembers: [{ DBInstanceIdentifier: 'b-1' }] },
        { DBClusterIdentifier: 'c', Status: 'available', DBClusterMembers: [{ DBInstanceIdentifier: 'c-1' }] },
        { DBClusterIdentifier: 'd', Status: 'available', DBClusterMembers: [] },
        { DBClusterIdentifier: 'e', Status: 'inaccessible-encryption-credentials' },
        { DBClusterIdentifier: 'f', Status: 'available', DBClusterMembers: [{ DBInstanceIdentifier: 'f-1' }] },
        { DBClusterIdentifier: 'g', Status: 'deleting' },
        { DBClusterIdentifier: 'h', Status: 'backing-up' },
      ];
      const { ctx, named } = fakeAws({
        DescribeDBClustersCommand: () => ({ DBClusters: clusters }),
        DescribeDBInstancesCommand: () => ({
          DBInstances: [
            { DBInstanceIdentifier: 'b-1', DBClusterIdentifier: 'b', DBInstanceStatus: 'creating' },
            { DBInstanceIdentifier: 'c-1', DBClusterIdentifier: 'c', DBInstanceStatus: 'available' },
            { DBInstanceIdentifier: 'f-1', DBClusterIdentifier: 'f', DBInstanceStatus: 'failed' },
          ],
        }),
      });
      const ids = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'missing'];
      const refs: RestoredRef[] = ids.map((resourceId) => ({ profile: 'dev', region: 'us-east-1', resourceId }));
      const states = await svc.getRestoredStatuses?.(ctx, refs);
      assert.deepEqual(Object.fromEntries([...(states ?? [])].map(([id, s]) => [id, [s.state, s.status]])), {
        a: ['creating', 'creating'],
        B: ['creating', 'instance b-1 creating'],
        c: ['available', 'available'],
        d: ['available', 'available'],
        e: ['failed', 'inaccessible-encryption-credentials'],
        f: ['failed', 'instance f-1 failed'],
        g: ['deleting', 'deleting'],
        h: ['creating', 'backing-up'],
      });
      assert.equal(named('DescribeDBClustersCommand').length, 1);
      assert.deepEqual(named('DescribeDBClustersCommand')[0]?.input, {
        Filters: [{ Name: 'db-cluster-id', Values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'missing'] }],
        MaxRecords: 100,
      });
      assert.equal(named('DescribeDBInstancesCommand').length, 1);
      assert.deepEqual(named('DescribeDBInstancesCommand')[0]?.input.Filters, [
        { Name: 'db-cluster-id', Values: ['b', 'c', 'd', 'f'] },
      ]);
    });

    it('getRestoredStatuses: no DescribeDBInstances while no cluster is available', async () => {
      const { ctx, named } = fakeAws({
        DescribeDBClustersCommand: () => ({ DBClusters: [{ DBClusterIdentifier: 'a', Status: 'creating' }] }),
      });
      const refs = [{ profile: 'dev', region: 'us-east-1', resourceId: 'a' }];
      assert.equal((await svc.getRestoredStatuses?.(ctx, refs))?.get('a')?.state, 'creating');
      assert.equal(named('DescribeDBInstancesCommand').length, 0);
    });

    it('explainError: a sentence for every modeled error of both calls, in its SDK and wire spellings', () => {
      const model = JSON.parse(readFileSync(path.join(modelsDir, svc.id, 'service-2.json'), 'utf8')) as {
        operations: Record<string, { errors?: { shape: string }[] }>;
        shapes: Record<string, { error?: { code?: string } }>;
      };
      const context = {
        profile: 'p',
        region: 'us-east-1',
        resourceName: 'orders',
        snapshotName: 'orders-before-upgrade',
        newName: 'orders-copy',
      };
      for (const [operation, reason] of [
        ['RestoreDBClusterFromSnapshot', undefined],
        ['CreateDBInstance', 'primary-instance-not-created'],
      ] as const) {
        for (const { shape } of model.operations[operation]?.errors ?? []) {
          for (const code of [shape, model.shapes[shape]?.error?.code ?? shape]) {
            const message = `${svc.label} cluster orders-copy was restored, but its primary instance x-1 was not created`;
            const said = restore.explainError?.({ code, message, reason }, context);
            assert.ok(said && /[.!?]$/.test(said), `${operation} ${code}: ${said}`);
            if (reason) assert.match(said, /orders-copy was restored, but its primary instance x-1/);
          }
        }
      }
      assert.equal(restore.explainError?.({ code: 'SomethingElse', message: 'x' }, context), undefined);
    });
  });
}
