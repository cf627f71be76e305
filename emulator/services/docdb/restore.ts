/**
 * The RDS family's restore operations (DocumentDB, Neptune): RestoreDBClusterFromSnapshot (a new cluster, `creating`
 * for the restore time, then `available`; engine and defaults from the snapshot), CreateDBInstance (an instance of a
 * cluster, `creating` then `available` after the restore time; the first one is the cluster's writer) and
 * DescribeDBInstances (filters, paging), with the models' errors, and the documented input rules they check (the
 * extension's src/validation/rdsRestore, so both sides agree).
 */
import { type RdsRestoreRules } from '../../../src/validation/rdsRestore';
import { type Issue } from '../../../src/validation/types';
import { ApiError } from '../../protocols/types';
import { pageFor } from '../paging';
import { type CallContext, type Handler } from '../types';
import {
  applyFilters,
  clusterNotFound,
  clusterStatus,
  clusterView,
  DEFAULT_SECURITY_GROUP,
  type Filter,
  invalid,
  PAGING,
  snapshotNotFound,
  snapshotStatus,
  type Tag,
  zones,
} from './operations';
import { identifierOrArn } from './rules';
import { type DocDbClusterRecord, type DocDbInstanceRecord, rdsClustersIn, rdsQuotas } from './state';

/** The DB subnet groups every emulated region has. */
const SUBNET_GROUPS = ['default'];
/** Cluster states in which CreateDBInstance is refused (InvalidDBClusterStateFault). */
const NO_NEW_INSTANCE = ['deleting', 'stopped', 'stopping', 'failed'];

const firstError = (issues: readonly Issue[]) => issues.find((i) => i.severity === 'error');

/** The documented rules of the restore inputs (InvalidParameterValue naming the parameter). */
export function checkRestoreInput(rules: RdsRestoreRules, operation: string, input: Record<string, unknown>): void {
  const check = (parameter: string, validate: (value: string) => Issue[], value: unknown) => {
    if (value === undefined) return;
    const error = firstError(validate(String(value)));
    if (error) throw invalid(`The parameter ${parameter} is not valid: ${error.message}`);
  };
  if (operation === 'RestoreDBClusterFromSnapshot') {
    check('DBClusterIdentifier', rules.validateClusterIdentifier, input.DBClusterIdentifier);
    check('EngineVersion', rules.validateEngineVersion, input.EngineVersion);
    check('Port', rules.validatePort, input.Port);
    check('DBSubnetGroupName', rules.validateSubnetGroup, input.DBSubnetGroupName);
    const groups = input.VpcSecurityGroupIds as string[] | undefined;
    if (groups !== undefined) check('VpcSecurityGroupIds', rules.validateSecurityGroups, groups.join(','));
  }
  if (operation === 'CreateDBInstance') {
    check('DBInstanceIdentifier', rules.validateInstanceIdentifier, input.DBInstanceIdentifier);
    check('DBClusterIdentifier', rules.validateClusterIdentifier, input.DBClusterIdentifier);
    check('DBInstanceClass', rules.validateInstanceClass, input.DBInstanceClass);
  }
}

function instanceStatus(i: DocDbInstanceRecord, now: number): string {
  return now < i.readyAt ? 'creating' : 'available';
}

function instanceView(ctx: CallContext, i: DocDbInstanceRecord, cluster: DocDbClusterRecord | undefined) {
  const port = cluster?.port ?? 27017;
  return {
    DBInstanceIdentifier: i.id,
    DBInstanceClass: i.instanceClass,
    Engine: i.engine,
    DBInstanceStatus: instanceStatus(i, ctx.now),
    Endpoint: {
      Address: `${i.id}.c0emulator0.${ctx.region}.${i.engine}.amazonaws.com`,
      Port: port,
      HostedZoneId: 'ZEMULATOR00001',
    },
    InstanceCreateTime: new Date(i.createTime),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: 1,
    VpcSecurityGroups: (cluster?.securityGroups ?? [DEFAULT_SECURITY_GROUP]).map((id) => ({
      VpcSecurityGroupId: id,
      Status: 'active',
    })),
    AvailabilityZone: zones(ctx.region)[0],
    DBSubnetGroup: {
      DBSubnetGroupName: cluster?.subnetGroup ?? 'default',
      DBSubnetGroupDescription: 'default',
      VpcId: 'vpc-0emulator0000001',
      SubnetGroupStatus: 'Complete',
    },
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    EngineVersion: i.engineVersion,
    AutoMinorVersionUpgrade: true,
    PubliclyAccessible: false,
    DBClusterIdentifier: i.clusterId,
    StorageEncrypted: cluster?.storageEncrypted ?? true,
    DbiResourceId: `db-${i.id.toUpperCase().replace(/-/g, '').slice(0, 20)}`,
    PromotionTier: 1,
    DBInstanceArn: `arn:aws:rds:${ctx.region}:${ctx.account.accountId}:db:${i.id}`,
  };
}

const instanceNotFound = (id: string) => new ApiError('DBInstanceNotFound', 404, `DBInstance ${id} not found.`);
const lower = (value: unknown) => String(value).toLowerCase();

