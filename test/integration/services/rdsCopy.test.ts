// The RDS family's copy to another region (DocumentDB, Neptune Database) with the real @aws-sdk/client-docdb and
// client-neptune against the emulator: a demo snapshot of us-east-1 copied to us-west-2 by a client of us-west-2 (the
// demo's eu-west-1 holds 205 bulk manual snapshots, over the quota of 100: a copy there is SnapshotQuotaExceeded), the
// SDK's pre-signed URL checked by the emulator (a forged or misdirected one is refused), the copy read there with
// getSnapshotStatuses creating then available, and the modeled errors arriving as the SDK's own classes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as docdbSdk from '@aws-sdk/client-docdb';
import * as neptuneSdk from '@aws-sdk/client-neptune';
import { docdbService } from '../../../src/services/docdb';
import { docdbClient } from '../../../src/services/docdbClient';
import type { FormInput, OperationForm } from '../../../src/services/forms';
import { neptuneService } from '../../../src/services/neptune';
import { neptuneClient } from '../../../src/services/neptuneClient';
import type { AwsContext, Snapshot, SnapshotRef, SnapshotService } from '../../../src/services/service';
import { type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

type Sdk = typeof docdbSdk | typeof neptuneSdk;
interface Member {
  readonly svc: SnapshotService;
  readonly sdk: Sdk;
  readonly sourceCluster: string;
  readonly snapshotId: string;
  client(ctx: AwsContext): Promise<{ send(command: object): Promise<unknown> }>;
}

const members: Member[] = [
  {
    svc: docdbService,
    sdk: docdbSdk,
    sourceCluster: 'orders-prod',
    snapshotId: 'orders-prod-before-upgrade',
    client: (ctx) => ctx.clients.get(docdbClient, ctx.profile, ctx.region),
  },
  {
    svc: neptuneService,
    sdk: neptuneSdk,
    sourceCluster: 'fraud-graph-db',
    snapshotId: 'fraud-graph-db-before-reindex',
    client: (ctx) => ctx.clients.get(neptuneClient, ctx.profile, ctx.region),
  },
];

const SOURCE = 'us-east-1';
const DESTINATION = 'us-west-2';
/** Full: the demo's bulk snapshots exceed the manual-snapshot quota there. */
const FULL = 'eu-west-1';
const demoSnapshot = (m: Member, id = m.snapshotId): Snapshot => ({
  service: m.svc.id,
  id,
  name: id,
  resourceId: m.sourceCluster,
  state: 'available',
  status: 'available',
  details: [],
});

function answers(form: OperationForm, changes: Record<string, string> = {}): FormInput {
  const values: Record<string, string> = {};
  for (const field of form.fields) values[field.key] = field.defaultValue?.value ?? '';
  return { values: { ...values, ...changes }, tags: [{ key: 'copied-by', value: 'test' }], clientToken: 't' };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error as Error,
  );
}

type Args = { input: { PreSignedUrl?: string }; request: { body?: string } };
type Stack = { add(mw: (next: (args: Args) => Promise<unknown>) => (args: Args) => Promise<unknown>, o: object): void };

/**
 * Sends the command and answers the PreSignedUrl the SDK computed for it (read as the request is built); with `strip`
 * the request goes without it.
 */
async function sendCapturing(client: { send(command: object): Promise<unknown> }, command: object, strip = false) {
  let url: string | undefined;
  (command as { middlewareStack: Stack }).middlewareStack.add(
    (next) => async (args) => {
      url = args.input.PreSignedUrl;
      if (strip && typeof args.request.body === 'string') {
        args.request.body = args.request.body.replace(/&PreSignedUrl=[^&]*/, '');
      }
      return next(args);
    },
    // Before the content length is set from the body.
    { step: 'build', priority: 'high' },
  );
  const result = await client.send(command).then(
    (out) => ({ out }),
    (error: unknown) => ({ error }),
  );
  return { url, ...result };
}

