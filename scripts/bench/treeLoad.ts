// Figure 3: expand the whole explorer tree (profiles × regions × services, every page, and every resource's
// snapshots) through the explorer model the view uses, with the emulator adding a fixed latency L to every call.
// Compared with the critical-path bound (the longest chain of dependent calls × L, measured with unlimited
// concurrency) and with a deliberately sequential run (one request in flight).
import { performance } from 'node:perf_hooks';
import type { ExplorerModel } from '../../src/tree/model/explorerModel';
import { isBranchOwner, type ExplorerNode, type LoadMoreNode } from '../../src/tree/model/nodes';
import { benchModel, startBenchTree, type BenchTree } from './benchTree';
import { CallTracker, criticalPath, type PageRecord } from './callTracker';
import { median } from './support';

export interface TreeLoadOptions {
  readonly latencyMs: number;
  readonly profiles: number;
  readonly regions: readonly string[];
  /** The tree's page size setting; every service gets one resource more than a page holds (DocumentDB: 21). */
  readonly pageSize: number;
  readonly runs: number;
  /** The explorer's `maxConcurrentRequests` setting for the measured runs. */
  readonly maxConcurrentRequests: number;
  readonly sequential: boolean;
}

export interface TreeRun {
  readonly wallMs: number;
  readonly calls: number;
  readonly resources: number;
  readonly snapshots: number;
  readonly errors: number;
  /** The longest chain of dependent calls (0 unless the run recorded its pages). */
  readonly chain: number;
  /** CPU time of this process (the extension's side) during the run. */
  readonly cpuMs: number;
  /** CPU time of the emulator's process during the run (AWS's side). */
  readonly emulatorCpuMs: number;
}

export interface TreeLoadResult {
  readonly options: TreeLoadOptions;
  readonly latencyMs: number;
  readonly wallMs: number;
  readonly runsMs: number[];
  readonly boundMs: number;
  readonly chainCalls: number;
  readonly ratio: number;
  readonly calls: number;
  readonly emulatorCalls: number;
  /** Calls of the unlimited run by operation (service:Operation), as the emulator saw them. */
  readonly operations: Record<string, number>;
  readonly resources: number;
  readonly snapshots: number;
  readonly unlimitedMs: number;
  /** Median CPU time of the extension's side per measured run, and per call. */
  readonly cpuMs: number;
  readonly cpuPerCallMs: number;
  /** Median CPU time of the emulator (AWS's side) per measured run. */
  readonly emulatorCpuMs: number;
  readonly sequentialMs?: number;
  readonly sequentialRatio?: number;
}

async function expandAll(model: ExplorerModel, tracker: CallTracker) {
  let resources = 0;
  let snapshots = 0;
  let errors = 0;
  const count = (nodes: readonly ExplorerNode[], seen: Set<string>): void => {
    for (const n of nodes) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      if (n.kind === 'resource') resources++;
      else if (n.kind === 'snapshot') snapshots++;
      else if (n.kind === 'error') errors++;
    }
  };
  // Like a person who expands everything as soon as it shows: children of a page are expanded while the next
  // page loads ("Load more…"), the way the view asks for them.
  const expand = async (node: ExplorerNode | undefined, after: PageRecord | undefined): Promise<void> => {
    const seen = new Set<string>();
    const tasks: Promise<void>[] = [];
    let { page, value: children } = await tracker.page(after, () => model.getChildren(node));
    for (;;) {
      count(children, seen);
      for (const child of children) {
        if (isBranchOwner(child) && !seen.has(`expanded:${child.id}`)) {
          seen.add(`expanded:${child.id}`);
          tasks.push(expand(child, page));
        }
      }
      const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
      if (!more) break;
      page = (await tracker.page(page, () => model.loadMore(more))).page;
      children = await model.getChildren(node);
    }
    await Promise.all(tasks);
  };
  await expand(undefined, undefined);
  return { resources, snapshots, errors };
}

