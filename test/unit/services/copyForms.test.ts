// The copy forms without AWS: the RDS family's (rdsCopy with fake commands and a fake client that records the region
// each call went to) and Storage Gateway's EBS form (ebsCopyForm): fields by encryption, the exact requests, what
// `send` answers, and the copy errors' sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsContext, Snapshot } from '../../../src/services/service';
import type { FormInput, OperationForm } from '../../../src/services/forms';
import { rdsCopy } from '../../../src/services/rdsCopy';
import { rdsCopyErrorExplainer } from '../../../src/services/rdsCopyErrors';
import { ebsCopyForm } from '../../../src/services/storageGatewayCopy';
import { explainStorageGatewayCopyError } from '../../../src/services/storageGatewayCopyErrors';
import { docdbService } from '../../../src/services/docdb';
import { neptuneService } from '../../../src/services/neptune';
import { storageGatewayService } from '../../../src/services/storageGateway';
import { neptuneGraphService } from '../../../src/services/neptuneGraph';
import { simSpaceWeaverService } from '../../../src/services/simSpaceWeaver';
import { validateDocDbIdentifier } from '../../../src/validation/docdb';
import { docdbRules } from '../../../src/validation/index';

const ARN = 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:orders-snap';
const snapshot: Snapshot = {
  service: 'docdb',
  id: 'orders-snap',
  name: 'orders-snap',
  resourceId: 'orders',
  state: 'available',
  status: 'available',
  details: [],
};

class Command {
  constructor(readonly input: Record<string, unknown>) {}
}
class DescribeDBClusterSnapshotsCommand extends Command {}
class CopyDBClusterSnapshotCommand extends Command {}

function fakeRds(encrypted: boolean) {
  const sent: Array<[string, string, Record<string, unknown>]> = [];
  const copy = rdsCopy({
    id: 'docdb',
    label: 'DocumentDB',
    copy: {
      validateIdentifier: validateDocDbIdentifier,
      tags: docdbRules.tags!,
      explainError: rdsCopyErrorExplainer('DocumentDB'),
    },
    commands: async () => ({ DescribeDBClusterSnapshotsCommand, CopyDBClusterSnapshotCommand }),
    client: async (ctx: AwsContext) => ({
      async send(command: object) {
        const c = command as Command;
        sent.push([c.constructor.name, ctx.region, c.input]);
        if (c instanceof CopyDBClusterSnapshotCommand) {
          return {
            DBClusterSnapshot: {
              DBClusterSnapshotIdentifier: c.input.TargetDBClusterSnapshotIdentifier,
              Status: 'copying',
            },
          };
        }
        if (ctx.region === 'us-east-1') {
          return {
            DBClusterSnapshots: [{ DBClusterSnapshotArn: ARN, StorageEncrypted: encrypted, Status: 'available' }],
          };
        }
        throw Object.assign(new Error('not found'), { name: 'DBClusterSnapshotNotFoundFault' });
      },
    }),
  });
  return { copy, sent };
}

const ctx = { profile: 'p', region: 'us-east-1' } as unknown as AwsContext;
function answers(form: OperationForm, changes: Record<string, string> = {}): FormInput {
  const values: Record<string, string> = {};
  for (const f of form.fields) values[f.key] = f.defaultValue?.value ?? '';
  return { values: { ...values, ...changes }, tags: [], clientToken: 't' };
}

