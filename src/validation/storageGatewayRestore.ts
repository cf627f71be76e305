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
import * as l10n from '../l10n';

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
const targetCharWords = (): string => l10n.t('lowercase letters, digits, hyphens, periods and semicolons');
const upperCase = /^[A-Z]$/u;

/** Every issue of a TargetName (the suffix of the iSCSI target ARN). */
export function validateTargetName(value: string): Issue[] {
  const { min, max } = targetNameLength;
  if (value === '') {
    return [issue('error', l10n.t('Enter a target name ({0}–{1} {2}).', min, max, targetCharWords()), 0, 0)];
  }
  const issues = checkLength(value, min, max, l10n.t('Target names'));
  const bad = firstCharNotIn(value, targetChar);
  if (bad && upperCase.test(bad.char)) {
    issues.push(
      issue(
        'error',
        l10n.t('Target names are lowercase: {0} is uppercase.', describeChar(bad.char)),
        bad.start,
        bad.end,
      ),
    );
  } else {
    issues.push(...checkCharacters(value, targetChar, l10n.t('Target names'), targetCharWords()));
  }
  return withModel(issues, targetModel, value, l10n.t('Target names'));
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
  const range = l10n.t('{0}–{1} GiB', minGiB, MAX_CACHED_VOLUME_GIB);
  if (value.trim() === '') return [issue('error', l10n.t('Enter the volume size in GiB ({0}).', range), 0, 0)];
  if (!/^\d+$/.test(value)) {
    return [issue('error', l10n.t('Enter a whole number of GiB ({0}).', range), 0, value.length)];
  }
  const gib = Number(value);
  if (gib < minGiB) {
    return [
      issue(
        'error',
        l10n.t("The volume must hold the snapshot: at least {0} GiB (the snapshot's volume size).", minGiB),
        0,
        value.length,
      ),
    ];
  }
  if (gib > MAX_CACHED_VOLUME_GIB) {
    return [
      issue('error', l10n.t('A cached volume holds at most {0} GiB (32 TiB).', MAX_CACHED_VOLUME_GIB), 0, value.length),
    ];
  }
  return [];
}

/** Why a cached volume of `bytes` cannot be made from a snapshot of `minGiB`, or undefined (the emulator's check). */
export function cachedSizeProblem(bytes: number, minGiB: number): string | undefined {
  if (!Number.isInteger(bytes) || bytes <= 0 || bytes % GIB !== 0) {
    return l10n.t('VolumeSizeInBytes {0} is not a whole number of GiB.', bytes);
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
      message: l10n.t("the disk ({0} GiB) is smaller than the snapshot's volume ({1} GiB)", Math.floor(gib), minGiB),
    };
  }
  if (gib > MAX_STORED_VOLUME_GIB) {
    return {
      code: 'DiskSizeGreaterThanVolumeMaxSize',
      message: l10n.t("the disk ({0} GiB) is larger than a stored volume's 16 TiB", Math.floor(gib)),
    };
  }
  return undefined;
}

/** Why a local disk cannot take the new stored volume, or undefined: only a present, AVAILABLE disk that fits. */
export function diskRefusal(disk: LocalDiskFacts, minGiB: number): string | undefined {
  if (disk.allocation !== 'AVAILABLE') return l10n.t('in use ({0})', disk.allocation ?? 'allocation unknown');
  if (disk.status !== undefined && disk.status !== 'present') return l10n.t('the disk is {0}', disk.status);
  return storedDiskSizeProblem(disk.sizeInBytes, minGiB)?.message;
}

/** PreserveExistingData as the toggle gives it; keeping the disk's data conflicts with restoring a snapshot onto it. */
export function validatePreserveExistingData(value: string): Issue[] {
  if (value !== 'true' && value !== 'false') return [issue('error', l10n.t('Choose Yes or No.'), 0, value.length)];
  if (value === 'true') {
    return [
      issue(
        'warning',
        l10n.t(
          "The volume is restored from the snapshot: the console offers keeping the disk's data only for a volume made without one, so AWS may refuse Yes.",
        ),
      ),
    ];
  }
  return [];
}

/** The new volume's tags: the create calls document the same rules as CreateSnapshot's ("up to 50 tags"). */
export const restoreTagRules: TagRules = storageGatewayRules.tags as TagRules;
