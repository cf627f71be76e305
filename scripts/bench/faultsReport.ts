// How `run.ts` asks for figure 3b (the tree under faults, ./faults) and reports it: its options, its rows of the
// table, and its part of the JSON line.
import { round } from './support';
import type { FaultsOptions, FaultsResult } from './faults';
import type { TreeLoadOptions } from './treeLoad';

/** The tree of figure 3 (same profiles, regions, services, pages, latency), the product's request timeout. */
export function faultsOptions(tree: TreeLoadOptions, quick: boolean): FaultsOptions {
  return {
    latencyMs: tree.latencyMs,
    profiles: tree.profiles,
    regions: tree.regions,
    pageSize: tree.pageSize,
    maxConcurrentRequests: tree.maxConcurrentRequests,
    // Rounds (fault-free + each condition): this machine's load varies from second to second, medians of 5 absorb it.
    runs: quick ? 1 : 5,
    requestTimeoutMs: 30_000,
    hangService: 'docdb',
  };
}

const TARGETS: Record<string, string> = {
  throttle10: '≤ 1.5×, no error node, none missing',
  throttle30: '≤ 3×, calls ≤ 1.5×, no error node, none missing',
  'throttle30+5xx': 'no error node, none missing',
  hang: 'error ≤ timeout + a few s, rest unaffected',
};

export function faultRows(result: FaultsResult): Array<[string, string, string]> {
  const { baseline } = result;
  return [
    [
      'Tree under faults: fault-free wall / calls (same run)',
      `${(baseline.wallMs / 1000).toFixed(2)} s / ${baseline.calls} calls`,
      '—',
    ],
    ...result.faults.map((f): [string, string, string] => [
      `  ${f.condition}: wall = ratio; calls = ratio; error nodes, missing, unhandled`,
      `${(f.wallMs / 1000).toFixed(2)} s = ${f.ratio.toFixed(2)}×; ${f.calls} = ${f.callsRatio.toFixed(2)}×; ` +
        `${f.errorNodes}, ${f.missing}, ${f.unhandled}` +
        (f.restMs !== undefined
          ? `; rest done ${(f.restMs / 1000).toFixed(2)} s, "still loading…" ${f.slowShown ? 'shown' : 'NOT shown'}`
          : ''),
      TARGETS[f.condition] ?? '—',
    ]),
  ];
}

export function faultsJson(result: FaultsResult) {
  return {
    faultsBaseline: {
      wallMs: round(result.baseline.wallMs, 0),
      calls: result.baseline.calls,
      requests: result.baseline.requests,
      items: result.baseline.items,
      runsMs: result.baseline.runsMs,
    },
    faults: result.faults.map((f) => ({
      condition: f.condition,
      wallMs: round(f.wallMs, 0),
      ratio: round(f.ratio, 2),
      calls: f.calls,
      callsRatio: round(f.callsRatio, 2),
      errorNodes: f.errorNodes,
      missing: f.missing,
      unhandled: f.unhandled,
      requests: f.requests,
      runsMs: f.runsMs,
      ...(f.restMs !== undefined ? { restMs: round(f.restMs, 0), slowShown: f.slowShown } : {}),
    })),
  };
}
