// Creating a snapshot as a person does it in the workbench: from a resource's context menu (each of the five
// services) and from the command palette, with the validated input box (every error of a value at once, the suggested
// name still offered after typing over it), the notification's Reveal in Tree selecting the new snapshot itself, and
// the same name (a SimSpace Weaver object's file name) in the notification, Snapshot Activity and the tree.
// Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issuesMessage } from '../../src/snapshots/inputSteps';
import { docdbRules, neptuneGraphRules, simSpaceWeaverRules, storageGatewayRules } from '../../src/validation';
import { neptuneRules } from '../../src/validation/neptune';
import type { ServiceInputRules } from '../../src/validation/types';
import { E2e, type Workbench } from './harness';
import { textMatcher, waitUntil } from './wait';

/** The message the input box must show for `value` in field `key`: every error the rules find, word for word. */
function expectedMessage(rules: ServiceInputRules, key: string, value: string): string {
  const field = rules.fields.find((f) => f.key === key);
  assert.ok(field, `the rules have a field ${key}`);
  const issue = issuesMessage(field.validate(value));
  assert.ok(issue, `the rules reject ${JSON.stringify(value)} for ${key}`);
  return issue.message;
}

async function callCount(e2e: E2e, service: string, operation: string): Promise<number> {
  return (await e2e.emulator.calls()).filter((c) => c.service === service && c.operation === operation).length;
}

interface ServiceCase {
  /** The service's label in the tree. */
  service: string;
  /** The emulator's service id and the create operation's name (to count create calls). */
  serviceId: string;
  createOperation: string;
  /** The demo resource (us-east-1, profile demo) to snapshot. */
  resource: string;
  /**
   * Walks the input steps after the flow opened: types an invalid value, checks the exact message, presses Enter
   * (refused: no create call), then enters valid values up to the confirm step. Returns the snapshot's name as
   * the notification and the activity view show it, and its label in the tree.
   */
  fill(
    wb: Workbench,
    refuse: (rules: ServiceInputRules, key: string, value: string) => Promise<void>,
  ): Promise<Created>;
}

interface Created {
  /** The snapshot's name in the notification, Snapshot Activity and the tree (as the tree's row label). */
  treeLabel: string | RegExp;
}

