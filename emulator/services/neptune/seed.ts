/**
 * Neptune Database's part of the data file: the bulk counts of a `generate` entry, `neptuneClusters` (engine
 * `neptune`, available) and `neptuneClusterSnapshots` (manual, spread over those clusters), added to the RDS family's
 * clusters and snapshots (../docdb/state). Its hand-written rows are in the family's `docdbClusters` and
 * `docdbSnapshots` lists, with engine `neptune`.
 */
import { BULK_BASE, countOf, HOUR, pad } from '../../state/bulk';
import { type ServiceData } from '../../state/seed';
import { rdsClustersIn } from '../docdb/state';

const VERSION = '1.4.5.1';
const PORT = 8182;

export const neptuneData: ServiceData = {
  generate(spec, target) {
    const { clusters, snapshots } = rdsClustersIn(target.state);
    const clusterCount = countOf(spec, 'neptuneClusters');
    for (let i = 1; i <= clusterCount; i++) {
      clusters.push({
        id: `bulk-neptune-${pad(i, 4)}`,
        engine: 'neptune',
        engineVersion: VERSION,
        status: 'available',
        createTime: BULK_BASE + i * HOUR,
        port: PORT,
        masterUsername: 'admin',
        storageEncrypted: true,
        tags: [],
      });
    }
    for (let i = 1; i <= countOf(spec, 'neptuneClusterSnapshots'); i++) {
      const clusterIndex = ((i - 1) % Math.max(1, clusterCount)) + 1;
      const at = BULK_BASE + i * HOUR + 30 * 60_000;
      snapshots.push({
        id: `bulk-neptune-snapshot-${pad(i, 4)}`,
        clusterId: `bulk-neptune-${pad(clusterIndex, 4)}`,
        engine: 'neptune',
        engineVersion: VERSION,
        type: 'manual',
        clusterCreateTime: BULK_BASE + clusterIndex * HOUR,
        port: PORT,
        masterUsername: 'admin',
        storageEncrypted: true,
        startedAt: at,
        readyAt: at,
        tags: [],
      });
    }
  },
};
