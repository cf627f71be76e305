import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AccountState, emptyRegion, type RegionState } from './types';
import { generateBulk, type BulkSpec } from './bulk';

/** The JSON data file format (documented in emulator/README.md). */
export interface SeedFile {
  accountId?: string;
  quotas?: { docdbManualSnapshots?: number; neptuneSnapshots?: number };
  regions: Record<string, SeedRegion>;
  generate?: BulkSpec[];
}

type Row = Record<string, unknown>;
export interface SeedRegion {
  neptuneGraphs?: Row[];
  neptuneSnapshots?: Row[];
  gateways?: Row[];
  volumes?: Row[];
  ebsSnapshots?: Row[];
  docdbClusters?: Row[];
  docdbSnapshots?: Row[];
  simulations?: Row[];
  buckets?: Row[];
}

export const DEFAULT_DATA_FILE = path.join(import.meta.dirname, '..', 'data', 'demo.json');

export function readSeedFile(file: string = DEFAULT_DATA_FILE): SeedFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SeedFile;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.regions !== 'object') {
    throw new Error(`${file}: expected an object with a "regions" member`);
  }
  return parsed;
}

const GIB = 1024 ** 3;

function str(row: Row, key: string, fallback?: string): string {
  const v = row[key];
  if (typeof v === 'string') return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`data file: ${JSON.stringify(row)} needs a string "${key}"`);
}
function num(row: Row, key: string, fallback: number): number {
  return typeof row[key] === 'number' ? (row[key] as number) : fallback;
}
function time(row: Row, key: string, fallback: number): number {
  const v = row[key];
  if (v === undefined) return fallback;
  const t = Date.parse(String(v));
  if (Number.isNaN(t)) throw new Error(`data file: "${key}" of ${JSON.stringify(row)} is not an ISO date`);
  return t;
}
function tagList(row: Row): { Key: string; Value: string }[] {
  const tags = (row.tags ?? {}) as Record<string, string>;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * Builds the account state from a data file. Snapshots seeded as in progress (CREATING / creating / pending) finish
 * `snapshotMs` after `loadedAt`, like freshly created ones; other non-available states (FAILED, error) stay as given.
 */
export function buildAccount(seed: SeedFile, loadedAt: number, snapshotMs: number): AccountState {
  const account: AccountState = {
    accountId: seed.accountId ?? '123456789012',
    regions: new Map(),
    buckets: new Map(),
    quotas: {
      docdbManualSnapshots: seed.quotas?.docdbManualSnapshots ?? 100,
      neptuneSnapshots: seed.quotas?.neptuneSnapshots ?? 500,
    },
  };
  const timed = (status: string, ready: string[], pending: string[], created: number) =>
    pending.includes(status)
      ? { startedAt: loadedAt, readyAt: loadedAt + snapshotMs }
      : { startedAt: created, readyAt: created, ...(ready.includes(status) ? {} : { fixed: status }) };

  for (const [region, data] of Object.entries(seed.regions)) {
    const state: RegionState = emptyRegion();
    account.regions.set(region, state);
    for (const g of data.neptuneGraphs ?? []) {
      state.graphs.push({
        id: str(g, 'id'),
        name: str(g, 'name'),
        status: str(g, 'status', 'AVAILABLE'),
        createTime: time(g, 'createTime', loadedAt),
        provisionedMemory: num(g, 'provisionedMemory', 128),
        publicConnectivity: g.publicConnectivity === true,
        replicaCount: num(g, 'replicaCount', 1),
        deletionProtection: g.deletionProtection !== false,
        vectorDimension: typeof g.vectorDimension === 'number' ? g.vectorDimension : undefined,
      });
    }
    for (const s of data.neptuneSnapshots ?? []) {
      const created = time(s, 'createTime', loadedAt);
      const t = timed(str(s, 'status', 'AVAILABLE'), ['AVAILABLE'], ['CREATING'], created);
      state.graphSnapshots.push({
        id: str(s, 'id'),
        name: str(s, 'name'),
        sourceGraphId: str(s, 'sourceGraphId'),
        startedAt: t.startedAt,
        readyAt: t.readyAt,
        fixedStatus: t.fixed,
        tags: (s.tags ?? {}) as Record<string, string>,
      });
    }
    for (const g of data.gateways ?? []) {
      state.gateways.push({
        id: str(g, 'id'),
        name: str(g, 'name'),
        type: str(g, 'type', 'CACHED') === 'STORED' ? 'STORED' : 'CACHED',
        state: str(g, 'state', 'RUNNING') === 'SHUTDOWN' ? 'SHUTDOWN' : 'RUNNING',
        timezone: str(g, 'timezone', 'GMT'),
        softwareVersion: str(g, 'softwareVersion', '2.8.2'),
        ec2InstanceId: typeof g.ec2InstanceId === 'string' ? g.ec2InstanceId : undefined,
      });
    }
    for (const v of data.volumes ?? []) {
      state.volumes.push({
        id: str(v, 'id'),
        gatewayId: str(v, 'gatewayId'),
        type: str(v, 'type', 'CACHED') === 'STORED' ? 'STORED' : 'CACHED',
        sizeInBytes: num(v, 'sizeGiB', 100) * GIB,
        targetName: str(v, 'targetName', str(v, 'id').toLowerCase()),
        status: str(v, 'status', 'AVAILABLE'),
        createdDate: time(v, 'createTime', loadedAt),
      });
    }
    for (const s of data.ebsSnapshots ?? []) {
      const created = time(s, 'startTime', loadedAt);
      const t = timed(str(s, 'state', 'completed'), ['completed'], ['pending'], created);
      state.ebsSnapshots.push({
        id: str(s, 'id'),
        volumeId: str(s, 'volumeId'),
        description: str(s, 'description', ''),
        volumeSize: num(s, 'volumeSizeGiB', 100),
        encrypted: s.encrypted === true,
        startedAt: t.startedAt,
        readyAt: t.readyAt,
        fixedState: t.fixed,
        tags: tagList(s),
      });
    }
    for (const c of data.docdbClusters ?? []) {
      const engine = str(c, 'engine', 'docdb');
      state.docdbClusters.push({
        id: str(c, 'id').toLowerCase(),
        engine,
        engineVersion: str(
          c,
          'engineVersion',
          engine === 'docdb' ? '5.0.0' : engine === 'neptune' ? '1.3.2.1' : '16.4',
        ),
        status: str(c, 'status', 'available'),
        createTime: time(c, 'createTime', loadedAt),
        port: num(c, 'port', engine === 'docdb' ? 27017 : engine === 'neptune' ? 8182 : 5432),
        masterUsername: str(c, 'masterUsername', 'admin'),
        storageEncrypted: c.storageEncrypted !== false,
      });
    }
    for (const s of data.docdbSnapshots ?? []) {
      const cluster = state.docdbClusters.find((c) => c.id === str(s, 'clusterId').toLowerCase());
      const created = time(s, 'createTime', loadedAt);
      const t = timed(str(s, 'status', 'available'), ['available'], ['creating'], created);
      state.docdbSnapshots.push({
        id: str(s, 'id').toLowerCase(),
        clusterId: str(s, 'clusterId').toLowerCase(),
        engine: cluster?.engine ?? 'docdb',
        engineVersion: cluster?.engineVersion ?? '5.0.0',
        type: str(s, 'type', 'manual') === 'automated' ? 'automated' : 'manual',
        clusterCreateTime: cluster?.createTime ?? created,
        port: cluster?.port ?? 27017,
        masterUsername: cluster?.masterUsername ?? 'admin',
        storageEncrypted: cluster?.storageEncrypted ?? true,
        startedAt: t.startedAt,
        readyAt: t.readyAt,
        fixedStatus: t.fixed,
        tags: tagList(s),
      });
    }
    for (const s of data.simulations ?? []) {
      const name = str(s, 'name');
      state.simulations.push({
        name,
        status: str(s, 'status', 'STARTED'),
        targetStatus: str(s, 'targetStatus', str(s, 'status', 'STARTED') === 'STOPPED' ? 'STOPPED' : 'STARTED'),
        createTime: time(s, 'createTime', loadedAt),
        description: typeof s.description === 'string' ? s.description : undefined,
        maximumDuration: str(s, 'maximumDuration', '14D'),
        executionId: str(s, 'executionId', '00000000-0000-4000-8000-000000000000'),
        roleArn: str(s, 'roleArn', `arn:aws:iam::${account.accountId}:role/weaver-${name}`),
        schemaBucket: str(s, 'schemaBucket', `weaver-${account.accountId}-schemas`),
        schemaKey: str(s, 'schemaKey', `${name}/schema.yaml`),
      });
    }
    for (const b of data.buckets ?? []) {
      const name = str(b, 'name');
      if (account.buckets.has(name))
        throw new Error(`data file: bucket ${name} appears twice (bucket names are global)`);
      account.buckets.set(name, { name, region, createTime: time(b, 'createTime', loadedAt) });
    }
  }
  for (const spec of seed.generate ?? []) generateBulk(account, spec, loadedAt);
  return account;
}
