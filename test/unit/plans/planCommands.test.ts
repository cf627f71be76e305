// The plan commands against the recording `vscode` fake: Run Plan's confirmation names the entries the live checks
// say will fail and offers to skip them, the run ends with exactly ONE notification (its summary), and Dry Run and
// the run report go to the read-only report documents (never an Untitled buffer).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, beforeEach, test } from 'node:test';
import type { PlanRequest, ResolveResult } from '../../../src/plans/protocol';
import { runPlan, type PlanRunEntry, type RunPlanEntries, type RunPlanOptions } from '../../../src/plans/run';
import type { ResourceTarget } from '../../../src/services/service';
import { neptune } from '../../support/fakePlanServices';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';
import { resource } from './fakeLive';

const rec = installVscodeRecorder();
after(() => rec.restore());
const load = () => import('../../../src/client/commands');

const planUri = 'file:///work/release.snapshots.yaml';
const fake = createRequire(path.join(process.cwd(), 'index.js'))('vscode') as {
  workspace: { textDocuments: unknown[] };
};
fake.workspace.textDocuments.push({
  uri: { toString: () => planUri, path: '/work/release.snapshots.yaml' },
  languageId: 'snapshot-plan',
});

const entry = (index: number, resourceName: string): PlanRunEntry => ({
  index,
  line: 5 + index * 3,
  service: 'neptune-graph',
  profile: 'demo',
  region: 'us-east-1',
  resource: resourceName,
  input: { values: { snapshotName: `${resourceName}-plan` }, tags: [] },
});

const resolved: ResolveResult = {
  entries: [entry(0, 'customer-graph'), entry(1, 'busy-graph')],
  errorCount: 0,
  problems: [],
  perService: [{ service: 'neptune-graph', label: 'Neptune Analytics', count: 2 }],
  expectedFailures: [
    {
      index: 1,
      line: 8,
      resource: 'busy-graph',
      reason: 'The graph `busy-graph` is updating (a snapshot needs it available)',
    },
  ],
};

function setup(answer: (actions: readonly string[]) => string | undefined) {
  const shown: Array<{ name: string; markdown: string }> = [];
  const runs: RunPlanOptions[] = [];
  const created: string[] = [];
  const runPlanEntries: RunPlanEntries = (entries, options) => {
    runs.push(options);
    return runPlan(entries, {
      ...options,
      resolve: async (e): Promise<ResourceTarget> => {
        if (e.resource === 'busy-graph')
          throw new Error('The graph busy-graph is updating (a snapshot needs it available)');
        return {
          profile: e.profile,
          region: e.region,
          service: neptune as ResourceTarget['service'],
          resource: resource('neptune-graph', e.resource),
        };
      },
      create: async (target) => {
        created.push(target.resource.id);
        return { snapshotId: `gs-${target.resource.id}` };
      },
    });
  };
  const client = {
    async request<P, R>(request: PlanRequest<P, R>): Promise<R> {
      if (request.method === 'snapshotPlans/resolve') return resolved as R;
      return { markdown: '# Dry run: release.snapshots.yaml\n', calls: [], errorCount: 0, deletions: 0 } as R;
    },
    reports: { show: async (name: string, markdown: string) => void shown.push({ name, markdown }) },
  };
  rec.answer = (n) => (n.modal ? answer(n.actions) : undefined);
  const log = { info: () => undefined, warn: () => undefined } as never;
  return { deps: { client, log, runPlanEntries }, shown, runs, created };
}

beforeEach(() => {
  rec.notifications.length = 0;
});

test('the confirmation lists the entries expected to fail and offers to skip them; one notification ends the run', async () => {
  const { runPlanCommand } = await load();
  const { deps, shown, runs, created } = setup((actions) => actions.find((a) => a.startsWith('Run 1, Skip 1')));
  await runPlanCommand(deps, planUri);

  const modal = rec.notifications.find((n) => n.modal);
  assert.ok(modal, 'a modal confirmation');
  assert.equal(modal.message, 'Take 2 snapshots? 1 of them is expected to fail.');
  assert.deepEqual(modal.actions, ['Run 1, Skip 1 Expected to Fail', 'Run All']);
  assert.match(
    modal.detail ?? '',
    /^Expected to fail now .*\nLine 8, busy-graph: The graph busy-graph is updating \(a snapshot needs it available\)\n/,
  );

  assert.deepEqual([...(runs[0]?.skip?.keys() ?? [])], [1], 'the runner skips the entry expected to fail');
  assert.deepEqual(created, ['customer-graph']);
  const toasts = rec.notifications.filter((n) => !n.modal);
  assert.equal(toasts.length, 1, `exactly one notification: ${toasts.map((n) => n.message).join(' / ')}`);
  assert.equal(
    toasts[0]?.message,
    'Plan release.snapshots.yaml: 1 of 2 snapshots requested, 1 skipped. See the report.',
  );
  assert.equal(shown.length, 1);
  assert.equal(shown[0]?.name, 'release.snapshots.yaml (run report)');
  assert.match(shown[0]?.markdown ?? '', /⏭ skipped: expected to fail: The graph busy-graph is updating/);
});

test('Run All runs the entry expected to fail too: it fails, and the one notification says so', async () => {
  const { runPlanCommand } = await load();
  const { deps, runs, created } = setup((actions) => actions.find((a) => a === 'Run All'));
  await runPlanCommand(deps, planUri);
  assert.equal(runs[0]?.skip, undefined);
  assert.deepEqual(created, ['customer-graph']);
  const toasts = rec.notifications.filter((n) => !n.modal);
  assert.deepEqual(
    toasts.map((n) => [n.level, n.message]),
    [['warning', 'Plan release.snapshots.yaml: 1 of 2 snapshots requested, 1 failed. See the report.']],
  );
});

test('closing the confirmation runs nothing and shows nothing else', async () => {
  const { runPlanCommand } = await load();
  const { deps, runs } = setup(() => undefined);
  await runPlanCommand(deps, planUri);
  assert.equal(runs.length, 0);
  assert.deepEqual(
    rec.notifications.filter((n) => !n.modal),
    [],
  );
});

test('Dry Run shows the server’s Markdown as a read-only report document', async () => {
  const { dryRun } = await load();
  const { deps, shown } = setup(() => undefined);
  await dryRun(deps, planUri);
  assert.deepEqual(shown, [
    { name: 'release.snapshots.yaml (dry run)', markdown: '# Dry run: release.snapshots.yaml\n' },
  ]);
  assert.equal(rec.notifications.length, 0);
});
