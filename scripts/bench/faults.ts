// Figure 3b: the tree of figure 3 under faults, each condition in the same run as a fault-free load of the same tree
// (so the ratios compare): 10 % and 30 % throttling, 30 % throttling + 5 % internal errors, and one service whose
// calls hang. For each: the wall (for `hang`, when its branches show their error; `restMs`, when the rest was done),
// the calls the tree made (SDK calls; `requests` counts HTTP attempts as the emulator saw them), the error nodes,
// the resources and snapshots of the fault-free tree that are neither shown nor under an error node, and the
// unhandled rejections while it ran.
import { performance } from 'node:perf_hooks';
import type { ExplorerModel } from '../../src/tree/model/explorerModel';
import { isBranchOwner, type ExplorerNode, type LoadMoreNode, type ServiceNode } from '../../src/tree/model/nodes';
import { benchModel, startBenchTree, type BenchTree } from './benchTree';
import { CallTracker } from './callTracker';
import { median } from './support';

export interface FaultsOptions {
  readonly latencyMs: number;
  readonly profiles: number;
  readonly regions: readonly string[];
  readonly pageSize: number;
  readonly maxConcurrentRequests: number;
  /** Runs per condition (the median is reported); `hang` runs once. */
  readonly runs: number;
  /** The request timeout setting (its default: 30 s). */
  readonly requestTimeoutMs: number;
  /** The service whose calls hang in the `hang` condition. */
  readonly hangService: string;
  /** Only these conditions (default: all). */
  readonly conditions?: readonly string[];
  /** Another first backoff of throttled retries than the product's, to compare policies (BENCHMARKS.md). */
  readonly throttleBaseMs?: number;
}

export interface FaultRow {
  readonly condition: string;
  readonly wallMs: number;
  readonly ratio: number;
  readonly calls: number;
  readonly callsRatio: number;
  readonly requests: number;
  readonly errorNodes: number;
  readonly missing: number;
  readonly unhandled: number;
  readonly runsMs: number[];
  /** `hang`: when every branch but the hanging ones was done. */
  readonly restMs?: number;
  /** `hang`: whether the hanging branches' nodes said "still loading…" while they waited. */
  readonly slowShown?: boolean;
}

export interface FaultsResult {
  readonly baseline: { wallMs: number; calls: number; requests: number; items: number; runsMs: number[] };
  readonly faults: FaultRow[];
}

interface Observed {
  wallMs: number;
  calls: number;
  requests: number;
  errorParents: string[];
  present: Set<string>;
  restMs: number;
  unhandled: number;
  slowShown: boolean;
}

/** Expands everything as treeLoad does, noting what shows, the error nodes, and when each branch was done. */
async function expandAll(
  model: ExplorerModel,
  started: number,
  hangService: string | undefined,
  log: (line: string) => void,
) {
  const present = new Set<string>();
  const errorParents: string[] = [];
  const hanging: ServiceNode[] = [];
  let restMs = 0;
  const expand = async (node: ExplorerNode | undefined): Promise<void> => {
    const tasks: Promise<void>[] = [];
    const expanded = new Set<string>();
    let children = await model.getChildren(node);
    for (;;) {
      let failed = false;
      for (const child of children) {
        if (child.kind === 'resource' || child.kind === 'snapshot') present.add(child.id);
        if (child.kind === 'error' && !errorParents.includes(child.parent?.id ?? 'root')) {
          errorParents.push(child.parent?.id ?? 'root');
          // Said once per node, for whoever reads the progress lines (the hang's are all alike: not listed).
          if (!hangService) log(`    error node under ${child.parent?.id ?? 'root'}: ${model.describe(child).label}`);
        }
        if (child.kind === 'error') failed = true;
        if (child.kind === 'service' && child.service.id === hangService) hanging.push(child);
        if (isBranchOwner(child) && !expanded.has(child.id)) {
          expanded.add(child.id);
          tasks.push(expand(child));
        }
      }
      if (!failed) restMs = Math.max(restMs, performance.now() - started);
      const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
      if (!more) break;
      await model.loadMore(more);
      children = await model.getChildren(node);
    }
    await Promise.all(tasks);
  };
  return { done: expand(undefined), present, errorParents, hanging, restMs: () => restMs };
}

async function runOnce(
  tree: BenchTree,
  options: FaultsOptions,
  log: (line: string) => void,
  hangService?: string,
): Promise<Observed> {
  let unhandled = 0;
  const onUnhandled = (): void => void unhandled++;
  process.on('unhandledRejection', onUnhandled);
  const { emulator } = tree;
  const tracker = new CallTracker({ recordPages: false });
  const { model, dispose } = benchModel(tree, tracker, options);
  const before = (await emulator.calls()).length;
  const started = performance.now();
  const run = await expandAll(model, started, hangService, log);
  let slowShown = false;
  if (hangService) {
    // Looked at a little after the model's threshold for "still loading…", while the hanging calls wait.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    slowShown = run.hanging.length > 0 && run.hanging.every((n) => model.isLoadingSlowly(n));
  }
  await run.done;
  const wallMs = performance.now() - started;
  // Let late rejections surface before counting them.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', onUnhandled);
  const requests = (await emulator.calls()).length - before;
  dispose();
  return {
    wallMs,
    calls: tracker.total,
    requests,
    errorParents: run.errorParents,
    present: run.present,
    restMs: run.restMs(),
    unhandled,
    slowShown,
  };
}

