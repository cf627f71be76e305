/** Neptune Analytics' part of the data file: `neptuneGraphs`, `neptuneSnapshots`, their bulk counts and quotas. */
import { BULK_BASE, countOf, HOUR, pad } from '../../state/bulk';
import { num, optionalStr, rowsOf, seededLifecycle, str, tagMap, time } from '../../state/rows';
import { quotaOf, type ServiceData } from '../../state/seed';
import { DEFAULT_GRAPH_QUOTA, DEFAULT_SNAPSHOT_QUOTA, neptuneGraphIn, neptuneGraphQuotas } from './state';

export const neptuneGraphData: ServiceData = {
  seedAccount(file, account) {
    const quotas = neptuneGraphQuotas(account);
    quotas.snapshots = quotaOf(file, 'neptuneSnapshots', DEFAULT_SNAPSHOT_QUOTA);
    quotas.graphs = quotaOf(file, 'neptuneGraphs', DEFAULT_GRAPH_QUOTA);
  },
  seedRegion(rows, target) {
    const { graphs, snapshots } = neptuneGraphIn(target.state);
    for (const g of rowsOf(rows, 'neptuneGraphs')) {
      graphs.push({
        id: str(g, 'id'),
        name: str(g, 'name'),
        status: str(g, 'status', 'AVAILABLE'),
        createTime: time(g, 'createTime', target.loadedAt),
        provisionedMemory: num(g, 'provisionedMemory', 128),
        publicConnectivity: g.publicConnectivity === true,
        replicaCount: num(g, 'replicaCount', 1),
        deletionProtection: g.deletionProtection !== false,
        vectorDimension: typeof g.vectorDimension === 'number' ? g.vectorDimension : undefined,
        kmsKeyIdentifier: optionalStr(g, 'kmsKeyIdentifier'),
        tags: tagMap(g),
      });
    }
    for (const s of rowsOf(rows, 'neptuneSnapshots')) {
      const t = seededLifecycle(
        s,
        { time: 'createTime', status: 'status', ready: 'AVAILABLE', pending: 'CREATING' },
        target,
      );
      snapshots.push({
        id: str(s, 'id'),
        name: str(s, 'name'),
        sourceGraphId: str(s, 'sourceGraphId'),
        // A snapshot is encrypted with its graph's key (a row may name its own, for a graph since changed).
        kmsKeyIdentifier:
          optionalStr(s, 'kmsKeyIdentifier') ?? graphs.find((g) => g.id === str(s, 'sourceGraphId'))?.kmsKeyIdentifier,
        ...t.timed,
        fixedStatus: t.fixed,
        tags: tagMap(s),
      });
    }
  },
  generate(spec, target) {
    const { graphs, snapshots } = neptuneGraphIn(target.state);
    const graphCount = countOf(spec, 'neptuneGraphs');
    for (let i = 1; i <= graphCount; i++) {
      graphs.push({
        id: `g-bulk${pad(i, 6)}`,
        name: `bulk-graph-${pad(i, 4)}`,
        status: 'AVAILABLE',
        createTime: BULK_BASE + i * HOUR,
        provisionedMemory: 16,
        publicConnectivity: false,
        replicaCount: 0,
        deletionProtection: false,
        tags: {},
      });
    }
    for (let i = 1; i <= countOf(spec, 'neptuneSnapshots'); i++) {
      const t = BULK_BASE + i * HOUR + 30 * 60_000;
      snapshots.push({
        id: `gs-bulk${pad(i, 6)}`,
        name: `bulk-graph-snapshot-${pad(i, 4)}`,
        sourceGraphId: `g-bulk${pad(((i - 1) % Math.max(1, graphCount)) + 1, 6)}`,
        startedAt: t,
        readyAt: t,
        tags: {},
      });
    }
  },
};
