// The RDS family's restore errors (DocumentDB, Neptune Database): one sentence per modeled error of
// RestoreDBClusterFromSnapshot and of the CreateDBInstance that adds the primary instance (see both operations'
// `errors` in ../shared/aws-models/{docdb,neptune}; the SDKs name errors by shape, the wire codes of some drop the
// `Fault` suffix, so both spellings are matched), and the error `send` throws when the cluster was restored but its
// instance was not created. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';

/** `reason` of the error thrown when RestoreDBClusterFromSnapshot succeeded and CreateDBInstance failed. */
export const instanceNotCreatedReason = 'primary-instance-not-created';

/**
 * The cluster exists, its instance does not: the message says both and what to do. Keeps the instance call's error
 * name (so explainError knows which error it was), its metadata and the error itself as `cause`.
 */
export class RdsInstanceNotCreatedError extends Error {
  readonly reason = instanceNotCreatedReason;
  readonly $metadata: unknown;
  constructor(
    label: string,
    readonly clusterId: string,
    readonly instanceId: string,
    cause: unknown,
  ) {
    const original = cause instanceof Error ? cause : new Error(String(cause));
    super(
      `${label} cluster ${clusterId} was restored, but its primary instance ${instanceId} was not created ` +
        `(${original.name}: ${sentence(original.message)}) ${orphanAdvice(label, clusterId)}`,
      { cause },
    );
    this.name = original.name;
    this.$metadata = (cause as { $metadata?: unknown } | undefined)?.$metadata;
  }
}

const orphanAdvice = (label: string, clusterId: string): string =>
  `The cluster exists but serves nothing without an instance: add one to ${clusterId} (the ${label} console's Add instance, or CreateDBInstance with this cluster), or delete the cluster if you no longer need it.`;

/** Sentences of the restore call's own errors. */
function clusterSentence(code: string, label: string, c: RestoreErrorContext): string | undefined {
  const snapshot = `snapshot ${c.snapshotName ?? ''}`.trim();
  switch (code) {
    case 'DBClusterAlreadyExistsFault':
      return `A cluster named ${c.newName} already exists in ${c.region} (DocumentDB, Neptune and RDS share cluster identifiers). Choose another identifier.`;
    case 'DBClusterQuotaExceededFault':
      return `This account has as many DB clusters in ${c.region} as its quota allows. Delete clusters you no longer need or ask for a higher quota in Service Quotas, then retry.`;
    case 'StorageQuotaExceededFault':
    case 'StorageQuotaExceeded':
      return `Restoring ${snapshot} would exceed this account's storage quota in ${c.region}. Free storage or ask for a higher quota in Service Quotas, then retry.`;
    case 'InsufficientStorageClusterCapacityFault':
    case 'InsufficientStorageClusterCapacity':
      return `${label} has not enough storage for the new cluster in the chosen subnets. Use a DB subnet group with subnets in other Availability Zones, or retry later.`;
    case 'InsufficientDBClusterCapacityFault':
      return `${label} has not enough capacity for the new cluster ${c.newName} now. Retry later, or in other Availability Zones (another DB subnet group).`;
    case 'DBSnapshotNotFoundFault':
    case 'DBSnapshotNotFound':
    case 'DBClusterSnapshotNotFoundFault':
      return `The ${snapshot} no longer exists in ${c.region} (it may have been deleted, or an automated one expired). Refresh the tree and pick another snapshot.`;
    case 'InvalidDBSnapshotStateFault':
    case 'InvalidDBSnapshotState':
    case 'InvalidDBClusterSnapshotStateFault':
      return `The ${snapshot} cannot be restored in its current state (only an available snapshot can). Wait until it is available, then retry.`;
    case 'InvalidRestoreFault':
      return `${label} refused to restore ${snapshot} with these settings (a VPC snapshot must be restored into a VPC). Check the DB subnet group and security groups, then retry.`;
    case 'NetworkTypeNotSupported':
    case 'NetworkTypeNotSupportedFault':
      return `The DB subnet group or engine version does not support the cluster's network type. Choose another DB subnet group or engine version.`;
    case 'DBClusterParameterGroupNotFoundFault':
    case 'DBClusterParameterGroupNotFound':
      return `The cluster parameter group of the restore does not exist in ${c.region}. Create it or restore with the default one.`;
    default:
      return networkSentence(code, label, c);
  }
}

