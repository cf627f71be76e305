// The RDS family's restore errors (DocumentDB, Neptune Database): one sentence per modeled error of
// RestoreDBClusterFromSnapshot and of the CreateDBInstance that adds the primary instance (see both operations'
// `errors` in ../shared/aws-models/{docdb,neptune}; the SDKs name errors by shape, the wire codes of some drop the
// `Fault` suffix, so both spellings are matched), and the error `send` throws when the cluster was restored but its
// instance was not created. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';
import * as l10n from '../l10n';

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
      l10n.t(
        '{0} cluster {1} was restored, but its primary instance {2} was not created ',
        label,
        clusterId,
        instanceId,
      ) + `(${original.name}: ${sentence(original.message)}) ${orphanAdvice(label, clusterId)}`,
      { cause },
    );
    this.name = original.name;
    this.$metadata = (cause as { $metadata?: unknown } | undefined)?.$metadata;
  }
}

const orphanAdvice = (label: string, clusterId: string): string =>
  l10n.t(
    "The cluster exists but serves nothing without an instance: add one to {0} (the {1} console's Add instance, or CreateDBInstance with this cluster), or delete the cluster if you no longer need it.",
    clusterId,
    label,
  );

/** Sentences of the restore call's own errors. */
function clusterSentence(code: string, label: string, c: RestoreErrorContext): string | undefined {
  const snapshot = l10n.t('snapshot {0}', c.snapshotName ?? '').trim();
  switch (code) {
    case 'DBClusterAlreadyExistsFault':
      return l10n.t(
        'A cluster named {0} already exists in {1} (DocumentDB, Neptune and RDS share cluster identifiers). Choose another identifier.',
        c.newName,
        c.region,
      );
    case 'DBClusterQuotaExceededFault':
      return l10n.t(
        'This account has as many DB clusters in {0} as its quota allows. Delete clusters you no longer need or ask for a higher quota in Service Quotas, then retry.',
        c.region,
      );
    case 'StorageQuotaExceededFault':
    case 'StorageQuotaExceeded':
      return l10n.t(
        "Restoring {0} would exceed this account's storage quota in {1}. Free storage or ask for a higher quota in Service Quotas, then retry.",
        snapshot,
        c.region,
      );
    case 'InsufficientStorageClusterCapacityFault':
    case 'InsufficientStorageClusterCapacity':
      return l10n.t(
        '{0} has not enough storage for the new cluster in the chosen subnets. Use a DB subnet group with subnets in other Availability Zones, or retry later.',
        label,
      );
    case 'InsufficientDBClusterCapacityFault':
      return l10n.t(
        '{0} has not enough capacity for the new cluster {1} now. Retry later, or in other Availability Zones (another DB subnet group).',
        label,
        c.newName,
      );
    case 'DBSnapshotNotFoundFault':
    case 'DBSnapshotNotFound':
    case 'DBClusterSnapshotNotFoundFault':
      return l10n.t(
        'The {0} no longer exists in {1} (it may have been deleted, or an automated one expired). Refresh the tree and pick another snapshot.',
        snapshot,
        c.region,
      );
    case 'InvalidDBSnapshotStateFault':
    case 'InvalidDBSnapshotState':
    case 'InvalidDBClusterSnapshotStateFault':
      return l10n.t(
        'The {0} cannot be restored in its current state (only an available snapshot can). Wait until it is available, then retry.',
        snapshot,
      );
    case 'InvalidRestoreFault':
      return l10n.t(
        '{0} refused to restore {1} with these settings (a VPC snapshot must be restored into a VPC). Check the DB subnet group and security groups, then retry.',
        label,
        snapshot,
      );
    case 'NetworkTypeNotSupported':
    case 'NetworkTypeNotSupportedFault':
      return l10n.t(
        "The DB subnet group or engine version does not support the cluster's network type. Choose another DB subnet group or engine version.",
      );
    case 'DBClusterParameterGroupNotFoundFault':
    case 'DBClusterParameterGroupNotFound':
      return l10n.t(
        'The cluster parameter group of the restore does not exist in {0}. Create it or restore with the default one.',
        c.region,
      );
    default:
      return networkSentence(code, label, c);
  }
}

