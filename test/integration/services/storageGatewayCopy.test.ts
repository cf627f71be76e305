// Storage Gateway's copy to another region (EC2 CopySnapshot of a volume's EBS snapshot) with the real
// @aws-sdk/client-ec2 against the emulator: a demo snapshot of us-east-1 copied to eu-west-1 by a client of eu-west-1,
// the SDK's pre-signed URL checked (a forged or misdirected one fails the copy, as AWS documents; none at all for an
// encrypted snapshot is refused), the copy read there with getSnapshotStatuses pending then completed.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import { ec2Client } from '../../../src/aws/helperClients';
import type { FormInput, OperationForm } from '../../../src/services/forms';
import type { Snapshot, SnapshotRef } from '../../../src/services/service';
import { storageGatewayService } from '../../../src/services/storageGateway';
import { type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

const SOURCE = 'us-east-1';
const DESTINATION = 'eu-west-1';
const SNAPSHOT = 'snap-0a1b2c3d4e5f60002';
const VOLUME = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B/volume/vol-1122AABB';
const svc = storageGatewayService;
const copy = svc.copy!;
const demoSnapshot: Snapshot = {
  service: svc.id,
  id: SNAPSHOT,
  name: 'office-shares before migration',
  resourceId: VOLUME,
  state: 'available',
  status: 'completed',
  details: [],
};

function answers(form: OperationForm, changes: Record<string, string> = {}): FormInput {
  const values: Record<string, string> = {};
  for (const field of form.fields) values[field.key] = field.defaultValue?.value ?? '';
  return { values: { ...values, ...changes }, tags: form.defaultTags ?? [], clientToken: 't' };
}

type Args = { input: { PresignedUrl?: string }; request: { body?: string } };
type Stack = { add(mw: (next: (args: Args) => Promise<unknown>) => (args: Args) => Promise<unknown>, o: object): void };

/** Sends the command; answers the PresignedUrl the SDK computed, or sends none at all when `strip`. */
async function sendWatching(client: ec2Sdk.EC2Client, command: ec2Sdk.CopySnapshotCommand, strip = false) {
  let url: string | undefined;
  (command.middlewareStack as unknown as Stack).add(
    (next) => async (args) => {
      url = args.input.PresignedUrl;
      if (strip && typeof args.request.body === 'string') {
        args.request.body = args.request.body.replace(/&PresignedUrl=[^&]*/, '');
      }
      return next(args);
    },
    // Before the content length is set from the body.
    { step: 'build', priority: 'high' },
  );
  const out = await client.send(command);
  return { url, out };
}

describe('Storage Gateway copy to another region against the emulator', () => {
  let h: EmulatorHarness;
  const ref = (snapshotId: string): SnapshotRef => ({
    service: svc.id,
    profile: 'demo',
    region: DESTINATION,
    resourceId: VOLUME,
    snapshotId,
    requestedAt: Date.now(),
  });
  const statusOf = async (id: string) => (await svc.getSnapshotStatuses(h.ctx(DESTINATION), [ref(id)])).get(id);
  before(async () => {
    h = await startHarness({ snapshotSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('copies a demo snapshot to eu-west-1 with its description and tags; pending, then completed there', async () => {
    const form = await copy.prepare(h.ctx(SOURCE), demoSnapshot, undefined, DESTINATION);
    const defaults = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue?.value]));
    assert.deepEqual(defaults, {
      Description: `office-shares before migration (copy of ${SNAPSHOT} from us-east-1)`,
      Encrypted: 'false',
      KmsKeyId: undefined,
    });
    assert.deepEqual(form.defaultTags, [{ key: 'reason', value: 'migration' }]);
    const input = answers(form);
    assert.deepEqual(form.calls(input), [
      {
        operation: 'CopySnapshot',
        input: {
          SourceRegion: SOURCE,
          SourceSnapshotId: SNAPSHOT,
          Description: defaults.Description,
          TagSpecifications: [
            {
              ResourceType: 'snapshot',
              // The user's tags, and the source volume (how the destination's tree finds the copy).
              Tags: [
                { Key: 'reason', Value: 'migration' },
                { Key: 'snapshot-explorer:source-volume', Value: VOLUME },
              ],
            },
          ],
        },
      },
    ]);
    const from = (await h.calls()).length;
    const made = await form.send(input);
    assert.match(made.id, /^snap-[0-9a-f]{17}$/);
    assert.deepEqual([made.state, made.status, made.name], ['creating', 'pending', defaults.Description]);
    assert.deepEqual(
      (await h.calls()).slice(from).map((c) => [c.operation, c.region, c.status]),
      [['CopySnapshot', DESTINATION, 200]],
    );
    const seen: string[] = [];
    const last = await pollUntil(
      () => statusOf(made.id),
      (s) => {
        seen.push(s?.status ?? 'missing');
        return s?.state === 'available';
      },
    );
    assert.equal(seen[0], 'pending');
    assert.equal(last?.status, 'completed');
    assert.deepEqual(last?.tags, [
      { key: 'reason', value: 'migration' },
      { key: 'snapshot-explorer:source-volume', value: VOLUME },
    ]);
  });

  it('encrypts the copy of an unencrypted snapshot with a key of the destination', async () => {
    const form = await copy.prepare(h.ctx(SOURCE), demoSnapshot, undefined, DESTINATION);
    const kms = form.fields.find((f) => f.key === 'KmsKeyId')!;
    assert.equal(kms.when?.({ Encrypted: 'false' }), false);
    assert.equal(kms.when?.({ Encrypted: 'true' }), true);
    assert.match(
      kms.validate(`arn:aws:kms:${SOURCE}:123456789012:alias/backups`, {})[0]?.message ?? '',
      /of us-east-1/,
    );
    const input = answers(form, { Encrypted: 'true', KmsKeyId: 'alias/aws/ebs' });
    const request = form.calls(input)[0]?.input;
    assert.deepEqual([request?.Encrypted, request?.KmsKeyId], [true, 'alias/aws/ebs']);
    const made = await form.send(input);
    const client = await h.ctx(DESTINATION).clients.get(ec2Client, 'demo', DESTINATION);
    const out = await client.send(new ec2Sdk.DescribeSnapshotsCommand({ SnapshotIds: [made.id] }));
    assert.deepEqual([out.Snapshots?.[0]?.Encrypted, out.Snapshots?.[0]?.VolumeId], [true, 'vol-ffffffff']);
  });

  it('the emulator checks the pre-signed URL: a forged or misdirected one fails the copy', async () => {
    const client = await h.ctx(DESTINATION).clients.get(ec2Client, 'demo', DESTINATION);
    const request = { SourceRegion: SOURCE, SourceSnapshotId: SNAPSHOT, Description: 'checked' };
    const good = await sendWatching(client, new ec2Sdk.CopySnapshotCommand(request));
    assert.match(good.url ?? '', /Action=CopySnapshot/);
    assert.match(good.url ?? '', new RegExp(`X-Amz-Credential=[^&]+%2F${SOURCE}%2Fec2%2F`));
    const goodId = good.out.SnapshotId!;
    const forged = good.url!.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
    );
    const misdirected = good.url!.replace(`%2F${SOURCE}%2F`, `%2F${DESTINATION}%2F`);
    const failed: string[] = [];
    for (const url of [forged, misdirected]) {
      const out = await client.send(new ec2Sdk.CopySnapshotCommand({ ...request, PresignedUrl: url }));
      failed.push(out.SnapshotId!);
    }
    await pollUntil(
      () => statusOf(goodId),
      (s) => s?.status === 'completed',
    );
    for (const id of failed)
      assert.deepEqual([(await statusOf(id))?.state, (await statusOf(id))?.status], ['failed', 'error']);
  });

  it('refuses an encrypted snapshot of another region without a pre-signed URL; a missing source is InvalidSnapshot.NotFound', async () => {
    // An encrypted snapshot in eu-west-1: the encrypted copy of the demo one.
    const there = await h.ctx(DESTINATION).clients.get(ec2Client, 'demo', DESTINATION);
    const encrypted = await there.send(
      new ec2Sdk.CopySnapshotCommand({ SourceRegion: SOURCE, SourceSnapshotId: SNAPSHOT, Encrypted: true }),
    );
    await pollUntil(
      () => statusOf(encrypted.SnapshotId!),
      (s) => s?.status === 'completed',
    );
    const back = await h.ctx(SOURCE).clients.get(ec2Client, 'demo', SOURCE);
    const input = { SourceRegion: DESTINATION, SourceSnapshotId: encrypted.SnapshotId! };
    const refused = await sendWatching(back, new ec2Sdk.CopySnapshotCommand(input), true).then(
      () => assert.fail('expected a refusal'),
      (error: Error) => error,
    );
    assert.equal(refused.name, 'InvalidParameterValue');
    assert.match(refused.message, /PresignedUrl is required/);
    const withUrl = await sendWatching(back, new ec2Sdk.CopySnapshotCommand(input));
    assert.match(withUrl.out.SnapshotId ?? '', /^snap-/);
    const missing = await there
      .send(new ec2Sdk.CopySnapshotCommand({ SourceRegion: SOURCE, SourceSnapshotId: 'snap-0a1b2c3d4e5f6ffff' }))
      .then(
        () => assert.fail('expected a refusal'),
        (error: Error) => error,
      );
    assert.ok(missing instanceof ec2Sdk.EC2ServiceException);
    assert.equal(missing.name, 'InvalidSnapshot.NotFound');
    const sentence = copy.explainError?.(
      { code: missing.name, message: missing.message },
      { profile: 'demo', region: SOURCE, resourceName: 'vol-1122AABB', destinationRegion: DESTINATION, newName: 'x' },
    );
    assert.match(sentence ?? '', /cannot find the snapshot in us-east-1/);
  });
});
