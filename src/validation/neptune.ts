// Neptune Database CreateDBClusterSnapshot: DBClusterSnapshotIdentifier and Tags, the RDS family's documented rules
// (./rdsFamily) over Neptune's model members (which, as DocumentDB's, are plain `String`: identifier 1–63 letters,
// digits or hyphens, a letter first, no trailing or double hyphen, stored lowercase; tags as RDS).
import { modelConstraints } from './generated/modelConstraints';
import { rdsFamilyRules } from './rdsFamily';
import { rdsRestoreRules } from './rdsRestore';

const neptune = rdsFamilyRules('Neptune', modelConstraints.neptune);

/** The documented identifier rules; capitals are accepted with a warning, since Neptune stores them lowercase. */
export const validateNeptuneIdentifier = neptune.validateIdentifier;
/** Tag keys: 1–128 characters of the documented set, not starting with `aws:` or `rds:`. */
export const validateNeptuneTagKey = neptune.validateTagKey;
/** Tag values: 0–256 characters of the documented set, not starting with `aws:` or `rds:`. */
export const validateNeptuneTagValue = neptune.validateTagValue;

export const neptuneRules = neptune.rules;

/** RestoreDBClusterFromSnapshot + CreateDBInstance (the primary instance): the family's restore rules, these tags. */
export const neptuneRestoreRules = rdsRestoreRules('Neptune', modelConstraints.neptune, neptune.tags);