/** Errors both calls can meet (the network, the key, option groups). */
function networkSentence(code: string, label: string, c: RestoreErrorContext): string | undefined {
  switch (code) {
    case 'DBSubnetGroupNotFoundFault':
      return `The DB subnet group does not exist in ${c.region}. Leave it empty for the default one, or name an existing group, then retry.`;
    case 'InvalidSubnet':
      return `A subnet of the DB subnet group is invalid, or its subnets are not all in one VPC. Fix the group or choose another, then retry.`;
    case 'InvalidVPCNetworkStateFault':
      return `The DB subnet group no longer covers the Availability Zones it should (its VPC or subnets changed). Fix the group or choose another, then retry.`;
    case 'KMSKeyNotAccessibleFault':
      return `${label} cannot use the KMS key that encrypts the snapshot (it is disabled, deleted, or not granted to you). Enable the key or grant access to it, then retry.`;
    case 'OptionGroupNotFoundFault':
      return `The option group does not exist in ${c.region}. Restore with the default one.`;
    default:
      return undefined;
  }
}

/** Sentences of the instance call's errors (only ever met after the cluster was restored). */
function instanceSentence(code: string, label: string, c: RestoreErrorContext): string | undefined {
  switch (code) {
    case 'DBInstanceAlreadyExistsFault':
    case 'DBInstanceAlreadyExists':
      return `An instance of that identifier already exists in ${c.region}: add one with another identifier.`;
    case 'InsufficientDBInstanceCapacityFault':
    case 'InsufficientDBInstanceCapacity':
      return `The instance class is not available in the cluster's Availability Zones now: add one of another class, or retry later.`;
    case 'InstanceQuotaExceededFault':
    case 'InstanceQuotaExceeded':
      return `This account has as many DB instances in ${c.region} as its quota allows: delete some or raise the quota in Service Quotas first.`;
    case 'StorageQuotaExceededFault':
    case 'StorageQuotaExceeded':
      return `The instance would exceed this account's storage quota in ${c.region}: free storage or raise the quota first.`;
    case 'DBParameterGroupNotFoundFault':
    case 'DBParameterGroupNotFound':
      return `The instance's parameter group does not exist: add the instance with the default one.`;
    case 'DBSecurityGroupNotFoundFault':
    case 'DBSecurityGroupNotFound':
      return `A DB security group the instance names does not exist: add it without one (the cluster's VPC security groups apply).`;
    case 'DBSubnetGroupDoesNotCoverEnoughAZs':
      return `The cluster's DB subnet group does not cover enough Availability Zones: add subnets in another zone first.`;
    case 'InvalidDBClusterStateFault':
      return `The new cluster was not in a state that takes an instance: wait until it is available, then add one.`;
    case 'DBClusterNotFoundFault':
      return `The new cluster was not found when the instance was asked for: refresh the tree; if it is there, add an instance to it.`;
    case 'StorageTypeNotSupportedFault':
    case 'StorageTypeNotSupported':
      return `The instance class does not support the cluster's storage type: add an instance of another class.`;
    case 'AuthorizationNotFoundFault':
    case 'AuthorizationNotFound':
      return `${label} is not authorized to use a security group of the instance: check the VPC security groups.`;
    case 'ProvisionedIopsNotAvailableInAZFault':
      return `Provisioned IOPS are not available in the instance's Availability Zone: add it in another zone.`;
    case 'DomainNotFoundFault':
      return `The Active Directory domain the instance names does not exist: add it without one.`;
    default:
      return networkSentence(code, label, c);
  }
}

const instanceInMessage = /primary instance (\S+) was not created/u;

/** The family's explainError for restores: `label` names the member (e.g. "DocumentDB"). */
export function rdsRestoreErrorExplainer(label: string) {
  return (facts: ErrorFacts, c: RestoreErrorContext): string | undefined => {
    if (facts.reason !== instanceNotCreatedReason) return clusterSentence(facts.code, label, c);
    const instance = instanceInMessage.exec(facts.message)?.[1] ?? '';
    const why = instanceSentence(facts.code, label, c) ?? `Its CreateDBInstance call failed with ${facts.code}.`;
    return `${label} cluster ${c.newName} was restored, but its primary instance ${instance} was not created. ${why} ${orphanAdvice(label, c.newName)}`;
  };
}
