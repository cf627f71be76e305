// A snapshot's tooltip says each fact once: its progress (not again from the service's own Progress row) and its
// creation time in the one date format (src/dates.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DescribeState } from '../../../src/tree/model/describeParts';
import { describeSnapshot } from '../../../src/tree/model/describeSnapshot';
import type { SnapshotNode } from '../../../src/tree/model/nodes';
import type { ResourceTarget } from '../../../src/services/service';
import { fakeService, resource, snapshot } from '../../support/fakeService';

const state = { snapshotTags: () => ({ kind: 'known', tags: [] }) } as unknown as DescribeState;

function node(progress: number, details: ReadonlyArray<readonly [string, string]>): SnapshotNode {
  const target: ResourceTarget = {
    profile: 'demo',
    region: 'us-east-1',
    service: fakeService({ id: 'docdb' }),
    resource: resource('orders'),
  };
  return {
    kind: 'snapshot',
    id: 'snap',
    target,
    snapshot: snapshot('orders-1', 'available', {
      progress,
      createdAt: new Date(Date.UTC(2026, 11, 2, 3, 36, 1)),
      details,
    }),
  } as unknown as SnapshotNode;
}

test('the tooltip shows the progress once, even when the service’s details have a Progress row', () => {
  const view = describeSnapshot(
    node(100, [
      ['Progress', '100%'],
      ['Engine', 'docdb 5.0'],
    ]),
    state,
  );
  const tooltip = view.tooltip ?? '';
  assert.equal(tooltip.split('Progress').length - 1, 1, tooltip);
  assert.match(tooltip, /Engine/);
});

test('the tooltip and the row show the creation time in the one format', () => {
  const view = describeSnapshot(node(100, []), state);
  assert.match(view.tooltip ?? '', /2026\\-12\\-02 03:36 UTC/);
  assert.match(view.description ?? '', /2026-12-02 03:36 UTC/);
});
