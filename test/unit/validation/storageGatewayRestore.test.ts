// The Storage Gateway restore rules against the botocore model (read independently at test time) and the documented
// volume limits: TargetName fuzzed against the model, the default target name always valid, sizes and disks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storageGatewayRules } from '../../../src/validation';
import {
  cachedSizeProblem,
  defaultTargetName,
  diskRefusal,
  GIB,
  restoreTagRules,
  storedDiskSizeProblem,
  validateCachedSizeGiB,
  validatePreserveExistingData,
  validateTargetName,
} from '../../../src/validation/storageGatewayRestore';
import { modelConstraints } from '../../../src/validation/generated/modelConstraints';
import {
  FUZZ_COUNT,
  accepts,
  assertSameVerdicts,
  chars,
  generateStrings,
  modelChecker,
  range,
  readMemberRule,
} from './fuzz';

const targetChars = [...range('a', 'z'), ...range('0', '9'), ...chars('-.;'), 'A', 'Z', '_'];

describe('Storage Gateway restore TargetName', () => {
  const cached = readMemberRule('storagegateway', 'CreateCachediSCSIVolume', 'TargetName');
  const stored = readMemberRule('storagegateway', 'CreateStorediSCSIVolume', 'TargetName');

  it('is required, 1–200 of [-.;a-z0-9] in both create calls, as the model says', () => {
    assert.deepEqual(cached, { min: 1, max: 200, pattern: '^[-\\.;a-z0-9]+$', required: true });
    assert.deepEqual(stored, cached);
  });

  it('verdict equals the model on 100,000 edge-biased strings (lengths up to 201)', () => {
    const values = generateStrings({ good: targetChars, lengths: [199, 200, 201] }, FUZZ_COUNT, 41);
    assertSameVerdicts('TargetName', values, validateTargetName, modelChecker(cached, true));
  });

  it('explains uppercase, bad characters and length at their place', () => {
    const upper = validateTargetName('office-Shares');
    assert.match(upper[0]?.message ?? '', /lowercase: 'S' is uppercase/);
    assert.equal(upper[0]?.start, 7);
    assert.match(validateTargetName('a_b')[0]?.message ?? '', /'_' at position 2 is not allowed/);
    assert.match(validateTargetName('')[0]?.message ?? '', /Enter a target name \(1–200/);
    assert.match(validateTargetName('a'.repeat(201))[0]?.message ?? '', /at most 200 characters/);
    assert.deepEqual(validateTargetName('iqn;vol.1-a'), []);
  });

  it('the default from the source target name and snapshot id is valid whatever the source', () => {
    assert.equal(defaultTargetName('office-shares', 'snap-0a1b2c3d4e5f60002'), 'office-shares-snap-0a1b2c3d4e5f60002');
    assert.equal(defaultTargetName('vol-1122AABB', 'snap-0a1b2c3d'), 'vol-1122aabb-snap-0a1b2c3d');
    assert.equal(defaultTargetName('', 'snap-0a1b2c3d'), 'snap-0a1b2c3d');
    for (const base of generateStrings({ good: [...targetChars, ' ', 'é', '😀'], lengths: [250, 400] }, 5_000, 42)) {
      const value = defaultTargetName(base, 'snap-0a1b2c3d4e5f60002');
      assert.deepEqual(validateTargetName(value), [], JSON.stringify(value));
    }
  });
});

describe('Storage Gateway restore sizes and disks', () => {
  it('the generated constraints hold the create calls members (VolumeSizeInBytes is a long, ClientToken 5–100)', () => {
    const sg = modelConstraints.storagegateway;
    assert.equal(sg['CreateCachediSCSIVolume:VolumeSizeInBytes'].type, 'long');
    assert.equal(sg['CreateCachediSCSIVolume:VolumeSizeInBytes'].required, true);
    assert.deepEqual(
      [sg['CreateCachediSCSIVolume:ClientToken'].min, sg['CreateCachediSCSIVolume:ClientToken'].max],
      [5, 100],
    );
    assert.equal(sg['CreateStorediSCSIVolume:PreserveExistingData'].required, true);
    assert.equal(sg['CreateStorediSCSIVolume:DiskId'].max, 300);
  });

  it('a cached volume is whole GiB, at least the snapshot, at most 32 TiB', () => {
    assert.deepEqual(validateCachedSizeGiB('500', 500), []);
    assert.deepEqual(validateCachedSizeGiB('32768', 500), []);
    assert.match(validateCachedSizeGiB('499', 500)[0]?.message ?? '', /at least 500 GiB/);
    assert.match(validateCachedSizeGiB('32769', 500)[0]?.message ?? '', /at most 32768 GiB \(32 TiB\)/);
    for (const bad of ['', ' ', '1.5', '-1', '1e3', '0x10', '５'])
      assert.ok(!accepts(validateCachedSizeGiB(bad, 1)), JSON.stringify(bad));
    assert.equal(cachedSizeProblem(500 * GIB, 500), undefined);
    assert.match(cachedSizeProblem(500 * GIB + 1, 500) ?? '', /not a whole number of GiB/);
    assert.match(cachedSizeProblem(100 * GIB, 500) ?? '', /at least 500 GiB/);
  });

  it('a stored volume takes a present AVAILABLE disk that holds the snapshot, at most 16 TiB', () => {
    const disk = (gib: number, allocation = 'AVAILABLE', status = 'present') => ({
      allocation,
      status,
      sizeInBytes: gib * GIB,
    });
    assert.equal(diskRefusal(disk(1024), 1000), undefined);
    assert.match(diskRefusal(disk(100), 1000) ?? '', /smaller than the snapshot's volume \(1000 GiB\)/);
    assert.match(diskRefusal(disk(1024, 'UPLOAD_BUFFER'), 1000) ?? '', /in use \(UPLOAD_BUFFER\)/);
    assert.match(diskRefusal(disk(1024, 'AVAILABLE', 'missing'), 1000) ?? '', /missing/);
    assert.equal(storedDiskSizeProblem(16 * 1024 * GIB, 1)?.code, undefined);
    assert.equal(storedDiskSizeProblem(16 * 1024 * GIB + GIB, 1)?.code, 'DiskSizeGreaterThanVolumeMaxSize');
    assert.equal(storedDiskSizeProblem(10 * GIB, 11)?.code, 'DiskSizeLessThanVolumeSize');
  });

  it('PreserveExistingData is a toggle; Yes warns but does not block', () => {
    assert.deepEqual(validatePreserveExistingData('false'), []);
    assert.equal(validatePreserveExistingData('true')[0]?.severity, 'warning');
    assert.ok(!accepts(validatePreserveExistingData('yes')));
  });

  it('tags follow the snapshot tag rules; the create calls model the same tag shapes', () => {
    assert.equal(restoreTagRules, storageGatewayRules.tags);
    for (const op of ['CreateCachediSCSIVolume', 'CreateStorediSCSIVolume']) {
      for (const member of ['Tags.member.Key', 'Tags.member.Value']) {
        assert.deepEqual(
          readMemberRule('storagegateway', op, member),
          readMemberRule('storagegateway', 'CreateSnapshot', member),
        );
      }
    }
  });
});
