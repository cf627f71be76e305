// The README's six screenshots (docs/screenshots/*.png), taken from the end-to-end run on the newest VS Code: the
// demo is driven to each state the README shows (the tree, a name refused as typed, a snapshot in progress, the
// finished snapshot, the restore's review, a plan with a bad name), each state asserted, then captured as the whole
// 1280×800 window. Every run leaves them under test-results/e2e/vscode-<version>/; only with
// UPDATE_README_SCREENSHOTS=1 (`npm run screenshots`) are they copied over docs/screenshots/, and only when all six
// were taken, so `npm test` never changes the repository and a failed run changes nothing. On the lowest VS Code
// the file is skipped: the images show the newest, and the other scenario files cover the same states there.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectRoot } from '../../scripts/e2e/demoSession';
import { targetFromEnv } from '../../scripts/e2e/vscodeTargets.mjs';
import { firstIssue, issuesMessage } from '../../src/snapshots/inputSteps';
import { neptuneGraphRules } from '../../src/validation';
import { E2e, waitUntil, type Workbench } from './harness';

/** The README's images, by file name (docs/screenshots/<name>.png), in the order the README shows them. */
const imageNames = ['tree', 'validation', 'progress', 'activity', 'restore', 'plan'] as const;
type ImageName = (typeof imageNames)[number];

const updateVariable = 'UPDATE_README_SCREENSHOTS';
const screenshotsDir = path.join(projectRoot, 'docs', 'screenshots');
/** The window size of every README image (the harness's viewport). */
const imageSize = { width: 1280, height: 800 };

const snapshotName = 'customer-graph-before-release';
const planFile = 'release.snapshots.yaml';
/** Line 7 ends with the first entry's name, the value the plan scenario breaks. */
const plan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: neptune-graph',
  '    resource: customer-graph',
  '    name: customer-graph-plan',
  '  - service: docdb',
  '    resource: orders-prod',
  '    name: orders-prod-plan',
  '',
].join('\n');

/** The message the Neptune Analytics rules give `value` as a snapshot name: every error, or only the first. */
function nameMessage(value: string, every: boolean): string {
  const field = neptuneGraphRules.fields.find((f) => f.key === 'snapshotName');
  assert.ok(field, 'the Neptune Analytics rules have a snapshot name');
  const issue = every ? issuesMessage(field.validate(value)) : firstIssue(field.validate(value));
  assert.ok(issue, `the Neptune Analytics rules reject ${value}`);
  return issue.message;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The quick input's "(n/total)" now. */
async function stepOf(wb: Workbench): Promise<{ step: number; total: number }> {
  const title = await wb.input.widget().locator('.quick-input-title').innerText();
  const match = /\((\d+)\/(\d+)\)/.exec(title);
  return { step: Number(match?.[1] ?? 0), total: Number(match?.[2] ?? 0) };
}

/**
 * Drags the sash above the Snapshot Activity view down until the view's header is at `top` (no-op when it is already
 * there or lower), as a person makes room for a tree: the Resources view then shows every row without a scroll bar.
 */
async function lowerActivityView(wb: Workbench, top: number): Promise<void> {
  const header = wb.view('Snapshot Activity').locator('.pane-header');
  const start = (await header.boundingBox())?.y ?? 0;
  if (start >= top - 10) return;
  const sashes = await wb.page.locator('.part.sidebar .monaco-sash.horizontal').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
    }),
  );
  const sash = sashes.filter((box) => box.width > 0).sort((a, b) => Math.abs(a.y - start) - Math.abs(b.y - start))[0];
  assert.ok(sash && Math.abs(sash.y - start) < 10, 'a sash at the top of Snapshot Activity');
  await wb.page.mouse.move(sash.x, sash.y);
  await wb.page.mouse.down();
  await wb.page.mouse.move(sash.x, sash.y + top - start, { steps: 5 });
  await wb.page.mouse.up();
  await wb.parkMouse();
  await waitUntil(
    async () => (await header.boundingBox())?.y ?? 0,
    (y) => y >= top - 10,
    `the Snapshot Activity view to start at ${top} px`,
  );
}

const target = targetFromEnv();
const skip =
  target.id === 'newest'
    ? false
    : `the README's screenshots are taken on the newest VS Code only (E2E_VSCODE=${target.id}); nothing is written`;

