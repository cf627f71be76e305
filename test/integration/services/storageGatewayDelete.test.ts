// Storage Gateway delete with the real @aws-sdk/client-ec2 against the emulator: a demo EBS snapshot deleted with EC2
// DeleteSnapshot is gone at once from DescribeSnapshots, the volume's listing, the batch listing and the status read;
// a pending one is refused without a call; the errors EC2 answers (NotFound, InUse while a Storage Gateway volume is
// restored from it, Malformed, DryRunOperation) arrive as themselves and each is explained.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DeleteSnapshotCommand, DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateCachediSCSIVolumeCommand, StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import type { AwsContext, Resource, Snapshot } from '../../../src/services/service';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { deleteErrorMessage, errorFacts } from '../../../src/snapshots/errorMessages';
import { type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

const office = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B';
const NIGHTLY = 'snap-0a1b2c3d4e5f60001';
const MIGRATION = 'snap-0a1b2c3d4e5f60002';
const deletion = svc.delete!;
const where = { profile: 'demo', region: 'us-east-1', resourceName: 'vol-1122AABB', snapshotName: 'nightly' };

async function shares(ctx: AwsContext): Promise<Resource> {
  const volume = (await svc.listResources(ctx, {})).items.find((v) => v.name === 'vol-1122AABB');
  assert.ok(volume);
  return volume;
}

async function snapshotOf(ctx: AwsContext, volume: Resource, id: string): Promise<Snapshot> {
  const snapshot = (await svc.listSnapshots(ctx, volume, {})).items.find((s) => s.id === id);
  assert.ok(snapshot, id);
  return snapshot;
}

/** The error `call` failed with, asserted to carry `code` and HTTP `status`. */
async function failure(call: Promise<unknown>, code: string, status = 400): Promise<unknown> {
  const error = await call.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  const facts = errorFacts(error);
  assert.equal(facts.code, code, facts.message);
  assert.equal(facts.httpStatus, status);
  return error;
}

describe('Storage Gateway delete against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 30, restoreSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  const ec2 = () => new EC2Client({ region: 'us-east-1', endpoint: h.url, credentials: DEMO_CREDENTIALS[0]! });

  it('deletes a demo snapshot with one DeleteSnapshot: gone from DescribeSnapshots, the listings and the status read', async () => {
    const ctx = h.ctx('us-east-1');
    const volume = await shares(ctx);
    const snapshot = await snapshotOf(ctx, volume, NIGHTLY);
    assert.equal(deletion.refusal(snapshot), undefined);
    assert.deepEqual(deletion.calls(snapshot), [{ operation: 'DeleteSnapshot', input: { SnapshotId: NIGHTLY } }]);
    const from = (await h.calls()).length;
    assert.equal(await deletion.send(ctx, snapshot), 'gone');
    assert.deepEqual(await operations(h, from), ['DeleteSnapshot']);

    const described = await ec2().send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    assert.ok(!described.Snapshots?.some((s) => s.SnapshotId === NIGHTLY));
    assert.ok(
      described.Snapshots?.some((s) => s.SnapshotId === MIGRATION),
      'the other snapshot stays',
    );
    assert.deepEqual(
      (await svc.listSnapshots(ctx, volume, {})).items.map((s) => s.id),
      [MIGRATION],
    );
    const batch = await svc.batchSnapshots!.list(ctx, [volume]);
    assert.deepEqual(
      batch?.get(volume.id)?.map((s) => s.id),
      [MIGRATION],
    );
    const ref = { service: svc.id, profile: 'demo', region: 'us-east-1', resourceId: volume.id, requestedAt: 0 };
    const statuses = await svc.getSnapshotStatuses(ctx, [
      { ...ref, snapshotId: NIGHTLY },
      { ...ref, snapshotId: MIGRATION },
    ]);
    assert.deepEqual([...statuses.keys()], [MIGRATION], 'the status read does not find the deleted snapshot');

    const again = await failure(deletion.send(ctx, snapshot), 'InvalidSnapshot.NotFound');
    assert.match(
      deleteErrorMessage(again, svc, deletion, where),
      /^The snapshot nightly no longer exists in us-east-1/,
    );
  });

  it('refuses a pending snapshot without a call', async () => {
    const ctx = h.ctx('us-east-1');
    const volume = await shares(ctx);
    const made = await svc.createSnapshot(ctx, volume, { values: { SnapshotDescription: 'pending one' }, tags: [] });
    const pending = await snapshotOf(ctx, volume, made.id);
    assert.equal(pending.state, 'creating');
    const from = (await h.calls()).length;
    assert.match(deletion.refusal(pending) ?? '', /still being created \(pending\)/);
    assert.deepEqual(await operations(h, from), []);
  });

  it('answers InvalidSnapshot.InUse while a Storage Gateway volume is restored from it, then deletes it', async () => {
    const ctx = h.ctx('us-east-1');
    const volume = await shares(ctx);
    const snapshot = await snapshotOf(ctx, volume, MIGRATION);
    const gateway = new StorageGatewayClient({
      region: 'us-east-1',
      endpoint: h.url,
      credentials: DEMO_CREDENTIALS[0]!,
    });
    await gateway.send(
      new CreateCachediSCSIVolumeCommand({
        GatewayARN: office,
        VolumeSizeInBytes: 500 * 1024 ** 3,
        SnapshotId: MIGRATION,
        TargetName: 'restoring-one',
        NetworkInterfaceId: '10.0.0.10',
        ClientToken: 'delete-in-use-token-01',
      }),
    );
    const error = await failure(deletion.send(ctx, snapshot), 'InvalidSnapshot.InUse');
    const sentence = deleteErrorMessage(error, svc, deletion, where);
    assert.match(sentence, /is in use: The snapshot snap-0a1b2c3d4e5f60002 is currently in use by vol-/);
    assert.match(sentence, /wait until the volume is available/);
    // Once the volume is restored the snapshot is free.
    await pollUntil(
      () => deletion.send(ctx, snapshot).catch((e: unknown) => errorFacts(e).code),
      (answer) => answer === 'gone',
    );
    assert.deepEqual(
      (await svc.listSnapshots(ctx, volume, {})).items.map((s) => s.id),
      [NIGHTLY],
    );
  });

  it('answers a malformed id and a DryRun as EC2 does, each explained or left to the common sentences', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await snapshotOf(ctx, await shares(ctx), NIGHTLY);
    const malformed = await failure(deletion.send(ctx, { ...snapshot, id: 'snap-xyz' }), 'InvalidSnapshotID.Malformed');
    assert.match(deleteErrorMessage(malformed, svc, deletion, where), /malformed/);
    await failure(ec2().send(new DeleteSnapshotCommand({ SnapshotId: NIGHTLY, DryRun: true })), 'DryRunOperation', 412);
    assert.equal(deletion.explainError!(errorFacts(malformed), where)?.endsWith('.'), true);
    // Access denied names the IAM action (the common sentence).
    assert.match(
      deleteErrorMessage({ name: 'UnauthorizedOperation', message: 'You are not authorized' }, svc, deletion, where),
      /may not call ec2:DeleteSnapshot/,
    );
    assert.ok((await snapshotOf(ctx, await shares(ctx), NIGHTLY)).id, 'neither deleted it');
  });
});
