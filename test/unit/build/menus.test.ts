// package.json's item menus: every inline action of a tree or Snapshot Activity row is also in that row's context
// menu (keyboard users reach it there with Shift+F10), shown for every row the inline button shows on. Checked on the
// context values the rows really carry (the tree's describe, Snapshot Activity's tree items) with a small evaluator of
// the `when` clauses the menus use (`view == …`, `viewItem =~ /…/`, `&&`).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { services } from '../../../src/services/registry';
import type { Resource, SnapshotService } from '../../../src/services/service';
import type { Operation, OperationKind, OperationState } from '../../../src/snapshots/operation';
import type { Tracker } from '../../../src/snapshots/tracker';
import { describeNode, type DescribeState } from '../../../src/tree/model/describe';
import {
  errorNode,
  loadMoreNode,
  placeholderNode,
  profileNode,
  regionNode,
  resourceNode,
  serviceNode,
  snapshotNode,
  type ExplorerNode,
} from '../../../src/tree/model/nodes';
import { resource, snapshot } from '../../support/fakeService';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

const root = join(import.meta.dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]> };
};
const itemMenu = manifest.contributes.menus['view/item/context'] ?? [];

/** Whether `when` holds for a row of `view` with context value `viewItem`. Fails on a clause it cannot read. */
function holds(when: string | undefined, view: string, viewItem: string): boolean {
  if (!when) return true;
  return when.split('&&').every((raw) => {
    const clause = raw.trim();
    const equals = /^view\s*==\s*(\S+)$/.exec(clause);
    if (equals) return equals[1] === view;
    const matches = /^viewItem\s*=~\s*\/(.*)\/([a-z]*)$/.exec(clause);
    if (matches) return new RegExp(matches[1]!, matches[2]).test(viewItem);
    assert.fail(`the test cannot read the when clause "${clause}"`);
  });
}

const describeState = {
  isInProgress: () => false,
  isLoadingMore: () => false,
  serviceCounts: () => undefined,
  filter: '',
  snapshotTags: () => ({ kind: 'unread' }),
} as DescribeState;

/** A row of every kind and state, for every registered service. */
function treeRows(): ExplorerNode[] {
  const profile = profileNode({ name: 'demo', kind: 'static' });
  const broken = profileNode({ name: 'broken', kind: 'static', error: 'malformed' });
  const region = regionNode(profile, 'us-east-1');
  const rows: ExplorerNode[] = [profile, broken, region];
  const reasons: Resource['snapshottable'][] = [{ ok: true }, { ok: false, reason: 'stopped' }];
  for (const service of services as readonly SnapshotService[]) {
    const svc = serviceNode(region, service);
    rows.push(svc, serviceNode(regionNode(profile, 'ap-south-2'), service), loadMoreNode(svc, 't'));
    for (const snapshottable of reasons) {
      const res = resourceNode(svc, resource(`r-${service.id}`, { service: service.id, snapshottable, arn: 'arn:x' }));
      rows.push(res, placeholderNode(res, 'No snapshots'));
      for (const state of ['creating', 'available', 'failed', 'deleting', 'unknown'] as const) {
        rows.push(
          snapshotNode(res, snapshot(`s-${state}`, state, { arn: state === 'available' ? 'arn:s' : undefined })),
        );
      }
    }
    rows.push(resourceNode(svc, resource('#unattached', { service: service.id, unattached: true })));
  }
  for (const reauthenticate of [false, true]) {
    rows.push(errorNode(region, { message: 'm', kind: 'other', reauthenticate }, 'Could not list'));
  }
  return rows;
}

async function activityRows(): Promise<string[]> {
  const { ActivityTreeProvider } = await import('../../../src/ui/activityView');
  const tracker = {
    operations: () => [],
    running: () => [],
    onDidChange: () => ({ dispose: () => undefined }),
  } as unknown as Tracker;
  const provider = new ActivityTreeProvider(tracker, (id) => id);
  const values: string[] = [];
  const states: OperationState[] = ['requested', 'running', 'succeeded', 'failed', 'cancelled'];
  const kinds: OperationKind[] = ['create', 'restore', 'delete', 'copy'];
  for (const state of states)
    for (const kind of kinds)
      for (const snapshotId of [undefined, 'snap-1']) {
        const op: Operation = {
          id: `${state}-${kind}`,
          kind,
          service: 'docdb',
          profile: 'demo',
          region: 'us-east-1',
          resourceId: 'r',
          resourceName: 'r',
          snapshotName: 's',
          ...(snapshotId ? { snapshotId } : {}),
          startedAt: 0,
          state,
          input: { values: {}, tags: [] },
          requestKey: 'k',
        };
        values.push(String((provider.getTreeItem(op) as { contextValue?: string }).contextValue));
      }
  provider.dispose();
  return values;
}