function missingFrom(expected: ReadonlySet<string>, seen: Observed): number {
  let missing = 0;
  for (const id of expected) {
    if (seen.present.has(id)) continue;
    if (seen.errorParents.some((parent) => parent === 'root' || id.startsWith(`${parent}/`))) continue;
    missing++;
  }
  return missing;
}

const CONDITIONS: ReadonlyArray<{ name: string; faults: (o: FaultsOptions) => object; hang?: boolean }> = [
  { name: 'throttle10', faults: (o) => ({ latencyMs: o.latencyMs, throttleRate: 0.1 }) },
  { name: 'throttle30', faults: (o) => ({ latencyMs: o.latencyMs, throttleRate: 0.3 }) },
  { name: 'throttle30+5xx', faults: (o) => ({ latencyMs: o.latencyMs, throttleRate: 0.3, errorRate: 0.05 }) },
  { name: 'hang', faults: (o) => ({ latencyMs: o.latencyMs, hang: [o.hangService] }), hang: true },
];

export async function benchFaults(options: FaultsOptions, log: (line: string) => void): Promise<FaultsResult> {
  const tree = await startBenchTree('bench-faults-', options);
  const { emulator } = tree;
  const configure = async (faults: object): Promise<void> => {
    await emulator.admin('POST', '/_emulator/reset');
    await emulator.admin('POST', '/_emulator/faults', faults);
  };
  try {
    await runOnce(tree, options, log); // warm-up: loads the SDK bundle, compiles the code paths
    // Rounds: each round loads the fault-free tree, then the tree under each condition, so that the load of this
    // (shared) machine at the time weighs on all of them alike. `hang` (a request timeout long) runs in the first.
    const chosen = CONDITIONS.filter((c) => options.conditions?.includes(c.name) ?? true);
    const base: Observed[] = [];
    const observed = new Map<string, Observed[]>(chosen.map((c) => [c.name, []]));
    for (let round = 0; round < options.runs; round++) {
      await configure({ latencyMs: options.latencyMs });
      base.push(await runOnce(tree, options, log));
      for (const [index, condition] of chosen.entries()) {
        if (condition.hang && round > 0) continue;
        await configure({ ...condition.faults(options), seed: 1000 * (index + 1) + round });
        const hang = condition.hang ? options.hangService : undefined;
        observed.get(condition.name)?.push(await runOnce(tree, options, log, hang));
      }
    }
    const expected = new Set(base.flatMap((b) => [...b.present]));
    if (base.some((b) => b.errorParents.length > 0)) throw new Error('the fault-free tree shows error nodes');
    const baseline = {
      wallMs: median(base.map((b) => b.wallMs)),
      calls: median(base.map((b) => b.calls)),
      requests: median(base.map((b) => b.requests)),
      items: expected.size,
      runsMs: base.map((b) => Math.round(b.wallMs)),
    };
    log(
      `  fault-free: ${baseline.wallMs.toFixed(0)} ms (runs ${baseline.runsMs.join(', ')}), ${baseline.calls} calls, ` +
        `${baseline.items} resources+snapshots`,
    );
    const faults: FaultRow[] = [];
    for (const condition of chosen) {
      const runs = observed.get(condition.name) ?? [];
      const wallMs = median(runs.map((r) => r.wallMs));
      const calls = median(runs.map((r) => r.calls));
      const row: FaultRow = {
        condition: condition.name,
        wallMs,
        // Each run against the fault-free run of its round, then the median of those ratios.
        ratio: median(runs.map((r, round) => r.wallMs / (base[round]?.wallMs ?? baseline.wallMs))),
        calls,
        callsRatio: calls / baseline.calls,
        requests: median(runs.map((r) => r.requests)),
        errorNodes: Math.max(...runs.map((r) => r.errorParents.length)),
        missing: Math.max(...runs.map((r) => missingFrom(expected, r))),
        unhandled: runs.reduce((sum, r) => sum + r.unhandled, 0),
        runsMs: runs.map((r) => Math.round(r.wallMs)),
        ...(condition.hang ? { restMs: runs[0]?.restMs ?? NaN, slowShown: runs.every((r) => r.slowShown) } : {}),
      };
      log(
        `  ${row.condition}: ${row.wallMs.toFixed(0)} ms = ${row.ratio.toFixed(2)}× (runs ${row.runsMs.join(', ')}), ` +
          `${row.calls} calls = ${row.callsRatio.toFixed(2)}×, ${row.requests} requests, ${row.errorNodes} error nodes, ` +
          `${row.missing} missing, ${row.unhandled} unhandled` +
          (row.restMs !== undefined
            ? `; the rest done at ${row.restMs.toFixed(0)} ms, slow shown ${row.slowShown}`
            : ''),
      );
      faults.push(row);
    }
    await emulator.admin('POST', '/_emulator/reset');
    return { baseline, faults };
  } finally {
    await tree.close();
  }
}
