// Storage Gateway delete (EC2 DeleteSnapshot of the volume's EBS snapshot): refusals, the exact request, what is sent
// and to which client, and the sentence for each error EC2 documents for the call.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Snapshot, SnapshotState } from '../../../src/services/service';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { deleteErrorMessage, errorFacts } from '../../../src/snapshots/errorMessages';
import { fakeAws } from './fakeAws';

const deletion = svc.delete!;
const where = { profile: 'dev', region: 'us-east-1', resourceName: 'vol-1', snapshotName: 'nightly' };

const snapshot = (state: SnapshotState, status: string): Snapshot => ({
  service: 'storagegateway',
  id: 'snap-0123456789abcdef0',
  name: 'nightly',
  resourceId: 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-1/volume/vol-1',
  state,
  status,
  details: [],
});

const ec2Error = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

describe('Storage Gateway delete', () => {
  it('names EC2 DeleteSnapshot and its IAM action', () => {
    assert.equal(deletion.operation, 'DeleteSnapshot');
    assert.deepEqual(deletion.iamActions, ['ec2:DeleteSnapshot']);
  });

  it('refuses a pending snapshot and one being deleted; a completed or failed one can go', () => {
    assert.match(deletion.refusal(snapshot('creating', 'pending')) ?? '', /still being created \(pending\)/);
    assert.match(deletion.refusal(snapshot('deleting', 'deleting')) ?? '', /already being deleted/);
    assert.equal(deletion.refusal(snapshot('available', 'completed')), undefined);
    assert.equal(deletion.refusal(snapshot('failed', 'error')), undefined, 'an error snapshot is cleaned up this way');
    assert.equal(deletion.refusal(snapshot('unknown', 'recoverable')), undefined, 'left to EC2 to judge');
  });

  it('sends exactly calls(): one DeleteSnapshot to EC2 in the snapshot region, and answers gone', async () => {
    const target = snapshot('available', 'completed');
    assert.deepEqual(deletion.calls(target), [
      { operation: 'DeleteSnapshot', input: { SnapshotId: 'snap-0123456789abcdef0' } },
    ]);
    const { ctx, calls } = fakeAws({ DeleteSnapshotCommand: () => ({ $metadata: {} }) }, { region: 'eu-west-1' });
    assert.equal(await deletion.send(ctx, target), 'gone');
    assert.deepEqual(
      calls.map((c) => [c.kind, c.region, c.name, c.input]),
      [['ec2', 'eu-west-1', 'DeleteSnapshotCommand', deletion.calls(target)[0]?.input]],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
  });

  it('lets the error through, and explains each one EC2 documents for DeleteSnapshot', async () => {
    const { ctx } = fakeAws({
      DeleteSnapshotCommand: () => {
        throw ec2Error('InvalidSnapshot.InUse', 'The snapshot snap-0123456789abcdef0 is currently in use by ami-0abc');
      },
    });
    const error = await deletion.send(ctx, snapshot('available', 'completed')).catch((e: unknown) => e);
    const inUse = deletion.explainError!(errorFacts(error), where) ?? '';
    assert.match(
      inUse,
      /^The snapshot nightly is in use: The snapshot .* in use by ami-0abc\. If an AMI uses it, deregister/,
    );
    const cases: Array<[string, RegExp]> = [
      ['InvalidSnapshot.NotFound', /^The snapshot nightly no longer exists in us-east-1: it was already deleted/],
      ['InvalidSnapshotID.Malformed', /malformed/],
      ['IncorrectState', /cannot be deleted in its current state: busy\. Wait/],
    ];
    for (const [code, sentence] of cases) {
      assert.match(deletion.explainError!(errorFacts(ec2Error(code, 'busy')), where) ?? '', sentence, code);
    }
    assert.equal(deletion.explainError!(errorFacts(ec2Error('InternalError', 'x')), where), undefined);
    assert.match(
      deleteErrorMessage(ec2Error('UnauthorizedOperation', 'You are not authorized'), svc, deletion, where),
      /profile dev may not call ec2:DeleteSnapshot/,
    );
  });
});