describe('the RDS family copy form', () => {
  it('an encrypted snapshot: a KMS key of the destination is asked (required) and sent; sent in the destination', async () => {
    const { copy, sent } = fakeRds(true);
    const form = await copy.prepare(ctx, snapshot, undefined, 'eu-west-1');
    assert.deepEqual(
      form.fields.map((f) => [f.key, f.required, f.defaultValue?.value]),
      [
        ['TargetDBClusterSnapshotIdentifier', true, 'orders-snap-copy'],
        ['KmsKeyId', true, 'alias/aws/rds'],
        ['CopyTags', true, 'true'],
      ],
    );
    const kms = form.fields[1]!;
    assert.equal(kms.validate('', {}).length, 1);
    assert.equal(kms.validate('arn:aws:kms:us-east-1:123456789012:alias/x', {}).length, 1);
    const input = answers(form, { TargetDBClusterSnapshotIdentifier: 'Orders-Copy' });
    assert.deepEqual(form.calls({ ...input, tags: [{ key: 'k', value: 'v' }] }), [
      {
        operation: 'CopyDBClusterSnapshot',
        input: {
          SourceDBClusterSnapshotIdentifier: ARN,
          TargetDBClusterSnapshotIdentifier: 'orders-copy',
          KmsKeyId: 'alias/aws/rds',
          CopyTags: true,
          Tags: [{ Key: 'k', Value: 'v' }],
        },
      },
    ]);
    const made = await form.send(input);
    assert.deepEqual(made, {
      id: 'orders-copy',
      name: 'orders-copy',
      state: 'creating',
      status: 'copying',
      progress: undefined,
    });
    assert.deepEqual(
      sent.map(([name, region]) => [name, region]),
      [
        ['DescribeDBClusterSnapshotsCommand', 'us-east-1'],
        ['CopyDBClusterSnapshotCommand', 'eu-west-1'],
      ],
    );
  });

  it('an unencrypted snapshot: no KMS key asked or sent; CopyTags false is sent as false', async () => {
    const { copy } = fakeRds(false);
    const form = await copy.prepare(ctx, snapshot, undefined, 'eu-west-1');
    assert.deepEqual(
      form.fields.map((f) => f.key),
      ['TargetDBClusterSnapshotIdentifier', 'CopyTags'],
    );
    assert.deepEqual(form.calls(answers(form, { CopyTags: 'false' }))[0]?.input, {
      SourceDBClusterSnapshotIdentifier: ARN,
      TargetDBClusterSnapshotIdentifier: 'orders-snap-copy',
      CopyTags: false,
    });
  });

  it('refuses a snapshot that is not available, in copy words', () => {
    const { copy } = fakeRds(true);
    assert.equal(copy.refusal(snapshot), undefined);
    assert.match(
      copy.refusal({ ...snapshot, state: 'creating', status: 'creating' }) ?? '',
      /copy it once it is available/,
    );
  });

  it('has a sentence for every modeled error of CopyDBClusterSnapshot', () => {
    const explain = rdsCopyErrorExplainer('DocumentDB');
    const c = {
      profile: 'p',
      region: 'us-east-1',
      resourceName: 'orders',
      snapshotName: 'orders-snap',
      destinationRegion: 'eu-west-1',
      newName: 'orders-copy',
    };
    for (const code of [
      'DBClusterSnapshotAlreadyExistsFault',
      'DBClusterSnapshotNotFoundFault',
      'InvalidDBClusterStateFault',
      'InvalidDBClusterSnapshotStateFault',
      'SnapshotQuotaExceeded',
      'SnapshotQuotaExceededFault',
      'KMSKeyNotAccessibleFault',
    ]) {
      assert.ok(explain({ code, message: 'm' }, c), code);
    }
    assert.match(explain({ code: 'KMSKeyNotAccessibleFault', message: '' }, c) ?? '', /eu-west-1/);
    assert.equal(explain({ code: 'Other', message: '' }, c), undefined);
  });
});