/** The inline actions (with the row they show on) that the context menu of that row lacks. */
function gaps(menu: readonly MenuEntry[], rows: ReadonlyArray<readonly [string, string]>): string[] {
  const missing: string[] = [];
  for (const button of menu.filter((entry) => entry.group?.startsWith('inline'))) {
    const inMenu = menu.filter((e) => e.command === button.command && !e.group?.startsWith('inline'));
    let shown = 0;
    for (const [view, value] of rows) {
      if (!holds(button.when, view, value)) continue;
      shown++;
      if (!inMenu.some((e) => holds(e.when, view, value))) missing.push(`${button.command} on "${value}"`);
    }
    // A row kind the samples lack (a node kind added since): a row carrying the words its `when` names stands in.
    if (shown === 0) {
      const view = /view\s*==\s*(\S+)/.exec(button.when ?? '')?.[1] ?? '';
      const words = [...(button.when ?? '').matchAll(/\/(.*?)\//g)].flatMap(
        (m) => m[1]!.replace(/\\b/g, ' ').match(/[A-Za-z][\w-]*/g) ?? [],
      );
      const value = words.join(' ');
      assert.ok(holds(button.when, view, value), `a stand-in row for ${button.command}: "${value}"`);
      if (!inMenu.some((e) => holds(e.when, view, value))) missing.push(`${button.command} on "${value}"`);
    }
  }
  return missing;
}

async function sampleRows(): Promise<Array<[string, string]>> {
  return [
    ...treeRows().map((node): [string, string] => [
      'snapshotExplorer.resources',
      describeNode(node, describeState).contextValue,
    ]),
    ...(await activityRows()).map((value): [string, string] => ['snapshotExplorer.activity', value]),
  ];
}

test('every inline action of a row is also in its context menu, shown wherever the button shows', async () => {
  assert.ok(itemMenu.filter((e) => e.group?.startsWith('inline')).length >= 5, 'the menus have inline actions');
  assert.deepEqual(
    gaps(itemMenu, await sampleRows()),
    [],
    'inline actions missing from the context menu of these rows',
  );
});

test('the check finds an inline action missing from a context menu, or shown there on fewer rows', async () => {
  const rows = await sampleRows();
  const retry = 'snapshotExplorer.retryOperation';
  const failedCreate = 'view == snapshotExplorer.activity && viewItem =~ /^snapshotOperation\\.failed\\.create\\b/';
  const inlineOnly: MenuEntry[] = [{ command: retry, when: failedCreate, group: 'inline@1' }];
  assert.match(gaps(inlineOnly, rows)[0] ?? '', /retryOperation on "snapshotOperation\.failed\.create/);
  const narrower: MenuEntry[] = [
    ...inlineOnly,
    { command: retry, when: `${failedCreate} && viewItem =~ /\\.hasId\\b/`, group: '3_operation@1' },
  ];
  assert.deepEqual(gaps(narrower, rows), ['snapshotExplorer.retryOperation on "snapshotOperation.failed.create"']);
  const same: MenuEntry[] = [...inlineOnly, { command: retry, when: failedCreate, group: '3_operation@1' }];
  assert.deepEqual(gaps(same, rows), []);
});

test('the evaluator reads the clauses the menus use', () => {
  assert.equal(holds('view == a && viewItem =~ /\\bx\\b/', 'a', 'y x'), true);
  assert.equal(holds('view == a && viewItem =~ /\\bx\\b/', 'a', 'xy'), false);
  assert.equal(holds('view == a', 'b', 'x'), false);
  assert.equal(holds(undefined, 'b', 'x'), true);
});
