// The benchmark suite (`npm run bench`; not part of `npm test`): prints a table of figures and, as its last line,
// one JSON object. Ratios are measured inside one run; times are medians of several runs. Nothing touches ./dist:
// the package is built in a staged copy of the project. Flags: --quick (fewer runs, no sequential tree run);
// --faults (only the tree under faults, figure 3b); --host (only the activation in the extension host of each VS Code
// target, figure 1's second row; E2E_VSCODE=lowest|newest measures one); --identity-center (only IAM Identity
// Center's 100 accounts, figure 7).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { services } from '../../src/services/registry';
import type { FaultsResult } from './faults';
import { faultRows, faultsJson, faultsOptions } from './faultsReport';
import { benchHostActivation, hostActivationJson, hostActivationRows, hostTargets } from './hostActivation';
import { buildWorker, packageStaged, stageProject, type PackageFigures } from './bundle';
import { benchIdentityCenter, type IdentityCenterResult } from './identityCenter';
import { identityCenterJson, identityCenterOptions, identityCenterRows } from './identityCenterReport';
import { benchPolling, type PollingRow } from './polling';
import type { PlanOptions, PlanResult } from './plan';
import type { ScaleOptions, ScaleResult } from './scale';
import { formatBytes, formatMs, median, round, tempDir } from './support';
import type { TreeLoadOptions, TreeLoadResult } from './treeLoad';

const quick = process.argv.includes('--quick');
const faultsOnly = process.argv.includes('--faults');
const hostOnly = process.argv.includes('--host');
const identityCenterOnly = process.argv.includes('--identity-center');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Runs a child and parses the last line of its stdout as JSON (stderr passes through as progress). */
function runJson<T>(args: readonly string[]): T {
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** Like runJson, but shows the child's progress lines (stderr) as they come, minus the SDK's Node version notice. */
async function runWorker<T>(worker: string, figure: string, options: object, nodeArgs: string[] = []): Promise<T> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...nodeArgs, worker, figure, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
    const lines = err.split('\n');
    err = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('  ')) log(line);
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`${figure} worker failed (${code}): ${err}`);
  return JSON.parse(out.trim().split('\n').pop() ?? '') as T;
}

interface ActivationRun {
  requireMs: number;
  activateMs: number;
  totalMs: number;
  modules: number;
  sdk: string[];
}

function activationFigures(child: string, bundle: string, runs: number) {
  const results: ActivationRun[] = [];
  for (let i = 0; i < runs; i++) results.push(runJson<ActivationRun>([child, 'activate', bundle]));
  return {
    ms: median(results.map((r) => r.totalMs)),
    requireMs: median(results.map((r) => r.requireMs)),
    activateMs: median(results.map((r) => r.activateMs)),
    sdkModulesLoaded: [...new Set(results.flatMap((r) => r.sdk))],
  };
}

function sdkLoadMs(child: string, bundle: string, how: 'import' | 'require', runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(runJson<{ ms: number }>([child, 'sdk', bundle, how]).ms);
  return median(times);
}

function printTable(rows: ReadonlyArray<[string, string, string]>, started: number): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  console.log('');
  console.log(`${'Figure'.padEnd(width)}  ${'Measured'.padEnd(valueWidth)}  Target`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(valueWidth)}  ${'-'.repeat(36)}`);
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s, ${new Date().toISOString()})`);
}

const TREE: TreeLoadOptions = {
  latencyMs: 100,
  profiles: 10,
  regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'],
  pageSize: 1,
  runs: quick ? 1 : 3,
  maxConcurrentRequests: 8,
  sequential: !quick,
};

async function benchFaults(worker: string): Promise<FaultsResult> {
  log(`Tree under faults: the same tree, fault-free then throttled, with 5xx, and with one service hanging…`);
  return runWorker<FaultsResult>(worker, 'faults', faultsOptions(TREE, quick));
}

