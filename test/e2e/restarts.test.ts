// Restarts in the workbench, against the emulator: the plan language server process killed (found in the process
// list by its script, dist/server.js, among this session's processes) is started again and the open plan's problems
// come back; after more crashes than the policy allows one notification says it stopped, and its Restart brings the
// problems back. A window reloaded ("Developer: Reload Window") while a snapshot is in flight ends it once, with one
// notification, without a second create call. Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { firstIssue } from '../../src/snapshots/inputSteps';
import { neptuneGraphRules } from '../../src/validation';
import { E2e, waitUntil, type Workbench } from './harness';

const planFile = 'crash.snapshots.yaml';
const badName = 'Bad_Name';
const plan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: neptune-graph',
  '    resource: customer-graph',
  `    name: ${badName}`,
  '',
].join('\n');

function nameRuleMessage(value: string): string {
  const field = neptuneGraphRules.fields.find((f) => f.key === 'snapshotName');
  const issue = field && firstIssue(field.validate(value));
  assert.ok(issue, `the Neptune Analytics rules reject ${value}`);
  return issue.message;
}

/** The pids of this session's plan servers: `dist/server.js` processes whose environment names its AWS config. */
function planServerPids(configFile: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!/dist\/server\.js/.test(cmdline)) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(`AWS_CONFIG_FILE=${configFile}`)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

describe('Restarts in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'snapshotExplorer.polling.initialSeconds': 1 } });
  });
  after(async () => {
    await e2e?.stop();
  });

  /** Kills the running plan server and waits for the client to start a new one; returns the new pid. */
  async function crash(wb: Workbench, configFile: string, expectRestart: boolean): Promise<number | undefined> {
    const [pid] = await waitUntil(
      async () => planServerPids(configFile),
      (p) => p.length === 1,
      'one plan server',
    );
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    if (!expectRestart) {
      await waitUntil(
        async () => planServerPids(configFile),
        (p) => p.length === 0,
        'the plan server to be gone',
      );
      return undefined;
    }
    const [next] = await waitUntil(
      async () => planServerPids(configFile),
      (p) => p.length === 1 && p[0] !== pid,
      'a new plan server',
    );
    await wb.screenshot(`restarted after killing ${pid}`);
    return next;
  }

  test('a killed plan server restarts and the problems come back; after 5 crashes it says so once and Restart works', async (t) => {
    const configFile = e2e.session.awsFiles?.configFile;
    assert.ok(configFile);
    e2e.writeWorkspaceFile(planFile, plan);
    const message = nameRuleMessage(badName);
    await e2e.withWorkbench(t.name, async (wb) => {
      try {
        await crashScenario(wb, configFile, message);
      } catch (error) {
        // What the client and the server said, for the failure report.
        const log = (await e2e.extensionLog(wb)).split('\n').filter((l) => /plan|server|client/i.test(l));
        console.error(log.slice(-40).join('\n'));
        throw error;
      }
    });
  });

  async function crashScenario(wb: Workbench, configFile: string, message: string): Promise<void> {
    await wb.step(`open ${planFile}: the Problems panel shows the bad name`, async () => {
      await wb.editor.openFile(planFile);
      await wb.editor.waitForProblem(message);
    });
    await wb.step('kill the plan server: a new one starts and the problem is back', async () => {
      await crash(wb, configFile, true);
      await wb.editor.waitForProblem(message);
    });
    await wb.step('the new server checks edits: fixing the name clears the problem', async () => {
      await wb.editor.goToLineEnd(7);
      await wb.editor.deleteBack(badName.length);
      await wb.editor.type('customer-graph-ok');
      await wb.editor.waitForProblemGone(message);
      await wb.editor.deleteBack('customer-graph-ok'.length);
      await wb.editor.type(badName);
      await wb.editor.waitForProblem(message);
    });
    await wb.step('three more crashes are restarted quietly', async () => {
      for (let i = 0; i < 3; i++) await crash(wb, configFile, true);
      assert.deepEqual(
        (await wb.notifications()).filter((n) => /plan server/i.test(n)),
        [],
        'no notification while it restarts',
      );
    });
    const toast = await wb.step('the fifth crash in 3 minutes: one notification says it stopped', async () => {
      await crash(wb, configFile, false);
      return wb.waitForNotification(/snapshot plan server crashed 5 times in 3 minutes and was not restarted/);
    });
    assert.equal((await wb.notifications()).filter((n) => /plan server/i.test(n)).length, 1);
    await wb.step('Restart: a new server runs, the problem is back, and a fix clears it', async () => {
      await wb.clickNotificationButton(toast, 'Restart');
      await waitUntil(
        async () => planServerPids(configFile),
        (p) => p.length === 1,
        'the restarted plan server',
      );
      await wb.editor.waitForProblem(message);
      // It is the new server that answers: a fix clears the problem.
      await wb.editor.goToLineEnd(7);
      await wb.editor.deleteBack(badName.length);
      await wb.editor.type('customer-graph-ok');
      await wb.editor.waitForProblemGone(message);
    });
  }

  test('a snapshot in flight when the window reloads ends once, with one notification and one create call', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step('Create Snapshot… of orders-prod from the palette', async () => {
        await wb.input.runCommand('Snapshot Explorer: Create Snapshot…');
        await wb.input.pick('demo');
        await wb.input.pick('us-east-1');
        await wb.input.pick('DocumentDB');
        await wb.input.pick('orders-prod');
        await wb.input.waitFor(/orders-prod/);
        await wb.input.enter('orders-prod-reload');
        await wb.input.waitFor(/team=data/);
        await wb.input.enter('team=e2e');
        await wb.input.pick(/Create snapshot/);
        await wb.input.waitForClosed();
      });
      await wb.step('the status bar shows it in progress', () => wb.waitForStatusBarItem(/1 snapshot/));
      await wb.step('Developer: Reload Window', async () => {
        const reloaded = wb.page.waitForEvent('load', { timeout: 60_000 });
        await wb.input.runCommand('Developer: Reload Window');
        await reloaded;
        await wb.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
        await wb.activityBarIcon('Snapshot Explorer').waitFor({ timeout: 60_000 });
      });
      const success = /DocumentDB snapshot .*orders-prod-reload.* of orders-prod is available/;
      await wb.step('the reloaded window reports it once', () => wb.waitForNotification(success));
      await wb.step('the Snapshot Activity view lists it as available', async () => {
        // The reloaded window restores its side bar: open the view container only when it is not shown.
        const shown = wb.page.locator('.part.sidebar .composite.title h2').filter({ hasText: /Snapshot Explorer/i });
        if (!(await shown.isVisible())) await wb.openViewContainer('Snapshot Explorer');
        await wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: /orders-prod-reload.*available/ })
          .first()
          .waitFor();
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // more polls: still one notification
      assert.equal((await wb.notifications()).filter((n) => success.test(n)).length, 1, 'exactly one notification');
      const creates = (await e2e.emulator.calls()).filter((c) => c.operation === 'CreateDBClusterSnapshot');
      assert.equal(creates.length, 1, 'exactly one create call');
    });
  });
});
