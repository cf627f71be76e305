// Benchmark (not a test): how long the static checks of a generated 1,000-entry plan take, without live checks.
// Usage: npm run bench:plan [-- entries]    Target: ≤ 50 ms per diagnosis of 1,000 entries.
// Measures a cold diagnosis (whole text parsed) and a diagnosis as the server does it while you type
// (one entry edited; the other entries' parse reused from the document's parse cache).
import { performance } from 'node:perf_hooks';
import { PlanParseCache } from '../src/plans/incremental';
import { analyzePlan } from '../src/plans/validate';
import { allRegions, services } from '../src/services/registry';

const count = Number(process.argv[2] ?? 1000);
const kinds = [
  (i: number) =>
    `  - service: neptune-graph\n    resource: g-bench${String(i).padStart(5, '0')}\n    tags:\n      index: '${i}'`,
  (i: number) => `  - service: docdb\n    resource: cluster-${i}\n    name: 'cluster-${i}-{date}-{time}'`,
  (i: number) => `  - service: storagegateway\n    resource: vol-${String(i).padStart(8, '0')}\n    region: eu-west-1`,
  (i: number) =>
    `  - service: simspaceweaver\n    resource: sim-${i}\n    bucket: bench-bucket\n    prefix: 'run-{timestamp}/${i}'`,
];
const text = [
  'defaults:',
  '  profile: bench',
  '  region: us-east-1',
  "  name: '{resource}-release-{date}'",
  "  description: 'Release {date} of {resource}'",
  '  tags:',
  '    purpose: release',
  "    created: '{timestamp}'",
  'snapshots:',
  ...Array.from({ length: count }, (_, i) => (kinds[i % kinds.length] as (i: number) => string)(i)),
  '',
].join('\n');

const env = { services, profiles: [{ name: 'bench', region: 'us-east-1' }], regions: allRegions, now: new Date() };
const runs = 30;

function measure(label: string, diagnose: (i: number) => { entries: number; diagnostics: number }): number {
  const times: number[] = [];
  let last = { entries: 0, diagnostics: 0 };
  for (let i = 0; i < runs + 5; i++) {
    const start = performance.now();
    last = diagnose(i);
    const elapsed = performance.now() - start;
    if (i >= 5) times.push(elapsed); // the first runs warm the JIT up
    if (last.entries !== count) throw new Error(`expected ${count} entries, got ${last.entries}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const best = times[0] ?? 0;
  console.log(
    `${label}: median ${median.toFixed(1)} ms, best ${best.toFixed(1)} ms over ${runs} runs (${last.diagnostics} diagnostics)`,
  );
  return median;
}

console.log(`plan: ${count} entries, ${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KiB`);
const cold = measure('cold diagnosis (parse whole text + expand + validate)', () => {
  const a = analyzePlan(text, env);
  return { entries: a.entries.length, diagnostics: a.diagnostics.length };
});
const cache = new PlanParseCache();
analyzePlan(text, env, cache);
const typing = measure('as you type (one entry edited, parse cache warm)', (i) => {
  const edited = text.replace(
    `resource: cluster-${1 + 4 * (i % 50)}\n`,
    `resource: cluster-${1 + 4 * (i % 50)}x${i}\n`,
  );
  const a = analyzePlan(edited, env, cache);
  return { entries: a.entries.length, diagnostics: a.diagnostics.length };
});
console.log(
  `target 50 ms: cold ${cold <= 50 ? 'met' : 'NOT met'}, as you type ${typing <= 50 ? 'met' : 'NOT met'} (no live checks)`,
);
