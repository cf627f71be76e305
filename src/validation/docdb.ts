// DocumentDB CreateDBClusterSnapshot: DBClusterSnapshotIdentifier and Tags, the RDS family's documented rules
// (./rdsFamily) over DocumentDB's model members.
import { modelConstraints } from './generated/modelConstraints';
import { rdsFamilyRules } from './rdsFamily';
import { rdsRestoreRules } from './rdsRestore';

const docdb = rdsFamilyRules('DocumentDB', modelConstraints.docdb);

/** The documented identifier rules; capitals are accepted with a warning, since DocumentDB stores them lowercase. */
export const validateDocDbIdentifier = docdb.validateIdentifier;
/** Tag keys: 1–128 characters of the documented set, not starting with `aws:` or `rds:`. */
export const validateDocDbTagKey = docdb.validateTagKey;
/** Tag values: 0–256 characters of the documented set, not starting with `aws:` or `rds:`. */
export const validateDocDbTagValue = docdb.validateTagValue;

export const docdbRules = docdb.rules;

/** RestoreDBClusterFromSnapshot + CreateDBInstance (the primary instance): the family's restore rules, these tags. */
export const docdbRestoreRules = rdsRestoreRules('DocumentDB', modelConstraints.docdb, docdb.tags);