async function runOnce(
  tree: BenchTree,
  maxConcurrentRequests: number,
  how: { sequential?: boolean; recordPages?: boolean } = {},
): Promise<TreeRun> {
  const { emulator } = tree;
  const tracker = new CallTracker({ sequential: how.sequential, recordPages: how.recordPages ?? false });
  const { model, dispose } = benchModel(tree, tracker, { requestTimeoutMs: 60_000, maxConcurrentRequests });
  const cpu = process.cpuUsage();
  const emulatorCpu = emulator.cpuMs();
  const started = performance.now();
  const counts = await expandAll(model, tracker);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const emulatorCpuMs = emulator.cpuMs() - emulatorCpu;
  dispose();
  return {
    wallMs,
    calls: tracker.total,
    ...counts,
    chain: how.recordPages ? criticalPath(tracker.pages) : 0,
    cpuMs: (used.user + used.system) / 1000,
    emulatorCpuMs,
  };
}

export async function benchTreeLoad(options: TreeLoadOptions, log: (line: string) => void): Promise<TreeLoadResult> {
  const tree = await startBenchTree('bench-tree-', options);
  const { emulator } = tree;
  try {
    // Warm-up without latency: loads the SDK bundle and compiles the code paths once.
    const warm = await runOnce(tree, 64);
    if (warm.errors > 0) throw new Error(`the tree shows ${warm.errors} error nodes`);
    await emulator.admin('POST', '/_emulator/faults', { latencyMs: options.latencyMs });

    // Unlimited concurrency: what the calls' own dependencies allow; gives the chain of dependent calls.
    await emulator.admin('POST', '/_emulator/reset');
    await emulator.admin('POST', '/_emulator/faults', { latencyMs: options.latencyMs });
    const unlimited = await runOnce(tree, 100_000, { recordPages: true });
    const seen = await emulator.calls();
    const emulatorCalls = seen.length;
    const operations: Record<string, number> = {};
    for (const call of seen) {
      const key = `${call.service}:${call.operation}`;
      operations[key] = (operations[key] ?? 0) + 1;
    }
    log(`  calls by operation: ${JSON.stringify(operations)}`);
    log(
      `  unlimited concurrency: ${unlimited.wallMs.toFixed(0)} ms, ${unlimited.calls} calls, chain ${unlimited.chain}`,
    );

    const runs: TreeRun[] = [];
    for (let i = 0; i < options.runs; i++) {
      const run = await runOnce(tree, options.maxConcurrentRequests);
      log(
        `  run ${i + 1}/${options.runs} (max ${options.maxConcurrentRequests} in flight per profile+region): ` +
          `${run.wallMs.toFixed(0)} ms, client CPU ${run.cpuMs.toFixed(0)} ms, emulator CPU ${run.emulatorCpuMs.toFixed(0)} ms`,
      );
      runs.push(run);
    }
    const wallMs = median(runs.map((r) => r.wallMs));
    let sequentialMs: number | undefined;
    if (options.sequential) {
      const sequential = await runOnce(tree, 1, { sequential: true });
      sequentialMs = sequential.wallMs;
      log(`  sequential (1 in flight): ${sequential.wallMs.toFixed(0)} ms`);
    }
    const boundMs = unlimited.chain * options.latencyMs;
    return {
      options,
      latencyMs: options.latencyMs,
      wallMs,
      runsMs: runs.map((r) => r.wallMs),
      boundMs,
      chainCalls: unlimited.chain,
      ratio: wallMs / boundMs,
      calls: unlimited.calls,
      emulatorCalls,
      operations,
      resources: unlimited.resources,
      snapshots: unlimited.snapshots,
      unlimitedMs: unlimited.wallMs,
      cpuMs: median(runs.map((r) => r.cpuMs)),
      cpuPerCallMs: median(runs.map((r) => r.cpuMs / r.calls)),
      emulatorCpuMs: median(runs.map((r) => r.emulatorCpuMs)),
      ...(sequentialMs !== undefined ? { sequentialMs, sequentialRatio: sequentialMs / wallMs } : {}),
    };
  } finally {
    await tree.close();
  }
}