/** Figure 7, in this process (the emulator runs in its own). */
function benchSso(): Promise<IdentityCenterResult> {
  const options = identityCenterOptions(quick);
  log(`IAM Identity Center: ${options.accounts} accounts × 3 roles, L = ${options.latencyMs} ms…`);
  return benchIdentityCenter(options, log);
}

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = tempDir('bench-');
  try {
    if (faultsOnly) {
      const { worker } = await buildWorker(path.join(tmp.dir, 'worker'));
      const faults = await benchFaults(worker);
      printTable(faultRows(faults), started);
      console.log(JSON.stringify(faultsJson(faults)));
      return;
    }
    if (identityCenterOnly) {
      const sso = await benchSso();
      printTable(identityCenterRows(sso), started);
      console.log(JSON.stringify(identityCenterJson(sso)));
      return;
    }
    if (hostOnly) {
      const stage = path.join(tmp.dir, 'stage');
      stageProject(stage);
      packageStaged(stage);
      log('Activation in the extension host (code-server, Developer: Show Running Extensions), one window a run…');
      const host = await benchHostActivation(
        { extensionRoot: stage, windows: quick ? 3 : 6, targets: hostTargets() },
        log,
      );
      printTable(hostActivationRows(host), started);
      console.log(JSON.stringify({ activation: hostActivationJson(host) }));
      return;
    }
    // 1–2. Package size, then activation of the production bundle it holds.
    log('Packaging a staged copy (production build + vsce)…');
    const stage = path.join(tmp.dir, 'stage');
    stageProject(stage);
    const pkg: PackageFigures = packageStaged(stage);
    log(`  .vsix ${formatBytes(pkg.vsixBytes)}, dist/ ${formatBytes(pkg.distBytes)}`);
    const { worker, activationChild } = await buildWorker(path.join(tmp.dir, 'worker'));
    log('Activation (fresh process per run)…');
    const runs = quick ? 5 : 11;
    const activation = activationFigures(activationChild, path.join(stage, 'dist', 'extension.js'), runs);
    log(
      `  ${formatMs(activation.ms)} (require ${formatMs(activation.requireMs)} + activate ${formatMs(activation.activateMs)})`,
    );
    const sdkBundle = path.join(stage, 'dist', 'aws-sdk.js');
    const sdkImportMs = sdkLoadMs(activationChild, sdkBundle, 'import', quick ? 3 : 5);
    const sdkRequireMs = sdkLoadMs(activationChild, sdkBundle, 'require', quick ? 3 : 5);
    log(`  first AWS call loads the SDK bundle: import() ${formatMs(sdkImportMs)}, require ${formatMs(sdkRequireMs)}`);
    log('Activation in the extension host (code-server, Developer: Show Running Extensions), one window a run…');
    const host = await benchHostActivation(
      { extensionRoot: stage, windows: quick ? 3 : 6, targets: hostTargets() },
      log,
    );

    // 3. Tree load against the critical path.
    log(`Tree load: 10 profiles × 4 regions × ${services.length} services, 2 pages each, L = 100 ms…`);
    const treeOptions = TREE;
    const tree = await runWorker<TreeLoadResult>(worker, 'tree', treeOptions);
    // The same tree where latency, not this machine's CPU, dominates: does the load reach its critical path?
    const slowLink: TreeLoadOptions = { ...treeOptions, latencyMs: 300, sequential: false };
    log(`Tree load again with L = ${slowLink.latencyMs} ms…`);
    const treeSlow = await runWorker<TreeLoadResult>(worker, 'tree', slowLink);
    const faults = await benchFaults(worker);

    // 4. Polling cost.
    log(`Polling: N snapshots in flight across 2 regions × ${services.length} services…`);
    const polling: PollingRow[] = await benchPolling(
      { inFlight: [1, 10, 100], regions: ['us-east-1', 'eu-west-1'], snapshotSeconds: 60 },
      log,
    );

    // 5. Scale.
    log('Scale: 10,000 resources in one service, "Load more…" to the end…');
    const scaleOptions: ScaleOptions = { resources: 10_000, pageSize: 50 };
    const scale = await runWorker<ScaleResult>(worker, 'scale', scaleOptions, ['--expose-gc']);

    // 6. Plan diagnostics.
    log('Plan: 1,000 entries, without and with live checks…');
    const planOptions: PlanOptions = { entries: 1000, staticRuns: quick ? 5 : 15, liveRuns: quick ? 1 : 3 };
    const plan = await runWorker<PlanResult>(worker, 'plan', planOptions);

    // 7. IAM Identity Center: 100 accounts × 3 roles.
    const sso = await benchSso();

    const rows: Array<[string, string, string]> = [
      [
        'Activation (require + activate, production bundle)',
        formatMs(activation.ms),
        '≤ 30 ms (AWS Toolkit 1,137–1,303 ms)',
      ],
      ...hostActivationRows(host),
      ['  AWS SDK modules loaded at activation', String(activation.sdkModulesLoaded.length), '0'],
      [
        '  First AWS call: SDK bundle load, import() / require',
        `${formatMs(sdkImportMs)} / ${formatMs(sdkRequireMs)}`,
        '—',
      ],
      ['.vsix size', formatBytes(pkg.vsixBytes), '≤ 1.5 MB'],
      ['dist/ size (unpacked)', formatBytes(pkg.distBytes), '—'],
      [
        `Tree load wall (median of ${tree.runsMs.length}, max 8 in flight per profile+region)`,
        formatMs(tree.wallMs),
        '—',
      ],
      [`  critical-path bound (${tree.chainCalls} calls × ${tree.latencyMs} ms)`, formatMs(tree.boundMs), '—'],
      ['  ratio wall / bound', round(tree.ratio, 2).toFixed(2), '≤ 1.25'],
      ['  calls', String(tree.calls), '—'],
      ['  unlimited concurrency wall', formatMs(tree.unlimitedMs), '—'],
      [
        '  client CPU per run (per call) / emulator CPU per run',
        `${formatMs(tree.cpuMs)} (${tree.cpuPerCallMs.toFixed(2)} ms/call) / ${formatMs(tree.emulatorCpuMs)}`,
        'wall ≥ CPU: CPU-bound when CPU > bound',
      ],
      [
        `  at L = ${treeSlow.latencyMs} ms: wall / bound (${treeSlow.chainCalls} calls) = ratio`,
        `${formatMs(treeSlow.wallMs)} / ${formatMs(treeSlow.boundMs)} = ${round(treeSlow.ratio, 2).toFixed(2)}`,
        '≤ 1.25',
      ],
      [
        '  sequential run (1 in flight) / wall',
        tree.sequentialMs !== undefined
          ? `${formatMs(tree.sequentialMs)} = ${round(tree.sequentialRatio ?? 0, 1)}×`
          : 'skipped (--quick)',
        '—',
      ],
      ...polling.map((p): [string, string, string] => [
        `Polling, ${p.inFlight} in flight (${p.groups} groups)`,
        `${p.callsPerTick} calls/tick, ${p.totalCalls} total in ${p.ticks} ticks`,
        'grows with regions × services',
      ]),
      [
        `Scale: ${scale.resources} resources, ${scale.pages} pages`,
        `${formatMs(scale.ms)}, heap +${scale.heapMB.toFixed(1)} MB`,
        '≤ 50 MB',
      ],
      ['  first page / last page', `${formatMs(scale.firstPageMs)} / ${formatMs(scale.lastPageMs)}`, '—'],
      [`Plan, ${plan.entries} entries, static checks, whole text (median)`, formatMs(plan.ms), '≤ 50 ms'],
      ['  as you type: one entry edited, parse cache warm (median)', formatMs(plan.typingMs), '≤ 50 ms'],
      ['  with live checks, cold cache (median)', `${formatMs(plan.liveMs)}, ${plan.liveCalls} calls`, '—'],
      ['  with live checks, warm cache', formatMs(plan.liveWarmMs), '—'],
      ...faultRows(faults),
      ...identityCenterRows(sso),
    ];
    printTable(rows, started);

    const json = {
      activationMs: round(activation.ms, 2),
      vsixBytes: pkg.vsixBytes,
      treeLoad: {
        latencyMs: tree.latencyMs,
        wallMs: round(tree.wallMs, 0),
        boundMs: tree.boundMs,
        ratio: round(tree.ratio, 2),
        sequentialRatio: tree.sequentialRatio !== undefined ? round(tree.sequentialRatio, 1) : null,
        calls: tree.calls,
        chainCalls: tree.chainCalls,
        unlimitedMs: round(tree.unlimitedMs, 0),
        cpuMs: round(tree.cpuMs, 0),
        cpuPerCallMs: round(tree.cpuPerCallMs, 2),
        emulatorCpuMs: round(tree.emulatorCpuMs, 0),
        sequentialMs: tree.sequentialMs !== undefined ? round(tree.sequentialMs, 0) : null,
        runsMs: tree.runsMs.map((ms) => round(ms, 0)),
        operations: tree.operations,
        slowLink: {
          latencyMs: treeSlow.latencyMs,
          wallMs: round(treeSlow.wallMs, 0),
          boundMs: treeSlow.boundMs,
          ratio: round(treeSlow.ratio, 2),
          cpuMs: round(treeSlow.cpuMs, 0),
          runsMs: treeSlow.runsMs.map((ms) => round(ms, 0)),
        },
      },
      ...faultsJson(faults),
      ...identityCenterJson(sso),
      polling: polling.map((p) => ({
        inFlight: p.inFlight,
        callsPerTick: p.callsPerTick,
        totalCalls: p.totalCalls,
        ticks: p.ticks,
        perService: p.perService,
      })),
      scale: { resources: scale.resources, heapMB: round(scale.heapMB, 1), ms: round(scale.ms, 0), pages: scale.pages },
      plan: {
        entries: plan.entries,
        ms: round(plan.ms, 1),
        typingMs: round(plan.typingMs, 1),
        liveMs: round(plan.liveMs, 0),
        liveCalls: plan.liveCalls,
        liveWarmMs: round(plan.liveWarmMs, 1),
      },
      activation: {
        requireMs: round(activation.requireMs, 2),
        activateMs: round(activation.activateMs, 2),
        sdkModulesLoaded: activation.sdkModulesLoaded.length,
        sdkImportMs: round(sdkImportMs, 0),
        sdkRequireMs: round(sdkRequireMs, 0),
        ...hostActivationJson(host),
      },
      distBytes: pkg.distBytes,
      distFiles: pkg.files,
    };
    console.log(JSON.stringify(json));
  } finally {
    tmp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
