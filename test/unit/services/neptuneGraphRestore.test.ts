// Neptune Analytics restore with fake SDK clients: the form's defaults (GetGraph of the source graph), the name check
// on Enter (ListGraphs pages), the one request shown and sent, the restored graphs' states, and the error sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceNotFoundException, ThrottlingException } from '@aws-sdk/client-neptune-graph';
import { neptuneGraphService as svc } from '../../../src/services/neptuneGraph';
import { restoredGraphState } from '../../../src/services/neptuneGraphRestore';
import type { RestoreErrorContext, RestoreSupport } from '../../../src/services/restore';
import type { FormField } from '../../../src/services/forms';
import type { RestoredRef, Snapshot } from '../../../src/services/service';
import { fakeAws, pageOf } from './fakeAws';

const restore = svc.restore as RestoreSupport;
assert.ok(restore, 'Neptune Analytics offers restore');

const snapshot: Snapshot = {
  service: 'neptune-graph',
  id: 'gs-abcdefghij',
  name: 'nightly-2026',
  resourceId: 'g-source0001',
  state: 'available',
  status: 'AVAILABLE',
  details: [],
};

const sourceGraph = {
  id: 'g-source0001',
  name: 'customer-graph',
  arn: 'arn:aws:neptune-graph:us-east-1:123456789012:graph/g-source0001',
  status: 'AVAILABLE',
  provisionedMemory: 256,
  replicaCount: 2,
  publicConnectivity: true,
  deletionProtection: false,
};

const notFound = () => {
  throw new ResourceNotFoundException({ message: 'Graph not found', $metadata: {} });
};

const graphs = (n: number, status = 'AVAILABLE') =>
  Array.from({ length: n }, (_, i) => ({ id: `g-${String(i).padStart(10, '0')}`, name: `graph-${i}`, status }));

const field = (fields: readonly FormField[], key: string): FormField => {
  const found = fields.find((f) => f.key === key);
  assert.ok(found, `field ${key}`);
  return found;
};

const ref = (resourceId: string): RestoredRef => ({ profile: 'dev', region: 'us-east-1', resourceId });

