// Neptune Analytics restore through the real SDK client against the emulator: a demo snapshot restored with the
// form's defaults (the source graph's), the new graph CREATING then AVAILABLE through getRestoredStatuses, every
// modeled error of RestoreGraphFromSnapshot as the SDK's own class, and polls that cost calls per region.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-neptune-graph';
import { neptuneGraphService as svc } from '../../../src/services/neptuneGraph';
import type { RestoreSupport } from '../../../src/services/restore';
import type { OperationForm, FormInput } from '../../../src/services/forms';
import type { AwsContext, RestoredRef, Snapshot } from '../../../src/services/service';
import { type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

const restore = svc.restore as RestoreSupport;

const demoSnapshot = (id: string, resourceId: string, name = id): Snapshot => ({
  service: svc.id,
  id,
  name,
  resourceId,
  state: 'available',
  status: 'AVAILABLE',
  details: [],
});

/** The form's defaults as the answers, with the name (and anything else) given. */
function answers(form: OperationForm, values: Record<string, string>, tags: FormInput['tags'] = []): FormInput {
  const defaults = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue?.value ?? '']));
  return { values: { ...defaults, ...values }, tags, clientToken: 'it-token' };
}

async function restoreAs(ctx: AwsContext, snapshot: Snapshot, graphName: string, extra: Record<string, string> = {}) {
  const form = await restore.prepare(ctx, snapshot, undefined);
  return form.send(answers(form, { graphName, ...extra }));
}

const ref = (region: string, resourceId: string): RestoredRef => ({ profile: 'demo', region, resourceId });

async function setFaults(h: EmulatorHarness, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${h.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200);
}

describe('Neptune Analytics restore against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 0, restoreSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it("restores a demo snapshot with the source graph's values: CREATING, then AVAILABLE through getRestoredStatuses", async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = demoSnapshot('gs-cust0snap1', 'g-cust0demo1', 'customer-graph-2025-06-01');
    const form = await restore.prepare(ctx, snapshot, undefined);
    assert.deepEqual(
      form.fields.slice(1).map((f) => [f.key, f.defaultValue?.value, f.defaultValue?.source]),
      [
        ['provisionedMemory', '128', "the source graph's"],
        ['replicaCount', '1', "the source graph's"],
        ['publicConnectivity', 'false', "the source graph's"],
        ['deletionProtection', 'true', "the source graph's"],
      ],
    );
    const name = form.fields[0]?.defaultValue?.value ?? '';
    assert.match(name, /^customer-graph-\d{8}-\d{4}$/);
    assert.equal(await form.fields[0]?.accept?.(name, new AbortController().signal, {}), undefined);
    const input = answers(form, {}, [{ key: 'team', value: 'qa' }]);
    const made = await form.send(input);
    assert.equal(made.state, 'creating');
    assert.equal(made.status, 'CREATING');
    assert.equal(made.name, name);
    assert.match(made.id, /^g-[a-z0-9]{10}$/);
    const listed = await svc.listResources(ctx, {});
    assert.equal(listed.items.find((g) => g.id === made.id)?.status, 'CREATING', 'listed at once');
    const first = await svc.getRestoredStatuses!(ctx, [ref('us-east-1', made.id)]);
    assert.equal(first.get(made.id)?.state, 'creating');
    const done = await pollUntil(
      () => svc.getRestoredStatuses!(ctx, [ref('us-east-1', made.id)]),
      (m) => m.get(made.id)?.state === 'available',
    );
    assert.equal(done.get(made.id)?.status, 'AVAILABLE');
    const graph = await svc.getResource(ctx, made.id);
    assert.equal(graph?.summary, '128 m-NCU · 1 replica');
    const calls = (await h.calls()).filter((c) => c.operation === 'RestoreGraphFromSnapshot');
    assert.equal(calls.length, 1);
    // The name is now taken: the form refuses it on Enter.
    assert.match(
      (await form.fields[0]?.accept?.(name, new AbortController().signal, {})) ?? '',
      new RegExp(`"${name}" already exists in us-east-1 \\(${made.id}, AVAILABLE\\)`),
    );
  });

  it('sends the values given: memory, replicas, connectivity and protection', async () => {
    const ctx = h.ctx('us-east-1');
    const made = await restoreAs(ctx, demoSnapshot('gs-frau0snap1', 'g-frau0demo2'), 'fraud-copy', {
      provisionedMemory: '64',
      replicaCount: '0',
      publicConnectivity: 'false',
      deletionProtection: 'false',
    });
    const graph = await svc.getResource(ctx, made.id);
    assert.equal(graph?.summary, '64 m-NCU · 0 replicas');
    assert.deepEqual(
      graph?.details.filter(([k]) => /connectivity|protection/i.test(k)),
      [
        ['Public connectivity', 'false'],
        ['Deletion protection', 'false'],
      ],
    );
  });

  it('answers every modeled error of RestoreGraphFromSnapshot as the SDK class', async () => {
    const ctx = h.ctx('us-east-1');
    const customer = demoSnapshot('gs-cust0snap1', 'g-cust0demo1');
    await assert.rejects(restoreAs(ctx, customer, 'customer-graph'), ConflictException, 'the name is taken');
    await assert.rejects(
      restoreAs(ctx, demoSnapshot('gs-reco0snap1', 'g-reco0demo3'), 'from-failed'),
      (e: Error) => e instanceof ConflictException && /FAILED/.test(e.message),
      'the snapshot is not AVAILABLE',
    );
    await assert.rejects(restoreAs(ctx, demoSnapshot('gs-zzzzzzzzzz', ''), 'from-nothing'), ResourceNotFoundException);
    await assert.rejects(restoreAs(ctx, customer, 'g-reserved'), (e: Error) => {
      return e instanceof ValidationException && /graphName/.test(e.message);
    });
    await assert.rejects(
      (async () => {
        const form = await restore.prepare(ctx, customer, undefined);
        await form.send(answers(form, { graphName: 'tagged' }, [{ key: 'aws:owner', value: 'me' }]));
      })(),
      (e: Error) => e instanceof ValidationException && /aws:owner/.test(e.message),
    );
    const form = await restore.prepare(ctx, customer, undefined);
    await setFaults(h, { throttleRate: 1, operations: ['RestoreGraphFromSnapshot'] });
    await assert.rejects(form.send(answers(form, { graphName: 'throttled' })), ThrottlingException);
    await setFaults(h, { errorRate: 1, operations: ['RestoreGraphFromSnapshot'] });
    await assert.rejects(form.send(answers(form, { graphName: 'broken' })), InternalServerException);
    await setFaults(h, {});
    const names = (await svc.listResources(ctx, {})).items.map((g) => g.name);
    assert.deepEqual(names.sort(), ['customer-graph', 'fraud-detection', 'recommendations'], 'nothing was made');
  });

  it('polls several restores of a region with the pages of one ListGraphs, whatever their number', async () => {
    const east = h.ctx('us-east-1');
    const west = h.ctx('eu-west-1');
    const made = {
      east: [
        await restoreAs(east, demoSnapshot('gs-cust0snap1', 'g-cust0demo1'), 'poll-a'),
        await restoreAs(east, demoSnapshot('gs-cust0snap2', 'g-cust0demo1'), 'poll-b'),
        await restoreAs(east, demoSnapshot('gs-frau0snap1', 'g-frau0demo2'), 'poll-c'),
      ],
      west: [
        await restoreAs(west, demoSnapshot('gs-eugr0snap1', 'g-eugr0demo4'), 'poll-d'),
        await restoreAs(west, demoSnapshot('gs-bulk000001', 'g-bulk000001'), 'poll-e'),
      ],
    };
    const from = (await h.calls()).length;
    const eastRefs = made.east.map((g) => ref('us-east-1', g.id));
    const westRefs = made.west.map((g) => ref('eu-west-1', g.id));
    let polls = 0;
    await pollUntil(
      async () => {
        polls++;
        const [e, w] = await Promise.all([
          svc.getRestoredStatuses!(east, eastRefs),
          svc.getRestoredStatuses!(west, westRefs),
        ]);
        return [...e.values(), ...w.values()];
      },
      (states) => states.length === 5 && states.every((s) => s.state === 'available'),
    );
    const calls = (await h.calls()).slice(from);
    assert.ok(
      calls.every((c) => c.operation === 'ListGraphs'),
      'no GetGraph per restore',
    );
    const perRegion = (region: string) => calls.filter((c) => c.region === region).length;
    assert.equal(perRegion('us-east-1'), polls, 'us-east-1: one page (6 graphs) per poll for 3 restores');
    // eu-west-1 holds 206 graphs + 2 new ones at the end: 3 pages of 100 per poll, for 2 restores as for 20.
    assert.equal(perRegion('eu-west-1'), polls * 3);
  });
});

