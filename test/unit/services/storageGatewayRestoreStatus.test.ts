// Storage Gateway restore against a fake AWS: the restored volumes' states (one ListGateways and one Describe call
// per gateway, whatever the number of restores; progress from VolumeProgress; gone volumes absent) and the error
// sentences of the create-volume calls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidGatewayRequestException } from '@aws-sdk/client-storage-gateway';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { fakeAws, type Handlers } from './fakeAws';

const gw = (id: string) => `arn:aws:storagegateway:us-east-1:123456789012:gateway/${id}`;
const cachedGw = gw('sgw-CACHED01');
const storedGw = gw('sgw-STORED01');

function account(overrides: Handlers = {}): Handlers {
  return {
    ListGatewaysCommand: () => ({
      Gateways: [
        { GatewayARN: cachedGw, GatewayType: 'CACHED' },
        { GatewayARN: storedGw, GatewayType: 'STORED' },
      ],
    }),
    DescribeCachediSCSIVolumesCommand: (input) => ({
      CachediSCSIVolumes: (input.VolumeARNs as string[]).map((arn, i) => ({
        VolumeARN: arn,
        VolumeStatus: i === 0 ? 'RESTORING' : 'AVAILABLE',
        VolumeProgress: i === 0 ? 42.5 : undefined,
      })),
    }),
    DescribeStorediSCSIVolumesCommand: (input) => ({
      StorediSCSIVolumes: (input.VolumeARNs as string[]).map((arn) => ({ VolumeARN: arn, VolumeStatus: 'CREATING' })),
    }),
    ...overrides,
  };
}

describe('Storage Gateway restored volume states', () => {
  it('one ListGateways and one Describe per gateway, whatever the number of restores; progress from VolumeProgress', async () => {
    const aws = fakeAws(account());
    const refs = [
      `${cachedGw}/volume/vol-A0000001`,
      `${cachedGw}/volume/vol-A0000002`,
      `${cachedGw}/volume/vol-A0000003`,
      `${storedGw}/volume/vol-B0000001`,
    ].map((resourceId) => ({ profile: 'dev', region: 'us-east-1', resourceId }));
    const states = await svc.getRestoredStatuses!(aws.ctx, refs);
    assert.deepEqual(
      aws.calls.map((c) => c.name),
      ['ListGatewaysCommand', 'DescribeCachediSCSIVolumesCommand', 'DescribeStorediSCSIVolumesCommand'],
    );
    assert.deepEqual(states.get(refs[0]!.resourceId), {
      id: refs[0]!.resourceId,
      state: 'creating',
      status: 'RESTORING',
      progress: 42.5,
    });
    assert.equal(states.get(refs[1]!.resourceId)?.state, 'available');
    assert.equal(states.get(refs[3]!.resourceId)?.status, 'CREATING');
  });

  it('a volume that is gone is absent; a gateway that is gone leaves its volumes absent', async () => {
    const gone = `${cachedGw}/volume/vol-GONE0001`;
    const kept = `${cachedGw}/volume/vol-A0000001`;
    const aws = fakeAws(
      account({
        DescribeCachediSCSIVolumesCommand: (input) => {
          const arns = input.VolumeARNs as string[];
          if (arns.includes(gone)) {
            throw new InvalidGatewayRequestException({
              message: 'no such volume',
              $metadata: {},
              error: { errorCode: 'VolumeNotFound' },
            });
          }
          return { CachediSCSIVolumes: arns.map((VolumeARN) => ({ VolumeARN, VolumeStatus: 'AVAILABLE' })) };
        },
      }),
    );
    const refs = [gone, kept, `${gw('sgw-GONE0002')}/volume/vol-1`].map((resourceId) => ({
      profile: 'dev',
      region: 'us-east-1',
      resourceId,
    }));
    const states = await svc.getRestoredStatuses!(aws.ctx, refs);
    assert.deepEqual([...states.keys()], [kept]);
  });
});

describe('Storage Gateway restore errors', () => {
  const context = { profile: 'dev', region: 'us-east-1', resourceName: 'vol-1', newName: 'restored' };
  it('one sentence per relevant error code, and for both modeled exceptions', () => {
    const explain = svc.restore!.explainError!;
    const codes = [
      'GatewayNotConnected',
      'GatewayNotFound',
      'InvalidGateway',
      'TargetAlreadyExists',
      'TargetInvalid',
      'SnapshotIdInvalid',
      'SnapshotNotFound',
      'SnapshotInProgress',
      'DiskAlreadyAllocated',
      'DiskDoesNotExist',
      'DiskSizeLessThanVolumeSize',
      'DiskSizeGreaterThanVolumeMaxSize',
      'NoDisksAvailable',
      'MaximumVolumeCountExceeded',
      'VolumeNotReady',
      'LocalStorageLimitExceeded',
    ];
    const sentences = codes.map((gatewayErrorCode) =>
      explain({ code: 'InvalidGatewayRequestException', message: 'm', gatewayErrorCode }, context),
    );
    for (const [i, s] of sentences.entries()) assert.match(s ?? '', /\.$/, codes[i]);
    assert.equal(new Set(sentences).size, codes.length, 'each code its own sentence');
    assert.match(sentences[3] ?? '', /target name restored/);
    assert.match(
      explain(
        { code: 'InvalidGatewayRequestException', message: 'Bad', gatewayErrorCode: 'InvalidParameters' },
        context,
      ) ?? '',
      /refused the new volume \(InvalidParameters\): Bad\./,
    );
    assert.match(
      explain({ code: 'InternalServerError', message: 'oops', gatewayErrorCode: 'InternalError' }, context) ?? '',
      /internal error \(InternalError\): oops\. Retry/,
    );
    assert.equal(explain({ code: 'ThrottlingException', message: 'slow' }, context), undefined);
  });
});
