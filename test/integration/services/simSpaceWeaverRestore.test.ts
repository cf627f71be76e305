// SimSpace Weaver restore against the emulator through the real client factory and our own client: a snapshot taken
// with CreateSnapshot started as a new simulation (STARTING, then STARTED, read through getRestoredStatuses), every
// modeled StartSimulation error arriving as itself, and the cost of following several restores.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SimSpaceWeaverServiceException } from '../../../src/aws/simspaceweaver/errors';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';
import type { OperationForm, FormInput } from '../../../src/services/forms';
import type { AwsContext, Resource, RestoredRef, Snapshot } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

const BUCKET = 'weaver-demo-snapshots-use1';
const ROLE = 'arn:aws:iam::123456789012:role/weaver-city-traffic';
let tokens = 0;
const token = () => `restore-test-token-${String(++tokens).padStart(16, '0')}`;

/** A snapshot of city-traffic, taken now (the emulator finishes it at once: snapshotSeconds 0). */
async function takeSnapshot(ctx: AwsContext, prefix = 'restore'): Promise<Snapshot> {
  const city = (await svc.getResource(ctx, 'city-traffic')) as Resource;
  await svc.createSnapshot(ctx, city, { values: { BucketName: BUCKET, ObjectKeyPrefix: prefix }, tags: [] });
  const [snapshot] = (await svc.listSnapshots(ctx, city, {})).items;
  assert.ok(snapshot && snapshot.state === 'available');
  return snapshot;
}

const defaultsOf = (form: OperationForm): Record<string, string> =>
  Object.fromEntries(form.fields.flatMap((f) => (f.defaultValue ? [[f.key, f.defaultValue.value]] : [])));

const ref = (resourceId: string): RestoredRef => ({ profile: 'demo', region: 'us-east-1', resourceId });