describe('Neptune Analytics restore: quota and a source graph that is gone', () => {
  let h: EmulatorHarness;
  let dir: string;
  before(async () => {
    // The demo data with a graph quota of 4 (us-east-1 holds 3) and a snapshot whose graph was deleted.
    const demoFile = path.join(import.meta.dirname, '../../../emulator/data/demo.json');
    const demo = JSON.parse(readFileSync(demoFile, 'utf8')) as {
      quotas: Record<string, number>;
      regions: Record<string, Record<string, Array<Record<string, unknown>>>>;
    };
    demo.quotas.neptuneGraphs = 4;
    demo.regions['us-east-1']!.neptuneSnapshots!.push({
      id: 'gs-orph0snap1',
      name: 'orphan-snapshot',
      sourceGraphId: 'g-gone000001',
      createTime: '2025-01-01T00:00:00Z',
    });
    dir = mkdtempSync(path.join(tmpdir(), 'neptune-restore-'));
    const dataFile = path.join(dir, 'data.json');
    writeFileSync(dataFile, JSON.stringify(demo));
    h = await startHarness({ snapshotSeconds: 0, restoreSeconds: 0, dataFile });
  });
  after(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores an orphan snapshot with the API's defaults, then refuses a graph beyond the quota", async () => {
    const ctx = h.ctx('us-east-1');
    const form = await restore.prepare(
      ctx,
      demoSnapshot('gs-orph0snap1', 'g-gone000001', 'orphan-snapshot'),
      undefined,
    );
    assert.deepEqual(
      form.fields.map((f) => [f.key, f.defaultValue?.source]),
      [
        ['graphName', "the snapshot's name and the time"],
        ['provisionedMemory', undefined],
        ['replicaCount', "the API's default"],
        ['publicConnectivity', "the API's default"],
        ['deletionProtection', "the API's default"],
      ],
    );
    const input = answers(form, {});
    assert.equal(form.calls(input)[0]?.input.provisionedMemory, undefined, 'left out when empty');
    const made = await form.send(input);
    assert.equal(made.state, 'available', 'restore time 0: available at once');
    const graph = await svc.getResource(ctx, made.id);
    assert.equal(graph?.summary, '128 m-NCU · 1 replica');
    await assert.rejects(
      restoreAs(ctx, demoSnapshot('gs-cust0snap1', 'g-cust0demo1'), 'one-too-many'),
      (e: Error) => e instanceof ServiceQuotaExceededException && /quota of 4/.test(e.message),
    );
  });
});