export const restoreOperations: Readonly<Record<string, Handler>> = {
  RestoreDBClusterFromSnapshot(ctx, input) {
    const id = lower(input.DBClusterIdentifier);
    const region = rdsClustersIn(ctx.state);
    if (region.clusters.some((c) => c.id === id)) {
      throw new ApiError('DBClusterAlreadyExistsFault', 400, `DB Cluster ${id} already exists`);
    }
    const snapshotId = identifierOrArn('SnapshotIdentifier', input.SnapshotIdentifier as string, 'cluster-snapshot');
    const snapshot = region.snapshots.find((s) => s.id === snapshotId);
    if (!snapshot) throw snapshotNotFound(snapshotId);
    const status = snapshotStatus(snapshot, ctx.now);
    if (status !== 'available') {
      throw new ApiError(
        'InvalidDBClusterSnapshotStateFault',
        400,
        `DBClusterSnapshot ${snapshotId} is in ${status} state; only an available snapshot can be restored.`,
      );
    }
    if (input.Engine !== snapshot.engine) {
      throw new ApiError(
        'InvalidParameterCombination',
        400,
        `The engine ${String(input.Engine)} does not match the snapshot's engine ${snapshot.engine}.`,
      );
    }
    const quota = rdsQuotas(ctx.account).clusters;
    if (region.clusters.length >= quota) {
      throw new ApiError('DBClusterQuotaExceededFault', 403, `Cannot create more than ${quota} DB clusters.`);
    }
    const subnetGroup = input.DBSubnetGroupName as string | undefined;
    if (subnetGroup !== undefined && !SUBNET_GROUPS.includes(subnetGroup.toLowerCase())) {
      throw new ApiError('DBSubnetGroupNotFoundFault', 404, `DBSubnetGroup ${subnetGroup} not found.`);
    }
    const cluster: DocDbClusterRecord = {
      id,
      engine: snapshot.engine,
      engineVersion: (input.EngineVersion as string | undefined) ?? snapshot.engineVersion,
      status: 'available',
      createTime: ctx.now,
      port: (input.Port as number | undefined) ?? snapshot.port,
      masterUsername: snapshot.masterUsername,
      storageEncrypted: snapshot.storageEncrypted,
      kmsKeyId: (input.KmsKeyId as string | undefined) ?? snapshot.kmsKeyId,
      allocatedStorage: snapshot.allocatedStorage,
      tags: (input.Tags as Tag[] | undefined) ?? [],
      readyAt: ctx.now + ctx.restoreMs,
      deletionProtection: (input.DeletionProtection as boolean | undefined) ?? false,
      subnetGroup: subnetGroup?.toLowerCase(),
      securityGroups: input.VpcSecurityGroupIds as string[] | undefined,
    };
    region.clusters.push(cluster);
    return { DBCluster: clusterView(ctx, cluster) };
  },
  CreateDBInstance(ctx, input) {
    const id = lower(input.DBInstanceIdentifier);
    const clusterId = lower(input.DBClusterIdentifier);
    const region = rdsClustersIn(ctx.state);
    if (region.instances.some((i) => i.id === id)) {
      throw new ApiError('DBInstanceAlreadyExists', 400, `DB instance already exists: ${id}`);
    }
    const cluster = region.clusters.find((c) => c.id === clusterId);
    if (!cluster) throw clusterNotFound(clusterId);
    if (input.Engine !== cluster.engine) {
      throw new ApiError(
        'InvalidParameterCombination',
        400,
        `The engine ${String(input.Engine)} does not match the engine ${cluster.engine} of DB cluster ${clusterId}.`,
      );
    }
    const status = clusterStatus(cluster, ctx.now);
    if (NO_NEW_INSTANCE.includes(status)) {
      throw new ApiError('InvalidDBClusterStateFault', 400, `DBCluster ${clusterId} is in ${status} state.`);
    }
    const instance: DocDbInstanceRecord = {
      id,
      clusterId,
      engine: cluster.engine,
      engineVersion: cluster.engineVersion,
      instanceClass: input.DBInstanceClass as string,
      createTime: ctx.now,
      readyAt: ctx.now + ctx.restoreMs,
      tags: (input.Tags as Tag[] | undefined) ?? [],
    };
    region.instances.push(instance);
    return { DBInstance: instanceView(ctx, instance, cluster) };
  },
  DescribeDBInstances(ctx, input) {
    const { clusters, instances } = rdsClustersIn(ctx.state);
    let found = applyFilters(instances, input.Filters as Filter[] | undefined, {
      'db-cluster-id': (i) => i.clusterId,
      'db-instance-id': (i) => i.id,
      engine: (i) => i.engine,
    });
    if (input.DBInstanceIdentifier !== undefined) {
      const raw = input.DBInstanceIdentifier as string;
      const id = (/^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:db:(.+)$/.exec(raw)?.[1] ?? raw).toLowerCase();
      found = found.filter((i) => i.id === id);
      if (found.length === 0) throw instanceNotFound(id);
    }
    const result = pageFor(found, input, `instances:${JSON.stringify(input.Filters ?? [])}`, PAGING);
    return {
      DBInstances: result.items.map((i) =>
        instanceView(
          ctx,
          i,
          clusters.find((c) => c.id === i.clusterId),
        ),
      ),
      Marker: result.next,
    };
  },
};
