// Restoring a snapshot as a person does it in the workbench: Restore Snapshot… from a snapshot's context menu (each
// of the five services), an invalid name refused as typed with no call made, every other default accepted, the
// exact request reviewed, then the new resource followed to available, in the tree and in Snapshot Activity.
// Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issuesMessage } from '../../src/snapshots/inputSteps';
import { docdbRestoreRules } from '../../src/validation/docdb';
import { neptuneRestoreRules } from '../../src/validation/neptune';
import { validateGraphName } from '../../src/validation/neptuneGraphRestore';
import { validateSimulationName } from '../../src/validation/simSpaceWeaverRestore';
import { validateTargetName } from '../../src/validation/storageGatewayRestore';
import type { Issue } from '../../src/validation/types';
import { E2e, waitUntil, type Workbench } from './harness';

interface RestoreCase {
  /** The service's label in the tree and its emulator id. */
  service: string;
  serviceId: string;
  /** The restore's calls, as the emulator logs them. */
  operations: readonly string[];
  /** The demo resource (demo / us-east-1) and its snapshot's label in the tree. */
  resource: string;
  snapshot: string | RegExp;
  /** The steps before the name whose defaults are taken (Storage Gateway asks for the gateway first). */
  before?: number;
  /** The name's step: an invalid value, its rule, and the valid name to type. */
  invalid: string;
  validate: (value: string) => Issue[];
  newName: string;
  /** The new resource's label in the tree (a volume shows its id, not its target name). */
  treeLabel: string | RegExp;
}

const cases: RestoreCase[] = [
  {
    service: 'Neptune Analytics',
    serviceId: 'neptune-graph',
    operations: ['RestoreGraphFromSnapshot'],
    resource: 'customer-graph',
    snapshot: 'customer-graph-2025-07-01',
    invalid: 'Bad_Name',
    validate: validateGraphName,
    newName: 'customer-graph-restored',
    treeLabel: 'customer-graph-restored',
  },
  {
    service: 'DocumentDB',
    serviceId: 'docdb',
    operations: ['RestoreDBClusterFromSnapshot', 'CreateDBInstance'],
    resource: 'orders-prod',
    snapshot: 'orders-prod-before-upgrade',
    invalid: 'orders--restored',
    validate: (v) => docdbRestoreRules.validateClusterIdentifier(v),
    newName: 'orders-restored',
    treeLabel: 'orders-restored',
  },
  {
    service: 'Neptune Database',
    serviceId: 'neptune',
    operations: ['RestoreDBClusterFromSnapshot', 'CreateDBInstance'],
    resource: 'fraud-graph-db',
    snapshot: 'fraud-graph-db-before-reindex',
    invalid: '1-fraud',
    validate: (v) => neptuneRestoreRules.validateClusterIdentifier(v),
    newName: 'fraud-graph-restored',
    treeLabel: 'fraud-graph-restored',
  },
  {
    service: 'Storage Gateway',
    serviceId: 'storagegateway',
    operations: ['CreateCachediSCSIVolume', 'CreateStorediSCSIVolume'],
    resource: 'vol-1122AABB',
    snapshot: 'office-shares before migration',
    before: 1,
    invalid: 'Office_Shares',
    validate: validateTargetName,
    newName: 'office-shares-restored',
    treeLabel: /^vol-(?!1122AABB|3344CCDD)[0-9A-F]+$/,
  },
  {
    service: 'SimSpace Weaver',
    serviceId: 'simspaceweaver',
    operations: ['StartSimulation'],
    resource: 'crowd-evacuation',
    snapshot: 'crowd-evacuation-250612-1500-00.zip',
    invalid: 'crowd evacuation',
    validate: validateSimulationName,
    newName: 'crowd-evacuation-restored',
    treeLabel: 'crowd-evacuation-restored',
  },
];

async function callCount(e2e: E2e, c: RestoreCase): Promise<number> {
  return (await e2e.emulator.calls()).filter(
    (call) => call.service === c.serviceId && c.operations.includes(call.operation),
  ).length;
}

/** The quick input's "(n/total)" now. */
async function stepOf(wb: Workbench): Promise<{ step: number; total: number }> {
  const title = await wb.input.widget().locator('.quick-input-title').innerText();
  const match = /\((\d+)\/(\d+)\)/.exec(title);
  return { step: Number(match?.[1] ?? 0), total: Number(match?.[2] ?? 0) };
}