describe('Neptune Analytics restore: the form', () => {
  it('declares the operation, IAM actions (TagResource too), the graph it makes and the model members', () => {
    assert.equal(restore.operation, 'RestoreGraphFromSnapshot');
    assert.equal(restore.makes, 'graph');
    assert.equal(restore.iamActions[0], 'neptune-graph:RestoreGraphFromSnapshot');
    assert.ok(restore.iamActions.includes('neptune-graph:TagResource'));
    assert.deepEqual(Object.keys(restore.modelMembers ?? {}), ['RestoreGraphFromSnapshot']);
    assert.ok(svc.getRestoredStatuses, 'restores are followed');
  });

  it('refuses a snapshot that is not available, with the generic sentence', () => {
    assert.equal(restore.refusal?.(snapshot), undefined);
    assert.match(
      restore.refusal?.({ ...snapshot, state: 'creating', status: 'CREATING' }) ?? '',
      /still being created/,
    );
    assert.match(restore.refusal?.({ ...snapshot, state: 'failed', status: 'FAILED' }) ?? '', /nothing to restore/);
  });

  it("prefills every field from the source graph (one GetGraph on the snapshot's graph), saying so", async () => {
    const { ctx, calls } = fakeAws({ GetGraphCommand: () => sourceGraph });
    const form = await restore.prepare(ctx, snapshot, undefined);
    assert.deepEqual(
      calls.map((c) => [c.name, c.input]),
      [['GetGraphCommand', { graphIdentifier: 'g-source0001' }]],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.equal(form.nameField, 'graphName');
    assert.ok(form.tags);
    assert.deepEqual(
      form.fields.map((f) => [f.key, f.kind, f.required, f.defaultValue?.value, f.defaultValue?.source]),
      [
        ['graphName', 'text', true, form.fields[0]?.defaultValue?.value, "the source graph's name and the time"],
        ['provisionedMemory', 'number', false, '256', "the source graph's"],
        ['replicaCount', 'number', false, '2', "the source graph's"],
        ['publicConnectivity', 'toggle', false, 'true', "the source graph's"],
        ['deletionProtection', 'toggle', false, 'false', "the source graph's"],
      ],
    );
    assert.match(form.fields[0]?.defaultValue?.value ?? '', /^customer-graph-\d{8}-\d{4}$/);
    for (const f of form.fields) assert.deepEqual(f.validate(f.defaultValue?.value ?? '', {}), [], f.key);
  });

  it("uses the API's defaults when the source graph is gone, and asks nothing when the snapshot names none", async () => {
    const { ctx, calls } = fakeAws({ GetGraphCommand: notFound });
    const form = await restore.prepare(ctx, snapshot, undefined);
    assert.equal(calls.length, 1);
    assert.equal(field(form.fields, 'provisionedMemory').defaultValue, undefined);
    assert.deepEqual(field(form.fields, 'replicaCount').defaultValue, { value: '1', source: "the API's default" });
    assert.deepEqual(field(form.fields, 'publicConnectivity').defaultValue, {
      value: 'false',
      source: "the API's default",
    });
    assert.deepEqual(field(form.fields, 'deletionProtection').defaultValue, {
      value: 'true',
      source: "the API's default",
    });
    assert.match(field(form.fields, 'graphName').defaultValue?.value ?? '', /^nightly-2026-\d{8}-\d{4}$/);
    const orphan = fakeAws({});
    await restore.prepare(orphan.ctx, { ...snapshot, resourceId: '' }, undefined);
    assert.equal(orphan.calls.length, 0);
  });

  it('lets an error other than not-found fail the form', async () => {
    const { ctx } = fakeAws({
      GetGraphCommand: () => {
        throw new ThrottlingException({ message: 'slow down', $metadata: {} });
      },
    });
    await assert.rejects(restore.prepare(ctx, snapshot, undefined), ThrottlingException);
  });

  it('refuses on Enter a name a graph of the region holds (reading ListGraphs pages), accepts a free one', async () => {
    const all = [...graphs(150), { id: 'g-taken00001', name: 'taken', status: 'CREATING' }];
    const { ctx, named } = fakeAws({
      GetGraphCommand: () => sourceGraph,
      ListGraphsCommand: (input) => {
        const page = pageOf(all, input.nextToken, input.maxResults);
        return { graphs: page.items, nextToken: page.next };
      },
    });
    const form = await restore.prepare(ctx, snapshot, undefined);
    const name = field(form.fields, 'graphName');
    const signal = new AbortController().signal;
    assert.equal(
      await name.accept?.('taken', signal, {}),
      'A graph named "taken" already exists in us-east-1 (g-taken00001, CREATING): pick another name.',
    );
    assert.equal(named('ListGraphsCommand').length, 2);
    assert.equal(named('ListGraphsCommand')[0]?.abortSignal, signal);
    assert.match((await name.accept?.('graph-3', signal, {})) ?? '', /graph-3/);
    const before = named('ListGraphsCommand').length;
    assert.equal(await name.accept?.('free-name', signal, {}), undefined);
    assert.equal(named('ListGraphsCommand').length - before, 2, 'every page is read for a free name');
  });

  it('shows exactly the one request it sends, and answers the new graph creating', async () => {
    const { ctx, named } = fakeAws({
      GetGraphCommand: notFound,
      RestoreGraphFromSnapshotCommand: (input) => ({
        id: 'g-new0000001',
        name: input.graphName,
        arn: 'arn',
        status: 'CREATING',
      }),
    });
    const form = await restore.prepare(ctx, snapshot, undefined);
    const input = {
      values: {
        graphName: 'restored',
        provisionedMemory: '',
        replicaCount: '0',
        publicConnectivity: 'false',
        deletionProtection: 'true',
      },
      tags: [{ key: 'team', value: 'graph' }],
      clientToken: 'token-1',
    };
    const calls = form.calls(input);
    assert.deepEqual(calls, [
      {
        operation: 'RestoreGraphFromSnapshot',
        input: {
          snapshotIdentifier: 'gs-abcdefghij',
          graphName: 'restored',
          replicaCount: 0,
          publicConnectivity: false,
          deletionProtection: true,
          tags: { team: 'graph' },
        },
      },
    ]);
    const signal = new AbortController().signal;
    const made = await form.send(input, signal);
    assert.deepEqual(made, { id: 'g-new0000001', name: 'restored', state: 'creating', status: 'CREATING' });
    const sent = named('RestoreGraphFromSnapshotCommand');
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]?.input, calls[0]?.input, 'what is shown is what is sent');
    assert.equal(sent[0]?.abortSignal, signal);
  });
});

