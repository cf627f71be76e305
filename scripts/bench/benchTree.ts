// The generated tree that the tree benchmarks (treeLoad.ts, faults.ts) load: its data file (one item more than a page
// in every place), the emulator process on it with a throwaway profile set, and an explorer model over it whose
// calls go through a CallTracker.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClientFactory } from '../../src/aws/clientFactory';
import { createCredentialSource } from '../../src/aws/credentials';
import { classifyAwsError } from '../../src/aws/errors';
import { discoverProfiles } from '../../src/aws/profiles';
import { services } from '../../src/services/registry';
import { ExplorerModel } from '../../src/tree/model/explorerModel';
import { defaultTreeSettings, type TreeSettings } from '../../src/tree/model/treeSettings';
import type { CallTracker } from './callTracker';
import { quietLogger, startEmulatorProcess, tempDir, writeProfiles, type EmulatorProcess } from './support';

/** DocumentDB's MaxRecords is at least 20, so its page holds 20 whatever the setting asks for. */
const DOCDB_MIN_PAGE = 20;

export function writeDataFile(file: string, regions: readonly string[], pageSize: number): void {
  const perPage = pageSize + 1;
  const docdb = Math.max(pageSize, DOCDB_MIN_PAGE) + 1;
  const generate = regions.map((region) => ({
    region,
    neptuneGraphs: perPage,
    neptuneSnapshots: perPage,
    docdbClusters: docdb,
    docdbSnapshots: docdb,
    // Neptune Database shares DocumentDB's API (MaxRecords at least 20).
    neptuneClusters: docdb,
    neptuneClusterSnapshots: docdb,
    // Every other generated simulation is stopped; all are listed.
    simulations: perPage,
    gatewayVolumes: perPage,
    ebsSnapshots: perPage,
  }));
  writeFileSync(file, JSON.stringify({ regions: {}, generate }, null, 2));
}

export interface TreeShape {
  readonly profiles: number;
  readonly regions: readonly string[];
  /** The tree's page size setting; every service gets one resource more than a page holds (DocumentDB: 21). */
  readonly pageSize: number;
}

export interface BenchTree {
  readonly emulator: EmulatorProcess;
  /** HOME and the AWS config and credentials files of the profiles. */
  readonly env: Record<string, string>;
  readonly settings: TreeSettings;
  /** Stops the emulator and removes the files. */
  close(): Promise<void>;
}

/** Writes the data file and profiles into a temporary folder named from `prefix` and starts the emulator on them. */
export async function startBenchTree(prefix: string, shape: TreeShape): Promise<BenchTree> {
  const tmp = tempDir(prefix);
  const dataFile = path.join(tmp.dir, 'tree.json');
  writeDataFile(dataFile, shape.regions, shape.pageSize);
  const env = writeProfiles(tmp.dir, shape.profiles);
  const settings: TreeSettings = {
    ...defaultTreeSettings,
    regions: { '*': [...shape.regions] },
    pageSize: shape.pageSize,
  };
  let emulator: EmulatorProcess;
  try {
    emulator = await startEmulatorProcess({ dataFile });
  } catch (error) {
    tmp.remove();
    throw error;
  }
  return {
    emulator,
    env,
    settings,
    async close() {
      await emulator.stop();
      tmp.remove();
    },
  };
}

export interface BenchModelOptions {
  readonly requestTimeoutMs: number;
  /** The explorer's `maxConcurrentRequests` setting. */
  readonly maxConcurrentRequests: number;
  /** Another first backoff of throttled retries than the product's. */
  readonly throttleBaseMs?: number;
}

/** The explorer model the view uses, on the tree's profiles, its calls counted by `tracker`; `dispose` ends all three. */
export function benchModel(
  tree: BenchTree,
  tracker: CallTracker,
  options: BenchModelOptions,
): { model: ExplorerModel; dispose(): void } {
  const { env } = tree;
  const source = createCredentialSource({ env, logger: quietLogger });
  const factory = createClientFactory({
    credentials: (profile) => source.provider(profile),
    endpoints: () => ({ '*': tree.emulator.url }),
    requestTimeoutMs: () => options.requestTimeoutMs,
    maxConcurrentRequests: () => options.maxConcurrentRequests,
    userAgent: 'snapshot-explorer-bench/0',
    logger: quietLogger,
    ...(options.throttleBaseMs !== undefined ? { retry: { throttleBaseMs: options.throttleBaseMs } } : {}),
  });
  const model = new ExplorerModel({
    profiles: () => discoverProfiles(env),
    clients: tracker.clients(factory),
    services,
    settings: () => tree.settings,
    checkCredentials: async (profile) => void (await source.provider(profile)()),
    classifyError: classifyAwsError,
    log: quietLogger,
  });
  return {
    model,
    dispose() {
      model.dispose();
      factory.clear();
      tracker.dispose();
    },
  };
}