/** The name step: the invalid value is refused as typed and on Enter, with no call; then the valid name. */
async function refuseThenName(wb: Workbench, e2e: E2e, c: RestoreCase): Promise<void> {
  for (let step = 1; step <= (c.before ?? 0); step++) {
    await wb.step(`step ${step}: accept the default`, async () => {
      await wb.pressEnter();
      await waitUntil(
        () => stepOf(wb),
        (s) => s.step === step + 1,
        `step ${step + 1}`,
      );
    });
  }
  const nameStep = (c.before ?? 0) + 1;
  const issue = issuesMessage(c.validate(c.invalid));
  assert.ok(issue?.severity === 'error', `the rules refuse ${c.invalid}`);
  await wb.step(`type an invalid name: the exact validation message shows`, async () => {
    await wb.input.type(c.invalid);
    // Read as one value: a prefix typed before (`1` of `1-fraud`) may show the same first error with fewer others.
    await waitUntil(
      () => wb.input.message(),
      (m) => m === issue.message,
      'the validation message',
    );
  });
  await wb.step('Enter on the invalid name keeps the input open and calls nothing', async () => {
    await wb.pressEnter();
    // Read as one value: a prefix typed before (`1` of `1-fraud`) may show the same first error with fewer others.
    await waitUntil(
      () => wb.input.message(),
      (m) => m === issue.message,
      'the validation message',
    );
    assert.equal(await wb.input.value(), c.invalid);
    assert.equal(await callCount(e2e, c), 0, 'no restore call');
  });
  await wb.step(`type the name ${c.newName}`, async () => {
    await wb.input.enter(c.newName);
    await waitUntil(
      () => stepOf(wb),
      (s) => s.step === nameStep + 1,
      'the step after the name',
    );
  });
}

/** Every later step's default (Enter) up to the review, which must show the exact request; then Restore. */
async function acceptDefaultsAndReview(wb: Workbench, c: RestoreCase): Promise<void> {
  for (;;) {
    const { step, total } = await stepOf(wb);
    if (step === total) break;
    await wb.step(`step ${step}/${total}: accept the default`, async () => {
      await wb.pressEnter();
      await waitUntil(
        () => stepOf(wb),
        (s) => s.step === step + 1,
        `step ${step + 1}`,
      );
    });
  }
  await wb.step('the review shows the exact request with the new name', async () => {
    const rows = wb.input.widget().locator('.monaco-list-row');
    await rows
      .filter({ hasText: c.operations.some((o) => o.startsWith('Create')) ? /Create/ : c.operations[0] })
      .first()
      .waitFor();
    await rows.filter({ hasText: c.newName }).first().waitFor();
    await wb.screenshot('review');
  });
  await wb.step('Restore', async () => {
    await wb.input.pick(/^\W*Restore$/);
    await wb.input.waitForClosed();
  });
}

describe('Restore Snapshot in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'snapshotExplorer.polling.initialSeconds': 1 } });
  });
  after(async () => {
    await e2e?.stop();
  });

  for (const c of cases) {
    test(`${c.service}: Restore Snapshot… from the context menu of a snapshot of ${c.resource}`, async (t) => {
      await e2e.withWorkbench(t.name, async (wb) => {
        await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
        const resource = await wb.step(`expand demo / us-east-1 / ${c.service} / ${c.resource}`, () =>
          wb.tree.expandPath('demo', 'us-east-1', c.service, c.resource),
        );
        await wb.step(`Restore Snapshot… from the context menu of ${String(c.snapshot)}`, async () => {
          await wb.tree.contextMenu(await wb.tree.child(resource, c.snapshot), 'Restore Snapshot…');
          await wb.input.waitFor(/Restore .* Snapshot: .*\(1\/\d+\)/);
        });
        await refuseThenName(wb, e2e, c);
        await acceptDefaultsAndReview(wb, c);
        await wb.step('the status bar shows the restore in progress', () => wb.waitForStatusBarItem(/1 restore/));
        const success = new RegExp(`is restored from ${c.service} snapshot .+ and available`);
        await wb.step('one notification reports the restored resource', () => wb.waitForNotification(success));
        assert.equal((await wb.notifications()).filter((n) => success.test(n)).length, 1, 'exactly one notification');
        assert.ok((await callCount(e2e, c)) >= 1, 'the restore call was sent');
        await wb.step('the new resource is in the tree', async () => {
          const service = await wb.tree.expandPath('demo', 'us-east-1', c.service);
          await wb.tree.child(service, c.treeLabel);
        });
        await wb.step('Snapshot Activity lists the restore as restored', () =>
          wb
            .view('Snapshot Activity')
            .locator('.monaco-list-row')
            .filter({ hasText: new RegExp(`restored.*${c.service}`) })
            .first()
            .waitFor(),
        );
      });
    });
  }
});
