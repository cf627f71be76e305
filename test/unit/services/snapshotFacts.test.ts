// A snapshot's size, encryption, kind and row id, mapped from each service's SDK shapes: Neptune Analytics
// (kmsKeyIdentifier), the RDS family (SnapshotType, AllocatedStorage, StorageEncrypted, KmsKeyId), Storage Gateway's
// EBS snapshots (VolumeSize, Encrypted, KmsKeyId, the snap- id in the row) and SimSpace Weaver's S3 objects
// (HeadObject's Content-Length and server-side encryption, ListObjectsV2's Size).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neptuneGraphService } from '../../../src/services/neptuneGraph';
import { toClusterSnapshot } from '../../../src/services/rdsClusterViews';
import type { Resource } from '../../../src/services/service';
import { simSpaceWeaverService } from '../../../src/services/simSpaceWeaver';
import { objectFacts } from '../../../src/services/simSpaceWeaverSnapshots';
import { toVolumeSnapshot } from '../../../src/services/storageGatewaySnapshots';
import { fakeAws } from './fakeAws';

const GIB = 1024 ** 3;
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const facts = (s: { sizeBytes?: number; encryption?: unknown; kind?: string; rowId?: string }) => ({
  sizeBytes: s.sizeBytes,
  encryption: s.encryption,
  kind: s.kind,
  rowId: s.rowId,
});

describe('Neptune Analytics snapshots', () => {
  const graph = { id: 'g-0123456789', name: 'g', service: 'neptune-graph' } as Resource;
  const listed = async (kmsKeyIdentifier: string | undefined) => {
    const { ctx } = fakeAws({
      ListGraphSnapshotsCommand: () => ({
        graphSnapshots: [{ id: 'gs-1', name: 'one', sourceGraphId: graph.id, status: 'AVAILABLE', kmsKeyIdentifier }],
      }),
    });
    return (await neptuneGraphService.listSnapshots(ctx, graph, {})).items[0]!;
  };

  it('a customer managed key is named; AWS_OWNED_KEY is an AWS owned key; the model has no size', async () => {
    assert.deepEqual(facts(await listed(KEY)), {
      sizeBytes: undefined,
      encryption: { encrypted: true, kmsKey: KEY },
      kind: undefined,
      rowId: undefined,
    });
    assert.deepEqual((await listed('AWS_OWNED_KEY')).encryption, { encrypted: true, managedKey: 'aws-owned' });
    assert.equal((await listed(undefined)).encryption, undefined, 'not said: not shown');
    assert.ok(!(await listed(KEY)).details.some(([label]) => label === 'KMS key'), 'said once, not in details too');
  });
});

describe('DocumentDB and Neptune Database cluster snapshots', () => {
  it('SnapshotType is the kind; AllocatedStorage (GiB, Neptune) the size; StorageEncrypted and KmsKeyId', () => {
    const neptune = toClusterSnapshot('neptune', {
      DBClusterSnapshotIdentifier: 'rds:db-2025-07-20-04-00',
      DBClusterIdentifier: 'db',
      SnapshotType: 'automated',
      AllocatedStorage: 48,
      StorageEncrypted: true,
      KmsKeyId: KEY,
    });
    assert.deepEqual(facts(neptune), {
      sizeBytes: 48 * GIB,
      encryption: { encrypted: true, kmsKey: KEY },
      kind: 'automated',
      rowId: undefined,
    });
    // DocumentDB's model has no AllocatedStorage; an unencrypted manual snapshot.
    const docdb = toClusterSnapshot('docdb', {
      DBClusterSnapshotIdentifier: 'seed',
      SnapshotType: 'manual',
      StorageEncrypted: false,
    });
    assert.deepEqual(facts(docdb), {
      sizeBytes: undefined,
      encryption: { encrypted: false },
      kind: 'manual',
      rowId: undefined,
    });
    const unsaid = toClusterSnapshot('docdb', { DBClusterSnapshotIdentifier: 'x', AllocatedStorage: 0 });
    assert.deepEqual(facts(unsaid), { sizeBytes: undefined, encryption: undefined, kind: undefined, rowId: undefined });
  });
});

describe('Storage Gateway (EBS) snapshots', () => {
  const arn = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-1/volume/vol-1';
  it('VolumeSize (GiB) is the size, Encrypted and KmsKeyId the encryption, the snap- id is in the row', () => {
    const snapshot = toVolumeSnapshot(
      'storagegateway',
      {
        SnapshotId: 'snap-0a1b2c3d4e5f60001',
        Description: 'nightly',
        VolumeSize: 500,
        Encrypted: true,
        KmsKeyId: KEY,
        Tags: [{ Key: 'team', Value: 'data' }],
      },
      arn,
    );
    assert.deepEqual(facts(snapshot), {
      sizeBytes: 500 * GIB,
      encryption: { encrypted: true, kmsKey: KEY },
      kind: undefined,
      rowId: 'snap-0a1b2c3d4e5f60001',
    });
    assert.deepEqual(snapshot.tags, [{ key: 'team', value: 'data' }]);
    assert.ok(!snapshot.details.some(([label]) => label === 'Size' || label === 'Encrypted'));
  });

  it('an unencrypted one says so; one without a description is named by its id, which the row does not repeat', () => {
    const snapshot = toVolumeSnapshot('storagegateway', { SnapshotId: 'snap-1', Encrypted: false }, arn);
    assert.equal(snapshot.name, 'snap-1');
    assert.deepEqual(snapshot.encryption, { encrypted: false });
    assert.equal(snapshot.rowId, undefined);
  });
});

describe('SimSpace Weaver snapshot objects', () => {
  it("HeadObject's answer: Content-Length is the size; SSE-S3, SSE-KMS with its key, or not encrypted", () => {
    assert.deepEqual(objectFacts({ ContentLength: 2048, ServerSideEncryption: 'AES256' }), {
      sizeBytes: 2048,
      encryption: { encrypted: true, managedKey: 's3' },
    });
    assert.deepEqual(objectFacts({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY }), {
      encryption: { encrypted: true, kmsKey: KEY },
    });
    assert.deepEqual(objectFacts({ ServerSideEncryption: 'aws:kms:dsse' }), { encryption: { encrypted: true } });
    assert.deepEqual(objectFacts({ ContentLength: 1 }), { sizeBytes: 1, encryption: { encrypted: false } });
  });

  it('the latest snapshot carries what the one HeadObject of its object said (no other call)', async () => {
    const key = 'p/snapshot/city-240305-1422-09.zip';
    const { ctx, calls } = fakeAws({
      describeSimulation: () => ({
        Name: 'city',
        Status: 'STARTED',
        SnapshotS3Location: { BucketName: 'snaps', ObjectKey: key },
      }),
      HeadObjectCommand: () => ({ ContentLength: 5 * 1024 * 1024, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY }),
    });
    const city = { id: 'city', name: 'city', service: 'simspaceweaver' } as Resource;
    const [latest] = (await simSpaceWeaverService.listSnapshots(ctx, city, {})).items;
    assert.equal(latest?.sizeBytes, 5 * 1024 * 1024);
    assert.deepEqual(latest?.encryption, { encrypted: true, kmsKey: KEY });
    assert.deepEqual(
      calls.map((c) => c.name),
      ['describeSimulation', 'HeadObjectCommand'],
    );
  });
});