for (const m of members) {
  describe(`${m.svc.label} copy to another region against the emulator`, () => {
    let h: EmulatorHarness;
    const copy = m.svc.copy!;
    before(async () => {
      h = await startHarness({ snapshotSeconds: 1 });
    });
    after(async () => h.stop());
    beforeEach(async () => h.reset());

    it('copies an encrypted demo snapshot to us-west-2; read there creating, then available', async () => {
      const form = await copy.prepare(h.ctx(SOURCE), demoSnapshot(m), undefined, DESTINATION);
      const defaults = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue?.value]));
      assert.deepEqual(defaults, {
        TargetDBClusterSnapshotIdentifier: `${m.snapshotId}-copy`,
        KmsKeyId: 'alias/aws/rds',
        CopyTags: 'true',
      });
      const input = answers(form);
      const [request] = form.calls(input);
      const arn = request?.input.SourceDBClusterSnapshotIdentifier as string;
      assert.match(arn, new RegExp(`^arn:aws:rds:${SOURCE}:\\d{12}:cluster-snapshot:${m.snapshotId}$`));
      assert.deepEqual(request, {
        operation: 'CopyDBClusterSnapshot',
        input: {
          SourceDBClusterSnapshotIdentifier: arn,
          TargetDBClusterSnapshotIdentifier: `${m.snapshotId}-copy`,
          KmsKeyId: 'alias/aws/rds',
          CopyTags: true,
          Tags: [{ Key: 'copied-by', Value: 'test' }],
        },
      });
      const before = (await h.calls()).length;
      const made = await form.send(input);
      assert.deepEqual([made.id, made.state], [`${m.snapshotId}-copy`, 'creating']);
      const sent = (await h.calls()).slice(before);
      assert.deepEqual(
        sent.map((c) => [c.operation, c.region, c.status]),
        [['CopyDBClusterSnapshot', DESTINATION, 200]],
      );
      const there = h.ctx(DESTINATION);
      const ref: SnapshotRef = {
        service: m.svc.id,
        profile: 'demo',
        region: DESTINATION,
        resourceId: m.sourceCluster,
        snapshotId: made.id,
        requestedAt: Date.now(),
      };
      const seen: string[] = [];
      await pollUntil(
        async () => (await m.svc.getSnapshotStatuses(there, [ref])).get(made.id),
        (s) => {
          seen.push(s?.state ?? 'missing');
          return s?.state === 'available';
        },
      );
      assert.equal(seen[0], 'creating');
      const client = await m.client(there);
      const tags = (await client.send(
        new m.sdk.ListTagsForResourceCommand({
          ResourceName: arn.replace(SOURCE, DESTINATION).replace(m.snapshotId, made.id),
        }),
      )) as docdbSdk.ListTagsForResourceCommandOutput;
      assert.ok(
        tags.TagList?.some((t) => t.Key === 'copied-by'),
        'the copy has the tags given',
      );
    });

    it('refuses on Enter an identifier the destination already has', async () => {
      const signal = new AbortController().signal;
      const full = await copy.prepare(h.ctx(SOURCE), demoSnapshot(m), undefined, FULL);
      const fullTarget = full.fields.find((f) => f.key === 'TargetDBClusterSnapshotIdentifier')!;
      assert.match(
        (await fullTarget.accept!('EU-Sessions-GDPR-Export', signal, {})) ?? '',
        /already exists in eu-west-1/,
      );
      const form = await copy.prepare(h.ctx(SOURCE), demoSnapshot(m), undefined, DESTINATION);
      const target = form.fields.find((f) => f.key === 'TargetDBClusterSnapshotIdentifier')!;
      assert.equal(await target.accept!(`${m.snapshotId}-copy`, signal, {}), undefined);
      await form.send(answers(form));
      assert.match((await target.accept!(`${m.snapshotId}-copy`, signal, {})) ?? '', /already exists in us-west-2/);
    });

    it('the emulator checks the pre-signed URL: a forged or misdirected one is refused', async () => {
      const form = await copy.prepare(h.ctx(SOURCE), demoSnapshot(m), undefined, DESTINATION);
      const request = form.calls(answers(form))[0]!.input as unknown as docdbSdk.CopyDBClusterSnapshotMessage;
      const client = await m.client(h.ctx(DESTINATION));
      const good = await sendCapturing(client, new m.sdk.CopyDBClusterSnapshotCommand(request));
      assert.ok(good.url?.includes('Action=CopyDBClusterSnapshot'), 'the SDK added the pre-signed URL');
      assert.match(good.url ?? '', new RegExp(`X-Amz-Credential=[^&]+%2F${SOURCE}%2Frds%2F`));
      assert.equal('error' in good, false);
      const none = await sendCapturing(
        client,
        new m.sdk.CopyDBClusterSnapshotCommand({ ...request, TargetDBClusterSnapshotIdentifier: 'unsigned-copy' }),
        true,
      );
      assert.ok('error' in none && none.error instanceof Error, 'a copy without a pre-signed URL is refused');
      assert.equal(none.error.name, 'InvalidParameterValue');
      assert.match(none.error.message, /no pre-signed URL was given/);
      const forged = good.url!.replace(
        /X-Amz-Signature=([0-9a-f])/,
        (_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
      );
      const misdirected = good.url!.replace(`%2F${SOURCE}%2F`, `%2F${DESTINATION}%2F`);
      for (const [url, why] of [
        [forged, /signature does not match/],
        [misdirected, new RegExp(`signed for ${DESTINATION}`)],
      ] as const) {
        const refused = await rejection(
          client.send(
            new m.sdk.CopyDBClusterSnapshotCommand({
              ...request,
              TargetDBClusterSnapshotIdentifier: 'other-copy',
              PreSignedUrl: url,
            }),
          ),
        );
        assert.equal(refused.name, 'InvalidParameterValue');
        assert.match(refused.message, why);
      }
    });

    it('answers the modeled errors as the SDK classes', async () => {
      const form = await copy.prepare(h.ctx(SOURCE), demoSnapshot(m), undefined, DESTINATION);
      const request = form.calls(answers(form))[0]!.input as unknown as docdbSdk.CopyDBClusterSnapshotMessage;
      const client = await m.client(h.ctx(DESTINATION));
      await client.send(new m.sdk.CopyDBClusterSnapshotCommand(request));
      const again = await rejection(client.send(new m.sdk.CopyDBClusterSnapshotCommand(request)));
      assert.ok(again instanceof m.sdk.DBClusterSnapshotAlreadyExistsFault, again.name);
      const missing = await rejection(
        client.send(
          new m.sdk.CopyDBClusterSnapshotCommand({
            ...request,
            SourceDBClusterSnapshotIdentifier: request.SourceDBClusterSnapshotIdentifier!.replace(
              m.snapshotId,
              'no-such-snapshot',
            ),
            TargetDBClusterSnapshotIdentifier: 'copy-two',
          }),
        ),
      );
      assert.ok(missing instanceof m.sdk.DBClusterSnapshotNotFoundFault, missing.name);
      const sourceKey = `arn:aws:kms:${SOURCE}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
      const wrongKey = await rejection(
        client.send(
          new m.sdk.CopyDBClusterSnapshotCommand({
            ...request,
            TargetDBClusterSnapshotIdentifier: 'copy-three',
            KmsKeyId: sourceKey,
          }),
        ),
      );
      assert.ok(wrongKey instanceof m.sdk.KMSKeyNotAccessibleFault, wrongKey.name);
      // The first copy is still being made: copying it back is refused.
      const copyArn = request
        .SourceDBClusterSnapshotIdentifier!.replace(SOURCE, DESTINATION)
        .replace(m.snapshotId, request.TargetDBClusterSnapshotIdentifier!);
      const back = await rejection(
        (await m.client(h.ctx(SOURCE))).send(
          new m.sdk.CopyDBClusterSnapshotCommand({
            SourceDBClusterSnapshotIdentifier: copyArn,
            TargetDBClusterSnapshotIdentifier: 'copy-back',
            KmsKeyId: 'alias/aws/rds',
          }),
        ),
      );
      assert.ok(back instanceof m.sdk.InvalidDBClusterSnapshotStateFault, back.name);
      const full = await rejection(
        (await m.client(h.ctx(FULL))).send(
          new m.sdk.CopyDBClusterSnapshotCommand({ ...request, TargetDBClusterSnapshotIdentifier: 'copy-four' }),
        ),
      );
      assert.ok(full instanceof m.sdk.SnapshotQuotaExceededFault, full.name);
      const sentence = copy.explainError?.(
        { code: back.name, message: back.message },
        {
          profile: 'demo',
          region: DESTINATION,
          resourceName: m.sourceCluster,
          destinationRegion: SOURCE,
          newName: 'copy-back',
        },
      );
      assert.match(sentence ?? '', /only an available snapshot can/);
    });
  });
}
