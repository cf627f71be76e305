import { type AccountState, regionState } from './types';

/** A deterministic bulk section of the data file: many resources in one region, to exercise pagination. */
export interface BulkSpec {
  region: string;
  neptuneGraphs?: number;
  neptuneSnapshots?: number;
  docdbClusters?: number;
  docdbSnapshots?: number;
  simulations?: number;
  /** Volumes on one generated cached gateway (`sgw-B0000001`). */
  gatewayVolumes?: number;
  ebsSnapshots?: number;
}

const BASE = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3_600_000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Adds `spec`'s resources. Names and ids depend only on the index, so the data is the same on every run. */
export function generateBulk(account: AccountState, spec: BulkSpec, _loadedAt: number): void {
  const state = regionState(account, spec.region);
  for (let i = 1; i <= (spec.neptuneGraphs ?? 0); i++) {
    state.graphs.push({
      id: `g-bulk${pad(i, 6)}`,
      name: `bulk-graph-${pad(i, 4)}`,
      status: 'AVAILABLE',
      createTime: BASE + i * HOUR,
      provisionedMemory: 16,
      publicConnectivity: false,
      replicaCount: 0,
      deletionProtection: false,
    });
  }
  for (let i = 1; i <= (spec.neptuneSnapshots ?? 0); i++) {
    const t = BASE + i * HOUR + 30 * 60_000;
    state.graphSnapshots.push({
      id: `gs-bulk${pad(i, 6)}`,
      name: `bulk-graph-snapshot-${pad(i, 4)}`,
      sourceGraphId: `g-bulk${pad(((i - 1) % Math.max(1, spec.neptuneGraphs ?? 1)) + 1, 6)}`,
      startedAt: t,
      readyAt: t,
      tags: {},
    });
  }
  for (let i = 1; i <= (spec.docdbClusters ?? 0); i++) {
    state.docdbClusters.push({
      id: `bulk-docdb-${pad(i, 4)}`,
      engine: 'docdb',
      engineVersion: '5.0.0',
      status: 'available',
      createTime: BASE + i * HOUR,
      port: 27017,
      masterUsername: 'admin',
      storageEncrypted: true,
    });
  }
  for (let i = 1; i <= (spec.docdbSnapshots ?? 0); i++) {
    const clusterIndex = ((i - 1) % Math.max(1, spec.docdbClusters ?? 1)) + 1;
    const t = BASE + i * HOUR + 45 * 60_000;
    state.docdbSnapshots.push({
      id: `bulk-docdb-snapshot-${pad(i, 4)}`,
      clusterId: `bulk-docdb-${pad(clusterIndex, 4)}`,
      engine: 'docdb',
      engineVersion: '5.0.0',
      type: 'manual',
      clusterCreateTime: BASE + clusterIndex * HOUR,
      port: 27017,
      masterUsername: 'admin',
      storageEncrypted: true,
      startedAt: t,
      readyAt: t,
      tags: [],
    });
  }
  for (let i = 1; i <= (spec.simulations ?? 0); i++) {
    state.simulations.push({
      name: `bulk-simulation-${pad(i, 4)}`,
      status: i % 2 ? 'STARTED' : 'STOPPED',
      targetStatus: i % 2 ? 'STARTED' : 'STOPPED',
      createTime: BASE + i * HOUR,
      maximumDuration: '2D',
      executionId: `00000000-0000-4000-8000-${pad(i, 12)}`,
      roleArn: `arn:aws:iam::${account.accountId}:role/weaver-bulk`,
      schemaBucket: `weaver-${account.accountId}-schemas`,
      schemaKey: `bulk/${i}/schema.yaml`,
    });
  }
  if ((spec.gatewayVolumes ?? 0) > 0) {
    state.gateways.push({
      id: 'sgw-B0000001',
      name: 'bulk-gateway',
      type: 'CACHED',
      state: 'RUNNING',
      timezone: 'GMT',
      softwareVersion: '2.8.2',
    });
    for (let i = 1; i <= spec.gatewayVolumes!; i++) {
      state.volumes.push({
        id: `vol-B${pad(i, 7)}`,
        gatewayId: 'sgw-B0000001',
        type: 'CACHED',
        sizeInBytes: 10 * 1024 ** 3,
        targetName: `bulk-${pad(i, 4)}`,
        status: 'AVAILABLE',
        createdDate: BASE + i * HOUR,
      });
    }
  }
  for (let i = 1; i <= (spec.ebsSnapshots ?? 0); i++) {
    const t = BASE + i * 60_000;
    const volume = spec.gatewayVolumes ? `vol-B${pad(((i - 1) % spec.gatewayVolumes) + 1, 7)}` : 'vol-B0000001';
    state.ebsSnapshots.push({
      id: `snap-${pad(i, 17)}`,
      volumeId: volume,
      description: `bulk snapshot ${i}`,
      volumeSize: 10,
      encrypted: false,
      startedAt: t,
      readyAt: t,
      tags: [],
    });
  }
}