describe('the EBS copy form', () => {
  const source = (Encrypted: boolean) => ({
    id: 'snap-0a1b2c3d4e5f60001',
    region: 'us-east-1',
    snapshot: {
      SnapshotId: 'snap-0a1b2c3d4e5f60001',
      Description: 'nightly',
      Encrypted,
      Tags: [
        { Key: 'aws:x', Value: '1' },
        { Key: 'app', Value: 'a' },
      ],
    },
  });

  it('an unencrypted snapshot: Encrypted asked; KMS key only when encrypting; exact request', async () => {
    const sent: unknown[] = [];
    const form = ebsCopyForm(source(false), 'eu-west-1', async (input) => {
      sent.push(input);
      return { SnapshotId: 'snap-0123456789abcdef0' };
    });
    assert.deepEqual(
      form.fields.map((f) => f.key),
      ['Description', 'Encrypted', 'KmsKeyId'],
    );
    assert.deepEqual(form.defaultTags, [{ key: 'app', value: 'a' }]);
    const plain = answers(form);
    assert.deepEqual(form.calls(plain)[0]?.input, {
      SourceRegion: 'us-east-1',
      SourceSnapshotId: 'snap-0a1b2c3d4e5f60001',
      Description: 'nightly (copy of snap-0a1b2c3d4e5f60001 from us-east-1)',
    });
    const encrypted = answers(form, { Encrypted: 'true', KmsKeyId: 'alias/aws/ebs' });
    const withTags = { ...encrypted, tags: [{ key: 'app', value: 'a' }] };
    assert.deepEqual(form.calls(withTags)[0]?.input, {
      SourceRegion: 'us-east-1',
      SourceSnapshotId: 'snap-0a1b2c3d4e5f60001',
      Description: 'nightly (copy of snap-0a1b2c3d4e5f60001 from us-east-1)',
      Encrypted: true,
      KmsKeyId: 'alias/aws/ebs',
      TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'app', Value: 'a' }] }],
    });
    // A key typed and then encryption turned off is not sent.
    assert.equal(form.calls(answers(form, { KmsKeyId: 'alias/aws/ebs' }))[0]?.input.KmsKeyId, undefined);
    assert.deepEqual(await form.send(plain), {
      id: 'snap-0123456789abcdef0',
      name: 'nightly (copy of snap-0a1b2c3d4e5f60001 from us-east-1)',
      state: 'creating',
      status: 'pending',
    });
    assert.equal(sent.length, 1);
  });

  it('an encrypted snapshot: no Encrypted toggle (always encrypted), a KMS key is optional and not Encrypted', () => {
    const form = ebsCopyForm(source(true), 'eu-west-1', async () => ({}));
    assert.deepEqual(
      form.fields.map((f) => f.key),
      ['Description', 'KmsKeyId'],
    );
    assert.equal(form.fields[1]?.when?.({}), true);
    assert.deepEqual(form.calls(answers(form, { KmsKeyId: KEY_ARN }))[0]?.input.KmsKeyId, KEY_ARN);
    assert.equal(form.calls(answers(form))[0]?.input.Encrypted, undefined);
  });

  it('has sentences for the EC2 errors a copy meets', () => {
    const c = { profile: 'p', region: 'us-east-1', resourceName: 'vol', destinationRegion: 'eu-west-1', newName: 'd' };
    for (const code of [
      'InvalidSnapshot.NotFound',
      'ResourceLimitExceeded',
      'SnapshotLimitExceeded',
      'InvalidParameterValue',
      'KMS.DisabledException',
      'IncorrectState',
    ]) {
      assert.ok(explainStorageGatewayCopyError({ code, message: 'm' }, c), code);
    }
    assert.equal(explainStorageGatewayCopyError({ code: 'Other', message: '' }, c), undefined);
  });
});

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('which services copy', () => {
  it('DocumentDB, Neptune Database and Storage Gateway declare copy; Neptune Analytics and SimSpace Weaver do not', () => {
    assert.deepEqual(
      [docdbService, neptuneService, storageGatewayService].map((s) => [s.copy?.operation, s.copy?.iamActions[0]]),
      [
        ['CopyDBClusterSnapshot', 'rds:CopyDBClusterSnapshot'],
        ['CopyDBClusterSnapshot', 'rds:CopyDBClusterSnapshot'],
        ['CopySnapshot', 'ec2:CopySnapshot'],
      ],
    );
    assert.equal(neptuneGraphService.copy, undefined);
    assert.equal(simSpaceWeaverService.copy, undefined);
  });
});
