/**
 * DocumentDB's part of the data file: each region's `docdbClusters` and `docdbSnapshots` (clusters of every engine,
 * with that engine's default version and port, each with a primary instance), their bulk counts (docdb clusters), and the manual-snapshot quota.
 */
import { BULK_BASE, countOf, HOUR, pad } from '../../state/bulk';
import { num, optionalStr, rowsOf, seededLifecycle, str, tagList, time } from '../../state/rows';
import { quotaOf, type ServiceData } from '../../state/seed';
import { DEFAULT_CLUSTER_QUOTA, DEFAULT_MANUAL_SNAPSHOT_QUOTA, rdsClustersIn, rdsQuotas } from './state';

interface EngineDefaults {
  version: string;
  port: number;
  instanceClass: string;
}
const DOCDB_DEFAULTS: EngineDefaults = { version: '5.0.0', port: 27017, instanceClass: 'db.r6g.large' };
/** Defaults by engine; engines not listed get Aurora PostgreSQL's. */
const ENGINE_DEFAULTS: ReadonlyMap<string, EngineDefaults> = new Map([
  ['docdb', DOCDB_DEFAULTS],
  ['neptune', { version: '1.3.2.1', port: 8182, instanceClass: 'db.r5.large' }],
]);
const OTHER_ENGINE: EngineDefaults = { version: '16.4', port: 5432, instanceClass: 'db.r6g.large' };

export const docDbData: ServiceData = {
  seedAccount(file, account) {
    rdsQuotas(account).manualSnapshots = quotaOf(file, 'docdbManualSnapshots', DEFAULT_MANUAL_SNAPSHOT_QUOTA);
    rdsQuotas(account).clusters = quotaOf(file, 'rdsClusters', DEFAULT_CLUSTER_QUOTA);
  },
  seedRegion(rows, target) {
    const { clusters, snapshots, instances } = rdsClustersIn(target.state);
    for (const c of rowsOf(rows, 'docdbClusters')) {
      const engine = str(c, 'engine', 'docdb');
      const defaults = ENGINE_DEFAULTS.get(engine) ?? OTHER_ENGINE;
      const id = str(c, 'id').toLowerCase();
      // Each seeded cluster has a primary instance (`instances`: how many, default 1; `instanceClass`).
      for (let i = 1; i <= num(c, 'instances', 1); i++) {
        instances.push({
          id: `${id}-instance-${i}`,
          clusterId: id,
          engine,
          engineVersion: str(c, 'engineVersion', defaults.version),
          instanceClass: str(c, 'instanceClass', defaults.instanceClass),
          createTime: time(c, 'createTime', target.loadedAt),
          readyAt: time(c, 'createTime', target.loadedAt),
          tags: [],
        });
      }
      clusters.push({
        id: str(c, 'id').toLowerCase(),
        engine,
        engineVersion: str(c, 'engineVersion', defaults.version),
        status: str(c, 'status', 'available'),
        createTime: time(c, 'createTime', target.loadedAt),
        port: num(c, 'port', defaults.port),
        masterUsername: str(c, 'masterUsername', 'admin'),
        storageEncrypted: c.storageEncrypted !== false,
        kmsKeyId: optionalStr(c, 'kmsKeyId'),
        allocatedStorage: typeof c.allocatedStorageGiB === 'number' ? c.allocatedStorageGiB : undefined,
        tags: tagList(c),
      });
    }
    for (const s of rowsOf(rows, 'docdbSnapshots')) {
      const cluster = clusters.find((c) => c.id === str(s, 'clusterId').toLowerCase());
      const t = seededLifecycle(
        s,
        { time: 'createTime', status: 'status', ready: 'available', pending: 'creating' },
        target,
      );
      snapshots.push({
        id: str(s, 'id').toLowerCase(),
        clusterId: str(s, 'clusterId').toLowerCase(),
        engine: cluster?.engine ?? 'docdb',
        engineVersion: cluster?.engineVersion ?? DOCDB_DEFAULTS.version,
        type: str(s, 'type', 'manual') === 'automated' ? 'automated' : 'manual',
        clusterCreateTime: cluster?.createTime ?? t.created,
        port: cluster?.port ?? DOCDB_DEFAULTS.port,
        masterUsername: cluster?.masterUsername ?? 'admin',
        storageEncrypted: cluster?.storageEncrypted ?? true,
        kmsKeyId: optionalStr(s, 'kmsKeyId') ?? cluster?.kmsKeyId,
        allocatedStorage: num(s, 'allocatedStorageGiB', cluster?.allocatedStorage ?? 0) || undefined,
        ...t.timed,
        fixedStatus: t.fixed,
        tags: tagList(s),
      });
    }
  },
  generate(spec, target) {
    const { clusters, snapshots } = rdsClustersIn(target.state);
    const clusterCount = countOf(spec, 'docdbClusters');
    for (let i = 1; i <= clusterCount; i++) {
      clusters.push({
        id: `bulk-docdb-${pad(i, 4)}`,
        engine: 'docdb',
        engineVersion: DOCDB_DEFAULTS.version,
        status: 'available',
        createTime: BULK_BASE + i * HOUR,
        port: DOCDB_DEFAULTS.port,
        masterUsername: 'admin',
        storageEncrypted: true,
        tags: [],
      });
    }
    for (let i = 1; i <= countOf(spec, 'docdbSnapshots'); i++) {
      const clusterIndex = ((i - 1) % Math.max(1, clusterCount)) + 1;
      const t = BULK_BASE + i * HOUR + 45 * 60_000;
      snapshots.push({
        id: `bulk-docdb-snapshot-${pad(i, 4)}`,
        clusterId: `bulk-docdb-${pad(clusterIndex, 4)}`,
        engine: 'docdb',
        engineVersion: DOCDB_DEFAULTS.version,
        type: 'manual',
        clusterCreateTime: BULK_BASE + clusterIndex * HOUR,
        port: DOCDB_DEFAULTS.port,
        masterUsername: 'admin',
        storageEncrypted: true,
        startedAt: t,
        readyAt: t,
        tags: [],
      });
    }
  },
};