/** Errors both calls can meet (the network, the key, option groups). */
function networkSentence(code: string, label: string, c: RestoreErrorContext): string | undefined {
  switch (code) {
    case 'DBSubnetGroupNotFoundFault':
      return l10n.t(
        'The DB subnet group does not exist in {0}. Leave it empty for the default one, or name an existing group, then retry.',
        c.region,
      );
    case 'InvalidSubnet':
      return l10n.t(
        'A subnet of the DB subnet group is invalid, or its subnets are not all in one VPC. Fix the group or choose another, then retry.',
      );
    case 'InvalidVPCNetworkStateFault':
      return l10n.t(
        'The DB subnet group no longer covers the Availability Zones it should (its VPC or subnets changed). Fix the group or choose another, then retry.',
      );
    case 'KMSKeyNotAccessibleFault':
      return l10n.t(
        '{0} cannot use the KMS key that encrypts the snapshot (it is disabled, deleted, or not granted to you). Enable the key or grant access to it, then retry.',
        label,
      );
    case 'OptionGroupNotFoundFault':
      return l10n.t('The option group does not exist in {0}. Restore with the default one.', c.region);
    default:
      return undefined;
  }
}

/** Sentences of the instance call's errors (only ever met after the cluster was restored). */
function instanceSentence(code: string, label: string, c: RestoreErrorContext): string | undefined {
  switch (code) {
    case 'DBInstanceAlreadyExistsFault':
    case 'DBInstanceAlreadyExists':
      return l10n.t('An instance of that identifier already exists in {0}: add one with another identifier.', c.region);
    case 'InsufficientDBInstanceCapacityFault':
    case 'InsufficientDBInstanceCapacity':
      return l10n.t(
        "The instance class is not available in the cluster's Availability Zones now: add one of another class, or retry later.",
      );
    case 'InstanceQuotaExceededFault':
    case 'InstanceQuotaExceeded':
      return l10n.t(
        'This account has as many DB instances in {0} as its quota allows: delete some or raise the quota in Service Quotas first.',
        c.region,
      );
    case 'StorageQuotaExceededFault':
    case 'StorageQuotaExceeded':
      return l10n.t(
        "The instance would exceed this account's storage quota in {0}: free storage or raise the quota first.",
        c.region,
      );
    case 'DBParameterGroupNotFoundFault':
    case 'DBParameterGroupNotFound':
      return l10n.t("The instance's parameter group does not exist: add the instance with the default one.");
    case 'DBSecurityGroupNotFoundFault':
    case 'DBSecurityGroupNotFound':
      return l10n.t(
        "A DB security group the instance names does not exist: add it without one (the cluster's VPC security groups apply).",
      );
    case 'DBSubnetGroupDoesNotCoverEnoughAZs':
      return l10n.t(
        "The cluster's DB subnet group does not cover enough Availability Zones: add subnets in another zone first.",
      );
    case 'InvalidDBClusterStateFault':
      return l10n.t(
        'The new cluster was not in a state that takes an instance: wait until it is available, then add one.',
      );
    case 'DBClusterNotFoundFault':
      return l10n.t(
        'The new cluster was not found when the instance was asked for: refresh the tree; if it is there, add an instance to it.',
      );
    case 'StorageTypeNotSupportedFault':
    case 'StorageTypeNotSupported':
      return l10n.t(
        "The instance class does not support the cluster's storage type: add an instance of another class.",
      );
    case 'AuthorizationNotFoundFault':
    case 'AuthorizationNotFound':
      return l10n.t(
        '{0} is not authorized to use a security group of the instance: check the VPC security groups.',
        label,
      );
    case 'ProvisionedIopsNotAvailableInAZFault':
      return l10n.t("Provisioned IOPS are not available in the instance's Availability Zone: add it in another zone.");
    case 'DomainNotFoundFault':
      return l10n.t('The Active Directory domain the instance names does not exist: add it without one.');
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
    const why =
      instanceSentence(facts.code, label, c) ?? l10n.t('Its CreateDBInstance call failed with {0}.', facts.code);
    return l10n.t(
      '{0} cluster {1} was restored, but its primary instance {2} was not created. {3} {4}',
      label,
      c.newName,
      instance,
      why,
      orphanAdvice(label, c.newName),
    );
  };
}
