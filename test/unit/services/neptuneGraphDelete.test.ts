// Neptune Analytics delete with a fake SDK: which snapshots it refuses and why, the exact request, send's request and
// its answer as a state, the tracker's status read of a DELETING snapshot and of a deleted one, and a sentence for
// every modeled error of DeleteGraphSnapshot.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ResourceNotFoundException } from '@aws-sdk/client-neptune-graph';
import { neptuneGraphService } from '../../../src/services/neptuneGraph';
import type { Snapshot, SnapshotRef } from '../../../src/services/service';
import { modelsDir } from '../validation/fuzz';
import { fakeAws } from './fakeAws';

const deletion = neptuneGraphService.delete!;

const snapshot = (state: Snapshot['state'], status: string): Snapshot => ({
  service: 'neptune-graph',
  id: 'gs-abcdefghij',
  name: 'nightly-2026',
  resourceId: 'g-0123456789',
  state,
  status,
  details: [],
});

const ref: SnapshotRef = {
  service: 'neptune-graph',
  profile: 'dev',
  region: 'us-east-1',
  resourceId: 'g-0123456789',
  snapshotId: 'gs-abcdefghij',
  requestedAt: 0,
};

describe('neptune-graph delete', () => {
  it('declares DeleteGraphSnapshot and its IAM action first', () => {
    assert.equal(deletion.operation, 'DeleteGraphSnapshot');
    assert.equal(deletion.iamActions[0], 'neptune-graph:DeleteGraphSnapshot');
  });

  it('refuses a snapshot still being created or already being deleted; AVAILABLE and FAILED ones can be deleted', () => {
    assert.equal(deletion.refusal(snapshot('available', 'AVAILABLE')), undefined);
    assert.equal(deletion.refusal(snapshot('failed', 'FAILED')), undefined);
    assert.equal(
      deletion.refusal(snapshot('creating', 'CREATING')),
      'snapshot nightly-2026 is still being created (CREATING); delete it once it is available',
    );
    assert.equal(
      deletion.refusal(snapshot('deleting', 'DELETING')),
      'snapshot nightly-2026 is already being deleted (DELETING)',
    );
  });

  it('calls: exactly one DeleteGraphSnapshot of the snapshot id', () => {
    assert.deepEqual(deletion.calls(snapshot('available', 'AVAILABLE')), [
      { operation: 'DeleteGraphSnapshot', input: { snapshotIdentifier: 'gs-abcdefghij' } },
    ]);
  });

  it('send: sends what calls() shows, in the profile and region, and answers DELETING as deleting', async () => {
    const { ctx, calls } = fakeAws(
      {
        DeleteGraphSnapshotCommand: (input) => ({
          id: input.snapshotIdentifier,
          name: 'nightly-2026',
          arn: 'arn:aws:neptune-graph:eu-west-1:123456789012:graph-snapshot/gs-abcdefghij',
          status: 'DELETING',
        }),
      },
      { profile: 'prod', region: 'eu-west-1' },
    );
    const answer = await deletion.send(ctx, snapshot('available', 'AVAILABLE'));
    assert.deepEqual(answer, { id: 'gs-abcdefghij', state: 'deleting', status: 'DELETING' });
    assert.deepEqual(
      calls.map((c) => [c.kind, c.profile, c.region, c.name, c.input]),
      [
        [
          'neptune-graph',
          'prod',
          'eu-west-1',
          'DeleteGraphSnapshotCommand',
          deletion.calls(snapshot('available', 'x'))[0]?.input,
        ],
      ],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
  });

  it('getSnapshotStatuses: a DELETING snapshot reads as deleting, a deleted one is not found', async () => {
    const deleting = fakeAws({
      GetGraphSnapshotCommand: () => ({ id: 'gs-abcdefghij', name: 'nightly-2026', status: 'DELETING' }),
    });
    const found = await neptuneGraphService.getSnapshotStatuses(deleting.ctx, [ref]);
    assert.equal(found.get('gs-abcdefghij')?.state, 'deleting');
    const gone = fakeAws({
      GetGraphSnapshotCommand: () => {
        throw new ResourceNotFoundException({ message: 'Snapshot gs-abcdefghij not found', $metadata: {} });
      },
    });
    assert.equal((await neptuneGraphService.getSnapshotStatuses(gone.ctx, [ref])).size, 0);
  });

  const c = { profile: 'p', region: 'us-east-1', resourceName: 'customer-graph', snapshotName: 'nightly-2026' };
  const explain = (code: string, message: string, extra: Record<string, string> = {}) =>
    deletion.explainError?.({ code, message, ...extra }, c) ?? '';

  it('explains each modeled error of DeleteGraphSnapshot, saying what to do', () => {
    const model = JSON.parse(readFileSync(path.join(modelsDir, 'neptune-graph', 'service-2.json'), 'utf8')) as {
      operations: Record<string, { errors?: { shape: string }[] }>;
    };
    const modeled = (model.operations.DeleteGraphSnapshot?.errors ?? []).map((e) => e.shape);
    assert.equal(modeled.length, 5);
    for (const code of modeled) {
      const said = explain(code, 'Something happened');
      assert.ok(/[.!?]$/.test(said), `${code}: ${said}`);
    }
    assert.match(
      explain('ResourceNotFoundException', 'Snapshot gs-abcdefghij not found'),
      /^Snapshot nightly-2026 of graph customer-graph was not found in us-east-1: it is already deleted/,
    );
    assert.match(
      explain('ConflictException', 'Snapshot gs-abcdefghij is in CREATING state', {
        reason: 'CONCURRENT_MODIFICATION',
      }),
      /cannot be deleted now \(CONCURRENT_MODIFICATION\): Snapshot gs-abcdefghij is in CREATING state\. .*being created, already being deleted, or in use/,
    );
    assert.match(
      explain('ValidationException', 'Invalid snapshot id', { reason: 'CONSTRAINT_VIOLATION' }),
      /rejected the request \(CONSTRAINT_VIOLATION\): Invalid snapshot id\./,
    );
    assert.match(explain('ThrottlingException', 'Rate exceeded'), /throttling requests in us-east-1: .* Wait a minute/);
    assert.match(explain('InternalServerException', 'oops'), /internal error: oops\. Refresh the tree/);
    assert.equal(deletion.explainError?.({ code: 'AccessDeniedException', message: 'no' }, c), undefined);
  });
});
