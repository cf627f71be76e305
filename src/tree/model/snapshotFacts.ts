// A snapshot's facts as the tree words them: its size with units, its encryption ("Encrypted (KMS key …)", "Not
// encrypted"), and the short parts its row shows before the status (the kind of snapshot: automated or manual) and
// after the name (an id telling apart snapshots whose names repeat). Pure.
import { formatBytes } from '../../services/common';
import type { Snapshot, SnapshotEncryption } from '../../services/service';
import { messages } from './messages';

/** The snapshot's size with units (`500 GiB`, `12.5 MiB`), or undefined when the service did not say. */
export function sizeText(snapshot: Snapshot): string | undefined {
  return formatBytes(snapshot.sizeBytes);
}

/** The snapshot's encryption in words, or undefined when the service did not say. */
export function encryptionText(encryption: SnapshotEncryption | undefined): string | undefined {
  if (!encryption) return undefined;
  if (!encryption.encrypted) return messages.notEncrypted;
  if (encryption.kmsKey) return messages.encryptedWithKms(encryption.kmsKey);
  if (encryption.managedKey === 'aws-owned') return messages.encryptedAwsOwned;
  if (encryption.managedKey === 's3') return messages.encryptedS3Managed;
  return messages.encrypted;
}

/**
 * The row's description parts before the status: the snapshot's kind (automated, manual, awsbackup) where the service
 * has several, and its short id where names may repeat (not when the name already is that id).
 */
export function rowPrefix(snapshot: Snapshot): string[] {
  const parts: string[] = [];
  if (snapshot.kind) parts.push(snapshot.kind);
  if (snapshot.rowId && snapshot.rowId !== snapshot.name) parts.push(snapshot.rowId);
  return parts;
}