/** The name as a pattern to find inside a longer text. */
function namePattern(label: string | RegExp): string {
  return typeof label === 'string' ? escapeRegExp(label) : label.source.replace(/^\^|\$$/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** YYMMDD of today in UTC, as SimSpace Weaver snapshot file names carry it. */
function utcStamp(date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/**
 * Waits until the validation message is `message`, read as one value: typed key by key, an earlier prefix of the value
 * (`1` of `1-social`) may show the same first error with fewer others, and the message keeps changing until the
 * checks of every key arrived.
 */
async function showsMessage(wb: Workbench, message: string): Promise<void> {
  await waitUntil(
    () => wb.input.message(),
    (shown) => shown === message,
    `the message "${message}"`,
  );
}

/** Waits for input step `n` of the flow (its title ends with "(n/total)"). */
async function atStep(wb: Workbench, n: number): Promise<void> {
  await wb.step(`input step ${n}`, () => wb.input.waitFor(new RegExp(`\\(${n}/\\d+\\)`)));
}

const cases: ServiceCase[] = [
  {
    service: 'Neptune Analytics',
    serviceId: 'neptune-graph',
    createOperation: 'CreateGraphSnapshot',
    resource: 'customer-graph',
    async fill(wb, refuse) {
      await atStep(wb, 1);
      const suggested = await wb.input.value();
      assert.match(suggested, /^customer-graph-\d{8}-\d{4}$/, 'the box opens with the suggested name');
      await refuse(neptuneGraphRules, 'snapshotName', 'Bad_Name');
      await wb.step('Bad_Name: both of its errors show at once', async () => {
        const message = await wb.input.message();
        assert.match(message, /lowercase letter: 'B'.*'_' at position 4/);
      });
      await wb.step('the suggested name is still offered: its button puts it back', async () => {
        const button = wb.input
          .widget()
          .locator(`.quick-input-titlebar .action-label[aria-label*="Use suggested value: ${suggested}"]`);
        await button.waitFor();
        await button.click();
        await waitUntil(
          () => wb.input.value(),
          (v) => v === suggested,
          'the suggested name back in the box',
        );
        assert.doesNotMatch(await wb.input.message(), /names must|not allowed/, 'the suggested name is valid');
      });
      await wb.input.enter('customer-graph-e2e');
      await atStep(wb, 2);
      await wb.step('type tags', () => wb.input.enter('team=e2e, env=test'));
      return { treeLabel: 'customer-graph-e2e' };
    },
  },
  {
    service: 'DocumentDB',
    serviceId: 'docdb',
    createOperation: 'CreateDBClusterSnapshot',
    resource: 'orders-prod',
    async fill(wb, refuse) {
      await atStep(wb, 1);
      await refuse(docdbRules, 'DBClusterSnapshotIdentifier', 'orders--prod');
      await wb.input.enter('orders-prod-e2e');
      await atStep(wb, 2);
      await wb.step('type tags', () => wb.input.enter('team=e2e'));
      return { treeLabel: 'orders-prod-e2e' };
    },
  },
  {
    service: 'Neptune Database',
    serviceId: 'neptune',
    createOperation: 'CreateDBClusterSnapshot',
    resource: 'social-neptune',
    async fill(wb, refuse) {
      await atStep(wb, 1);
      await refuse(neptuneRules, 'DBClusterSnapshotIdentifier', '1-social');
      await wb.input.enter('social-neptune-e2e');
      await atStep(wb, 2);
      await wb.step('type tags', () => wb.input.enter('team=e2e'));
      return { treeLabel: 'social-neptune-e2e' };
    },
  },
  {
    service: 'Storage Gateway',
    serviceId: 'storagegateway',
    createOperation: 'CreateSnapshot',
    resource: 'vol-1122AABB',
    async fill(wb, refuse) {
      await atStep(wb, 1);
      await refuse(storageGatewayRules, 'SnapshotDescription', 'd'.repeat(256));
      await wb.input.enter('e2e volume snapshot');
      await atStep(wb, 2);
      await wb.step('type tags', () => wb.input.enter('team=e2e'));
      return { treeLabel: 'e2e volume snapshot' };
    },
  },
  {
    service: 'SimSpace Weaver',
    serviceId: 'simspaceweaver',
    createOperation: 'CreateSnapshot',
    resource: 'city-traffic',
    async fill(wb, refuse) {
      await atStep(wb, 1);
      await wb.step('choose to type a bucket name', () => wb.input.pick(/Type a bucket name/));
      await refuse(simSpaceWeaverRules, 'BucketName', 'Bad_Bucket');
      await wb.input.enter('weaver-demo-snapshots-use1');
      await atStep(wb, 3);
      await wb.step('type an object key prefix: the message shows where the snapshot goes', async () => {
        await wb.input.type('e2e');
        // AWS stamps the object with the UTC time it takes it: the flow shows the stamp's pattern, not a guess.
        await wb.input.waitForMessage(
          /s3:\/\/weaver-demo-snapshots-use1\/e2e\/snapshot\/city-traffic-YYMMdd-HHmm-ss\.zip \(YYMMdd-HHmm-ss: the UTC time/,
        );
        await wb.pressEnter();
      });
      // Written to s3://<bucket>/<prefix>/snapshot/<simulation>-<YYMMDD-HHmm-ss>.zip: the notification, Snapshot
      // Activity and the tree all name it by that file name.
      return { treeLabel: new RegExp(`^city-traffic-${utcStamp()}-\\d{4}-\\d{2}\\.zip$`) };
    },
  },
];

describe('Create Snapshot in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'snapshotExplorer.polling.initialSeconds': 1 } });
  });
  after(async () => {
    await e2e?.stop();
  });

  /** The refusal check every case runs at its first validated field. */
  function refuser(wb: Workbench, c: ServiceCase) {
    return async (rules: ServiceInputRules, key: string, value: string): Promise<void> => {
      const message = expectedMessage(rules, key, value);
      await wb.step(`type an invalid ${key}: the exact validation message shows`, async () => {
        await wb.input.type(value);
        await showsMessage(wb, message);
      });
      await wb.step('Enter on the invalid value keeps the input open and calls nothing', async () => {
        await wb.pressEnter();
        await showsMessage(wb, message);
        assert.equal(await wb.input.value(), value);
        assert.equal(await callCount(e2e, c.serviceId, c.createOperation), 0, 'no create call');
      });
    };
  }

  /** From the confirm step on: one create call, progress, one notification, the tree and the activity view. */
  async function confirmAndFollow(wb: Workbench, c: ServiceCase, created: Created): Promise<void> {
    const name = namePattern(created.treeLabel);
    await wb.step('confirm: Create snapshot', async () => {
      await wb.input.pick(/Create snapshot/);
      await wb.input.waitForClosed();
    });
    await wb.step('the status bar shows the snapshot in progress', () => wb.waitForStatusBarItem(/1 snapshot/));
    const success = new RegExp(`${c.service} snapshot .*${name}.* of ${c.resource} is available`);
    await wb.step('a notification reports success', () => wb.waitForNotification(success));
    assert.equal((await wb.notifications()).filter((n) => success.test(n)).length, 1, 'exactly one notification');
    assert.equal(await callCount(e2e, c.serviceId, c.createOperation), 1, 'exactly one create call');
    await wb.step('Reveal in Tree selects the new snapshot itself', async () => {
      await wb.clickNotificationButton(await wb.waitForNotification(success), 'Reveal in Tree');
      const selected = wb.page
        .locator('.part.sidebar .monaco-list-row[role="treeitem"].selected')
        .filter({ has: wb.page.locator('.label-name', { hasText: textMatcher(created.treeLabel) }) });
      await selected.first().waitFor();
      assert.equal(await selected.count(), 1, 'the snapshot row is the one selected');
    });
    await wb.step(`the snapshot appears under ${c.resource}`, async () => {
      const resource = await wb.tree.expandPath('demo', 'us-east-1', c.service, c.resource);
      await wb.tree.child(resource, created.treeLabel);
    });
    await wb.step('the Snapshot Activity view lists it as available', () =>
      wb
        .view('Snapshot Activity')
        .locator('.monaco-list-row')
        .filter({ hasText: new RegExp(`${name}.*available`) })
        .first()
        .waitFor(),
    );
  }

  for (const c of cases) {
    test(`${c.service}: Create Snapshot… from the context menu of ${c.resource}`, async (t) => {
      await e2e.withWorkbench(t.name, async (wb) => {
        await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
        const service = await wb.step(`expand demo / us-east-1 / ${c.service}`, () =>
          wb.tree.expandPath('demo', 'us-east-1', c.service),
        );
        await wb.step(`Create Snapshot… from the context menu of ${c.resource}`, async () => {
          await wb.tree.contextMenu(await wb.tree.child(service, c.resource), 'Create Snapshot…');
          await wb.input.waitFor(new RegExp(`${c.resource}.*\\(1/\\d+\\)`));
        });
        await confirmAndFollow(wb, c, await c.fill(wb, refuser(wb, c)));
      });
    });
  }

  test('DocumentDB: Create Snapshot… from the command palette picks profile, region, service and cluster', async (t) => {
    const c = cases.find((x) => x.serviceId === 'docdb');
    assert.ok(c);
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step('run Snapshot Explorer: Create Snapshot… from the palette', () =>
        wb.input.runCommand('Snapshot Explorer: Create Snapshot…'),
      );
      await wb.step('pick the profile demo', () => wb.input.pick('demo'));
      await wb.step('pick the region us-east-1', () => wb.input.pick('us-east-1'));
      await wb.step('pick DocumentDB', () => wb.input.pick('DocumentDB'));
      await wb.step('pick the cluster orders-prod', () => wb.input.pick('orders-prod'));
      const message = expectedMessage(docdbRules, 'DBClusterSnapshotIdentifier', 'orders--prod');
      await wb.step('type an invalid identifier: the exact validation message shows', async () => {
        await wb.input.waitFor(/orders-prod/);
        await wb.input.type('orders--prod');
        await showsMessage(wb, message);
        await wb.pressEnter();
        await showsMessage(wb, message);
        assert.equal(await callCount(e2e, c.serviceId, c.createOperation), 0, 'no create call');
      });
      await wb.step('type a valid identifier and tags', async () => {
        await wb.input.enter('orders-prod-palette');
        await wb.input.waitFor(/team=data/);
        await wb.input.enter('team=e2e');
      });
      await confirmAndFollow(wb, c, { treeLabel: 'orders-prod-palette' });
    });
  });
});