describe('Neptune Analytics restore: the restored graphs', () => {
  it('maps every GraphStatus of the model', () => {
    assert.deepEqual(
      ['CREATING', 'IMPORTING', 'STARTING', 'AVAILABLE', 'FAILED', 'DELETING', 'UPDATING', 'STOPPED', 'NEW'].map(
        restoredGraphState,
      ),
      ['creating', 'creating', 'creating', 'available', 'failed', 'deleting', 'unknown', 'unknown', 'unknown'],
    );
  });

  it('reads one graph with GetGraph; a graph that is gone is absent', async () => {
    const { ctx, calls } = fakeAws({ GetGraphCommand: () => ({ ...sourceGraph, status: 'CREATING' }) });
    const one = await svc.getRestoredStatuses!(ctx, [ref('g-source0001'), ref('g-source0001')]);
    assert.deepEqual([...one], [['g-source0001', { id: 'g-source0001', state: 'creating', status: 'CREATING' }]]);
    assert.deepEqual(
      calls.map((c) => c.name),
      ['GetGraphCommand'],
    );
    const gone = fakeAws({ GetGraphCommand: notFound });
    assert.equal((await svc.getRestoredStatuses!(gone.ctx, [ref('g-zzzzzzzzzz')])).size, 0);
    assert.equal((await svc.getRestoredStatuses!(gone.ctx, [])).size, 0);
    assert.equal(gone.calls.length, 1, 'no refs, no call');
  });

  it('reads several with ListGraphs pages, stopping once all are found', async () => {
    const all = graphs(350, 'AVAILABLE').map((g, i) => (i === 120 ? { ...g, status: 'FAILED' } : g));
    const { ctx, named } = fakeAws({
      ListGraphsCommand: (input) => {
        const page = pageOf(all, input.nextToken, input.maxResults);
        return { graphs: page.items, nextToken: page.next };
      },
    });
    const found = await svc.getRestoredStatuses!(ctx, [ref(all[3]!.id), ref(all[120]!.id)]);
    assert.deepEqual(
      [...found.values()].map((s) => [s.id, s.state]),
      [
        [all[3]!.id, 'available'],
        [all[120]!.id, 'failed'],
      ],
    );
    assert.equal(named('ListGraphsCommand').length, 2, 'pages 1 and 2 of 4');
    assert.deepEqual(named('ListGraphsCommand')[0]?.input, { maxResults: 100 });
    const missing = await svc.getRestoredStatuses!(ctx, [ref(all[0]!.id), ref('g-zzzzzzzzzz')]);
    assert.deepEqual([...missing.keys()], [all[0]!.id]);
    assert.equal(named('ListGraphsCommand').length, 2 + 4, 'looking for a missing one reads every page once');
  });
});

describe('Neptune Analytics restore: error sentences', () => {
  const c: RestoreErrorContext = {
    profile: 'dev',
    region: 'us-east-1',
    resourceName: 'customer-graph',
    snapshotName: 'nightly-2026',
    newName: 'restored',
  };
  const explain = (code: string, message: string, extra: Record<string, string> = {}) =>
    restore.explainError?.({ code, message, ...extra }, c) ?? '';

  it('explains each modeled error of RestoreGraphFromSnapshot, saying what to do', () => {
    assert.match(
      explain('ConflictException', 'A graph with name restored already exists'),
      /^A graph named "restored" already exists in us-east-1: .* Pick another name and retry\.$/,
    );
    assert.match(
      explain('ConflictException', 'Snapshot gs-abcdefghij is in CREATING state'),
      /cannot restore snapshot nightly-2026 now: .* Wait until the snapshot is AVAILABLE/,
    );
    assert.match(
      explain('ConflictException', 'Busy', { reason: 'CONCURRENT_MODIFICATION' }),
      /CONCURRENT_MODIFICATION/,
    );
    assert.match(
      explain('ServiceQuotaExceededException', 'Graph quota exceeded', { quotaCode: 'L-1' }),
      /quota in us-east-1 \(quota code L-1\): Graph quota exceeded\. Delete graphs .* Service Quotas/,
    );
    assert.match(
      explain('ResourceNotFoundException', 'Snapshot gs-abcdefghij not found'),
      /^Snapshot nightly-2026 was not found in us-east-1: it may have been deleted\. Refresh the tree/,
    );
    assert.match(
      explain('ValidationException', "Value at 'provisionedMemory' failed to satisfy constraint", {
        reason: 'CONSTRAINT_VIOLATION',
      }),
      /^Neptune Analytics rejected the provisioned memory \(CONSTRAINT_VIOLATION\): .* Fix it and retry\.$/,
    );
    assert.match(explain('ValidationException', "Invalid tag key 'aws:x'"), /rejected the tags/);
    assert.match(explain('ValidationException', 'Something odd'), /rejected the input: Something odd\. Fix the values/);
    assert.match(explain('ThrottlingException', 'Rate exceeded'), /throttling .* Wait a minute/);
    assert.match(explain('InternalServerException', 'oops'), /internal error: oops\. Retry in a few minutes/);
    assert.equal(restore.explainError?.({ code: 'AccessDeniedException', message: 'no' }, c), undefined);
  });
});