describe("the README's screenshots, from the demo", { skip }, () => {
  let e2e: E2e;
  /** Each image taken so far: its screenshot under test-results/. */
  const shots = new Map<ImageName, string>();
  before(async () => {
    e2e = await E2e.start();
  });
  after(async () => {
    await e2e?.stop();
  });

  /** Saves the window now as the README image `name` (under test-results/ until the last test copies it). */
  async function capture(wb: Workbench, name: ImageName): Promise<void> {
    shots.set(name, await wb.screenshot(`readme-${name}`));
  }

  async function expandedDemoGraphs(wb: Workbench): Promise<void> {
    await wb.step('open the view, with room for the whole tree', async () => {
      await wb.openViewContainer('Snapshot Explorer');
      await lowerActivityView(wb, 520);
    });
    await wb.step('expand demo / us-east-1 / Neptune Analytics', () =>
      wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics'),
    );
  }

  test('tree: profiles, regions, services, graphs and their snapshots', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await expandedDemoGraphs(wb);
      await wb.step('customer-graph lists its snapshots; every service of us-east-1 shows its count', async () => {
        const graph = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'customer-graph');
        await wb.tree.child(graph, 'customer-graph-2025-07-01');
        await wb.tree.child(graph, 'customer-graph-2025-06-01');
        await waitUntil(
          async () => (await wb.tree.readRows()).filter((row) => row.level === 3),
          (services) => services.length === 5 && services.every((row) => /^\d+\+? \w+/.test(row.description)),
          'the five services of us-east-1 with their counts',
        );
        await wb.parkMouse();
        await capture(wb, 'tree');
      });
    });
  });

  test('restore: the exact request, before restoring', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await expandedDemoGraphs(wb);
      await wb.step('Restore Snapshot… from the context menu of customer-graph-2025-07-01', async () => {
        const graph = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'customer-graph');
        await wb.tree.contextMenu(await wb.tree.child(graph, 'customer-graph-2025-07-01'), 'Restore Snapshot…');
        await wb.input.waitFor(/Restore .* Snapshot: .*\(1\/\d+\)/);
      });
      await wb.step('name the new graph, accept every default up to the review', async () => {
        await wb.input.enter('customer-graph-restored');
        await waitUntil(
          () => stepOf(wb),
          (s) => s.step === 2,
          'the step after the name',
        );
        for (;;) {
          const { step, total } = await stepOf(wb);
          if (step >= total) break;
          await wb.pressEnter();
          await waitUntil(
            () => stepOf(wb),
            (s) => s.step === step + 1,
            `step ${step + 1}`,
          );
        }
      });
      await wb.step('the review shows the exact RestoreGraphFromSnapshot request', async () => {
        const rows = wb.input.widget().locator('.monaco-list-row');
        await rows.filter({ hasText: 'RestoreGraphFromSnapshot' }).first().waitFor();
        await rows.filter({ hasText: 'customer-graph-restored' }).first().waitFor();
        await capture(wb, 'restore');
      });
      await wb.step('Escape: nothing is restored', async () => {
        await wb.page.keyboard.press('Escape');
        await wb.input.waitForClosed();
      });
      const restores = (await e2e.emulator.calls()).filter((c) => c.operation === 'RestoreGraphFromSnapshot');
      assert.equal(restores.length, 0, 'the review sends nothing');
    });
  });

  test('plan: a snapshot plan with a bad name', async (t) => {
    e2e.writeWorkspaceFile(planFile, plan);
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step(`open ${planFile}`, () => wb.editor.openFile(planFile));
      await wb.step('type Bad_Name as the first name: the Problems panel says why', async () => {
        await wb.editor.goToLineEnd(7);
        await wb.editor.deleteBack('customer-graph-plan'.length);
        await wb.editor.type('Bad_Name');
        await wb.editor.waitForProblem(nameMessage('Bad_Name', false));
        await capture(wb, 'plan');
      });
    });
  });

  test('create: the name checked as you type, the snapshot in progress, then finished', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await expandedDemoGraphs(wb);
      await wb.step('Create Snapshot… from the context menu of customer-graph', async () => {
        const service = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics');
        await wb.tree.contextMenu(await wb.tree.child(service, 'customer-graph'), 'Create Snapshot…');
        await wb.input.waitFor(/customer-graph.*\(1\/\d+\)/);
      });
      await wb.step('type Bad_Name: every error shows, and Enter does nothing', async () => {
        const message = nameMessage('Bad_Name', true);
        await wb.input.type('Bad_Name');
        await waitUntil(
          () => wb.input.message(),
          (shown) => shown === message,
          `the message "${message}"`,
        );
        await wb.pressEnter();
        assert.equal(await wb.input.message(), message);
        assert.equal((await stepOf(wb)).step, 1, 'still at the name');
        await capture(wb, 'validation');
      });
      await wb.step(`name it ${snapshotName}, tag it, confirm`, async () => {
        await wb.input.enter(snapshotName);
        await wb.input.waitFor(/\(2\/\d+\)/);
        await wb.input.enter('team=data, env=prod');
        await wb.input.pick(/Create snapshot/);
        await wb.input.waitForClosed();
      });
      await wb.step('the status bar, a progress notification and Snapshot Activity show it in flight', async () => {
        await wb.waitForStatusBarItem(/1 snapshot/);
        await wb.waitForNotification(new RegExp(`${snapshotName} of customer-graph: CREATING`));
        await wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: /creating/ })
          .first()
          .waitFor();
        await wb.parkMouse();
        await capture(wb, 'progress');
      });
      const done = new RegExp(`Neptune Analytics snapshot ${snapshotName} of customer-graph is available`);
      await wb.step('one notification reports it; the tree and Snapshot Activity show it available', async () => {
        await wb.waitForNotification(done);
        const graph = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'customer-graph');
        await wb.tree.child(graph, snapshotName);
        await wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: new RegExp(`${snapshotName}.*available`) })
          .first()
          .waitFor();
        assert.equal((await wb.notifications()).filter((n) => done.test(n)).length, 1, 'one notification');
        await wb.parkMouse();
        await capture(wb, 'activity');
      });
      const creates = (await e2e.emulator.calls()).filter((c) => c.operation === 'CreateGraphSnapshot');
      assert.equal(creates.length, 1, 'one create call: Bad_Name was never sent');
    });
  });

  test(`all six images were taken at ${imageSize.width}×${imageSize.height}; ${updateVariable}=1 writes them to docs/screenshots/`, () => {
    const missing = imageNames.filter((name) => !shots.has(name));
    assert.deepEqual(missing, [], 'every README image was taken (a failed scenario above left one out)');
    for (const name of imageNames) assert.deepEqual(pngSize(shots.get(name) ?? ''), imageSize, `${name}.png`);
    if (process.env[updateVariable] !== '1') return;
    for (const name of imageNames) {
      const file = path.join(screenshotsDir, `${name}.png`);
      copyFileSync(shots.get(name) ?? '', file);
      console.error(`[e2e] wrote ${path.relative(projectRoot, file)}`);
    }
  });
});
