// Storage Gateway restore: the rules of a new iSCSI volume made from an EBS snapshot (CreateCachediSCSIVolume,
// CreateStorediSCSIVolume): TargetName from the model (1–200 of `-.;a-z0-9`), the documented volume size limits, the
// local disks a stored volume may take, PreserveExistingData, and the tags (the same rules as a snapshot's). Shared
// by the restore form (src/services/storageGatewayRestore*) and the emulator. Pure: no `vscode`, no SDK.
import { checkCharacters, checkLength, withModel } from './checks';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { storageGatewayRules } from './storageGateway';
import { charClass, describeChar, firstCharNotIn, issue } from './text';
import type { Issue, TagRules } from './types';

const model = modelConstraints.storagegateway;
/** Both create calls use the TargetName shape; the cached call's member is the one read. */
const targetConstraint = model['CreateCachediSCSIVolume:TargetName'];
const targetModel = compileConstraint(targetConstraint, true);

export const GIB = 1024 ** 3;
/** Volume Gateway quotas (Storage Gateway User Guide, "Quotas for volumes"): a cached volume holds up to 32 TiB. */
export const MAX_CACHED_VOLUME_GIB = 32 * 1024;
/** A stored volume holds up to 16 TiB (same page); its size is its local disk's. */
export const MAX_STORED_VOLUME_GIB = 16 * 1024;

export const targetNameLength = { min: targetConstraint.min, max: targetConstraint.max } as const;

/** One character of the model's TargetName pattern `^[-\.;a-z0-9]+$`. */
const targetChar = charClass('[-.;a-z0-9]');
const targetCharWords = 'lowercase letters, digits, hyphens, periods and semicolons';
const upperCase = /^[A-Z]$/u;

/** Every issue of a TargetName (the suffix of the iSCSI target ARN). */
export function validateTargetName(value: string): Issue[] {
  const { min, max } = targetNameLength;
  if (value === '') {
    return [issue('error', `Enter a target name (${min}–${max} ${targetCharWords}).`, 0, 0)];
  }
  const issues = checkLength(value, min, max, 'Target names');
  const bad = firstCharNotIn(value, targetChar);
  if (bad && upperCase.test(bad.char)) {
    issues.push(
      issue('error', `Target names are lowercase: ${describeChar(bad.char)} is uppercase.`, bad.start, bad.end),
    );
  } else {
    issues.push(...checkCharacters(value, targetChar, 'Target names', targetCharWords));
  }
  return withModel(issues, targetModel, value, 'Target names');
}

/**
 * A valid target name from the source volume's target name (or volume id) and the snapshot id:
 * `office-shares-snap-0a1b2c3d4e5f60002`. Characters the pattern refuses become hyphens.
 */
export function defaultTargetName(base: string, snapshotId: string): string {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^-.;a-z0-9]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '');
  const tail = clean(snapshotId) || 'snapshot';
  const head = clean(base).slice(0, Math.max(0, targetNameLength.max - tail.length - 1));
  return head ? `${head}-${tail}` : tail;
}

/** The whole GiB a snapshot of `volumeSizeGiB` needs (EC2's VolumeSize is whole GiB already). */
export function snapshotGiB(volumeSizeGiB: number | undefined): number {
  return Math.max(1, Math.ceil(volumeSizeGiB ?? 1));
}

/** A cached volume's size in GiB: a whole number, at least the snapshot's size, at most 32 TiB. */
export function validateCachedSizeGiB(value: string, minGiB: number): Issue[] {
  const range = `${minGiB}–${MAX_CACHED_VOLUME_GIB} GiB`;
  if (value.trim() === '') return [issue('error', `Enter the volume size in GiB (${range}).`, 0, 0)];
  if (!/^\d+$/.test(value)) {
    return [issue('error', `Enter a whole number of GiB (${range}).`, 0, value.length)];
  }
  const gib = Number(value);
  if (gib < minGiB) {
    return [
      issue(
        'error',
        `The volume must hold the snapshot: at least ${minGiB} GiB (the snapshot's volume size).`,
        0,
        value.length,
      ),
    ];
  }
  if (gib > MAX_CACHED_VOLUME_GIB) {
    return [issue('error', `A cached volume holds at most ${MAX_CACHED_VOLUME_GIB} GiB (32 TiB).`, 0, value.length)];
  }
  return [];
}

/** Why a cached volume of `bytes` cannot be made from a snapshot of `minGiB`, or undefined (the emulator's check). */
export function cachedSizeProblem(bytes: number, minGiB: number): string | undefined {
  if (!Number.isInteger(bytes) || bytes <= 0 || bytes % GIB !== 0) {
    return `VolumeSizeInBytes ${bytes} is not a whole number of GiB.`;
  }
  const issues = validateCachedSizeGiB(String(bytes / GIB), minGiB);
  return issues[0]?.message;
}

/** A local disk as ListLocalDisks describes it. */
export interface LocalDiskFacts {
  readonly allocation?: string;
  readonly status?: string;
  readonly sizeInBytes?: number;
}

/** The error code a stored volume on a disk of this size gets for a snapshot of `minGiB`, with its sentence. */
export function storedDiskSizeProblem(
  sizeInBytes: number | undefined,
  minGiB: number,
): { readonly code: string; readonly message: string } | undefined {
  const gib = (sizeInBytes ?? 0) / GIB;
  if (gib < minGiB) {
    return {
      code: 'DiskSizeLessThanVolumeSize',
      message: `the disk (${Math.floor(gib)} GiB) is smaller than the snapshot's volume (${minGiB} GiB)`,
    };
  }
  if (gib > MAX_STORED_VOLUME_GIB) {
    return {
      code: 'DiskSizeGreaterThanVolumeMaxSize',
      message: `the disk (${Math.floor(gib)} GiB) is larger than a stored volume's 16 TiB`,
    };
  }
  return undefined;
}

/** Why a local disk cannot take the new stored volume, or undefined: only a present, AVAILABLE disk that fits. */
export function diskRefusal(disk: LocalDiskFacts, minGiB: number): string | undefined {
  if (disk.allocation !== 'AVAILABLE') return `in use (${disk.allocation ?? 'allocation unknown'})`;
  if (disk.status !== undefined && disk.status !== 'present') return `the disk is ${disk.status}`;
  return storedDiskSizeProblem(disk.sizeInBytes, minGiB)?.message;
}

/** PreserveExistingData as the toggle gives it; keeping the disk's data conflicts with restoring a snapshot onto it. */
export function validatePreserveExistingData(value: string): Issue[] {
  if (value !== 'true' && value !== 'false') return [issue('error', 'Choose Yes or No.', 0, value.length)];
  if (value === 'true') {
    return [
      issue(
        'warning',
        "The volume is restored from the snapshot: the console offers keeping the disk's data only for a volume made without one, so AWS may refuse Yes.",
      ),
    ];
  }
  return [];
}

/** The new volume's tags: the create calls document the same rules as CreateSnapshot's ("up to 50 tags"). */
export const restoreTagRules: TagRules = storageGatewayRules.tags as TagRules;
