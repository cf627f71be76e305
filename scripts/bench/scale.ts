// Figure 5: one service with 10,000 resources, loaded page by page through "Load more…" to the end, the way the
// view does it (after each page the view asks for the children again and describes each of them). Reports the
// time and the heap growth (after a full GC; the worker runs with --expose-gc).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClientFactory } from '../../src/aws/clientFactory';
import { createCredentialSource } from '../../src/aws/credentials';
import { classifyAwsError } from '../../src/aws/errors';
import { discoverProfiles } from '../../src/aws/profiles';
import { services } from '../../src/services/registry';
import { ExplorerModel } from '../../src/tree/model/explorerModel';
import type { ExplorerNode, LoadMoreNode } from '../../src/tree/model/nodes';
import { defaultTreeSettings, type TreeSettings } from '../../src/tree/model/treeSettings';
import { quietLogger, startEmulatorProcess, tempDir, writeProfiles } from './support';

export interface ScaleOptions {
  readonly resources: number;
  /** The tree's page size setting (default 50, what users get). */
  readonly pageSize: number;
}

export interface ScaleResult {
  readonly resources: number;
  readonly pages: number;
  readonly heapMB: number;
  readonly ms: number;
  readonly firstPageMs: number;
  readonly lastPageMs: number;
  readonly shown: number;
}

const REGION = 'eu-west-1';

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the scale figure with --expose-gc');
  collect();
  collect();
}

function find(nodes: readonly ExplorerNode[], kind: ExplorerNode['kind'], label?: string): ExplorerNode {
  const node = nodes.find((n) => n.kind === kind && (label === undefined || n.id.endsWith(`/${label}`)));
  if (!node) throw new Error(`no ${kind} ${label ?? ''} among ${nodes.map((n) => n.id).join(', ')}`);
  return node;
}

export async function benchScale(options: ScaleOptions, log: (line: string) => void): Promise<ScaleResult> {
  const tmp = tempDir('bench-scale-');
  const dataFile = path.join(tmp.dir, 'scale.json');
  writeFileSync(
    dataFile,
    JSON.stringify({ regions: {}, generate: [{ region: REGION, neptuneGraphs: options.resources }] }),
  );
  const env = writeProfiles(tmp.dir, 1, REGION);
  const emulator = await startEmulatorProcess({ dataFile });
  const source = createCredentialSource({ env, logger: quietLogger });
  const factory = createClientFactory({
    credentials: (profile) => source.provider(profile),
    endpoints: () => ({ '*': emulator.url }),
    requestTimeoutMs: () => 60_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-bench/0',
    logger: quietLogger,
  });
  const settings: TreeSettings = { ...defaultTreeSettings, regions: { '*': [REGION] }, pageSize: options.pageSize };
  try {
    // Load the SDK and open the connection first (an empty service of the same region), so only the tree counts.
    const warm = new ExplorerModel({
      profiles: () => discoverProfiles(env),
      clients: factory,
      services,
      settings: () => settings,
      classifyError: classifyAwsError,
    });
    const warmRegion = find(await warm.getChildren(find(await warm.getChildren(), 'profile')), 'region');
    await warm.getChildren(find(await warm.getChildren(warmRegion), 'service', 'docdb'));
    warm.dispose();

    const model = new ExplorerModel({
      profiles: () => discoverProfiles(env),
      clients: factory,
      services,
      settings: () => settings,
      classifyError: classifyAwsError,
    });
    const region = find(await model.getChildren(find(await model.getChildren(), 'profile')), 'region');
    const service = find(await model.getChildren(region), 'service', 'neptune-graph');
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    let pages = 0;
    let firstPageMs = 0;
    let lastPageMs = 0;
    let children = await model.getChildren(service);
    for (;;) {
      for (const child of children) model.describe(child);
      pages++;
      const pageMs = performance.now() - started;
      if (pages === 1) firstPageMs = pageMs;
      const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
      if (!more) break;
      const t = performance.now();
      await model.loadMore(more);
      children = await model.getChildren(service);
      lastPageMs = performance.now() - t;
      if (pages > 10 * (options.resources / options.pageSize)) throw new Error('too many pages');
    }
    const ms = performance.now() - started;
    gc();
    const heapMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    const shown = children.filter((n) => n.kind === 'resource').length;
    if (shown !== options.resources) throw new Error(`the tree shows ${shown} resources, not ${options.resources}`);
    log(`  ${shown} resources in ${pages} pages: ${ms.toFixed(0)} ms, heap +${heapMB.toFixed(1)} MB`);
    model.dispose();
    return { resources: shown, pages, heapMB, ms, firstPageMs, lastPageMs, shown };
  } finally {
    factory.clear();
    await emulator.stop();
    tmp.remove();
  }
}