/** The error a call failed with, asserted to be our client's with this name. */
async function failsWith(call: Promise<unknown>, name: string): Promise<SimSpaceWeaverServiceException> {
  const error = await call.then(
    () => assert.fail(`expected ${name}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof SimSpaceWeaverServiceException, String(error));
  assert.equal(error.name, name, error.message);
  return error;
}

describe('SimSpace Weaver restore against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 0, restoreSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('starts a simulation from a snapshot: defaults from the source, STARTING, then STARTED', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await takeSnapshot(ctx);
    const form = await svc.restore!.prepare(ctx, snapshot, undefined);
    const defaults = defaultsOf(form);
    assert.match(defaults.Name ?? '', /^city-traffic-\d{8}-\d{4}$/);
    assert.deepEqual(
      { ...defaults, Name: undefined },
      { Name: undefined, RoleArn: ROLE, MaximumDuration: '14D', Description: 'Downtown traffic model' },
    );
    const name = form.fields.find((f) => f.key === 'Name');
    const signal = new AbortController().signal;
    assert.match((await name?.accept?.('crowd-evacuation', signal, {})) ?? '', /already exists in us-east-1/);
    assert.equal(await name?.accept?.('city-traffic-2', signal, {}), undefined);

    const input: FormInput = {
      values: { ...defaults, Name: 'city-traffic-2', MaximumDuration: '2D' },
      tags: [{ key: 'team', value: 'sim' }],
      clientToken: token(),
    };
    const restored = await form.send(input);
    assert.deepEqual(restored, { id: 'city-traffic-2', name: 'city-traffic-2', state: 'creating', status: 'STARTING' });
    const first = await svc.getRestoredStatuses!(ctx, [ref('city-traffic-2')]);
    assert.deepEqual(first.get('city-traffic-2'), { id: 'city-traffic-2', state: 'creating', status: 'STARTING' });
    const done = await pollUntil(
      () => svc.getRestoredStatuses!(ctx, [ref('city-traffic-2')]),
      (m) => m.get('city-traffic-2')?.state === 'available',
    );
    assert.equal(done.get('city-traffic-2')?.status, 'STARTED');
    const started = (await svc.getResource(ctx, 'city-traffic-2')) as Resource;
    assert.ok(started.details.some(([k, v]) => k === 'Maximum duration' && v === '2D'));
    assert.ok(started.details.some(([k, v]) => k === 'Description' && v === 'Downtown traffic model'));
    // The same request again (a retry with the same client token) starts nothing new.
    await form.send(input);
    const listed = await svc.listResources(ctx, {});
    assert.equal(listed.items.filter((s) => s.id === 'city-traffic-2').length, 1);
  });

  it('follows several restores of a region with one ListSimulations per tick, not one call per restore', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await takeSnapshot(ctx);
    const form = await svc.restore!.prepare(ctx, snapshot, undefined);
    const names = ['copy-a', 'copy-b', 'copy-c'];
    for (const n of names) {
      await form.send({ values: { ...defaultsOf(form), Name: n }, tags: [], clientToken: token() });
    }
    const from = (await h.calls()).length;
    const states = await svc.getRestoredStatuses!(ctx, names.map(ref));
    assert.deepEqual(await operations(h, from), ['ListSimulations']);
    assert.deepEqual(
      names.map((n) => states.get(n)?.state),
      ['creating', 'creating', 'creating'],
    );
  });

  it('answers every modeled StartSimulation error as itself', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await takeSnapshot(ctx);
    const client = await ctx.clients.get(simSpaceWeaverClient, 'demo', 'us-east-1');
    const start = (over: Record<string, unknown> = {}) =>
      client.startSimulation({
        Name: 'restored',
        RoleArn: ROLE,
        SnapshotS3Location: { BucketName: BUCKET, ObjectKey: snapshot.id.replace(`s3://${BUCKET}/`, '') },
        ...over,
      });
    await failsWith(start({ Name: 'city-traffic' }), 'ConflictException');
    const missing = await failsWith(
      start({ SnapshotS3Location: { BucketName: BUCKET, ObjectKey: 'restore/snapshot/none.zip' } }),
      'ValidationException',
    );
    assert.match(missing.message, /SnapshotS3Location/);
    const role = await failsWith(start({ RoleArn: 'arn:aws:iam:::role/x' }), 'ValidationException');
    assert.match(role.message, /^RoleArn: /, 'the documented rule, as the extension checks it');
    await failsWith(start({ MaximumDuration: '15D' }), 'ValidationException');
    await failsWith(start({ RoleArn: 'arn:aws:iam::210987654321:role/other' }), 'AccessDeniedException');
    await fetch(`${h.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ errorRate: 1, operations: ['StartSimulation'] }),
    });
    await failsWith(start(), 'InternalServerException');
    await fetch(`${h.url}/_emulator/faults`, { method: 'POST', body: '{}' });
    const ok = await start({ ClientToken: token() });
    assert.match(ok.Arn ?? '', /:simulation\/restored$/);
  });

  it('refuses a simulation past the limit with ServiceQuotaExceededException', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weaver-quota-'));
    const dataFile = path.join(dir, 'data.json');
    writeFileSync(
      dataFile,
      JSON.stringify({
        accountId: '123456789012',
        quotas: { simSpaceWeaverSimulations: 2 },
        regions: {
          'us-east-1': {
            simulations: [{ name: 'only', status: 'STARTED' }],
            buckets: [{ name: 'quota-bucket-use1' }],
          },
        },
      }),
    );
    const small = await startHarness({ snapshotSeconds: 0, restoreSeconds: 0, dataFile });
    try {
      const ctx = small.ctx('us-east-1');
      const only = (await svc.getResource(ctx, 'only')) as Resource;
      await svc.createSnapshot(ctx, only, { values: { BucketName: 'quota-bucket-use1' }, tags: [] });
      const [snapshot] = (await svc.listSnapshots(ctx, only, {})).items;
      const form = await svc.restore!.prepare(ctx, snapshot as Snapshot, only);
      const send = (name: string) =>
        form.send({ values: { ...defaultsOf(form), Name: name }, tags: [], clientToken: token() });
      await send('second');
      const refused = await failsWith(send('third'), 'ServiceQuotaExceededException');
      const sentence = svc.restore!.explainError?.(
        { code: refused.name, message: refused.message },
        { profile: 'demo', region: 'us-east-1', resourceName: 'only', newName: 'third' },
      );
      assert.match(sentence ?? '', /cannot start another simulation in us-east-1/);
    } finally {
      await small.stop();
    }
  });
});
