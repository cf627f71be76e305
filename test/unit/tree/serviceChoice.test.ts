// The pure rules behind the tree's organisation: the services setting per profile, the sort order's stored value, and
// which services count as unreachable in every region of a profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { services } from '../../../src/services/registry';
import {
  chosenServiceIds,
  parseServicesSetting,
  servicesFor,
  withoutService,
  withServices,
} from '../../../src/tree/model/serviceChoice';
import { unreachableServices, type RegionState } from '../../../src/tree/model/serviceReach';
import { parseSortOrder, sortOrders } from '../../../src/tree/model/treeOrder';
import { FakeService } from '../../support/fakeService';

const all = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((s) => s.id);

test('services per profile: its own entry, else `*`, else all; registry order kept; unknown ids ignored', () => {
  assert.deepEqual(ids(servicesFor('dev', undefined, all)), ['a', 'b', 'c']);
  assert.deepEqual(ids(servicesFor('dev', {}, all)), ['a', 'b', 'c']);
  assert.deepEqual(ids(servicesFor('dev', { '*': ['c', 'a', 'zzz'] }, all)), ['a', 'c']);
  assert.deepEqual(ids(servicesFor('dev', { '*': ['c'], dev: ['b'] }, all)), ['b']);
  assert.deepEqual(ids(servicesFor('dev', { '*': ['c'], dev: [] }, all)), []);
  assert.deepEqual(ids(servicesFor('ops', { dev: ['b'] }, all)), ['a', 'b', 'c']);
  assert.deepEqual(chosenServiceIds('*', { '*': ['c'] }), ['c']);
  assert.equal(chosenServiceIds('dev', { constructor: ['a'] } as never), undefined, 'only own keys count');
});

test('the setting as VS Code holds it: string arrays kept (deduplicated), anything else dropped', () => {
  assert.deepEqual(parseServicesSetting(undefined), {});
  assert.deepEqual(parseServicesSetting(['a']), {});
  assert.deepEqual(parseServicesSetting({ '*': ['a', 'a', 3, 'b'], dev: 'a', ops: [] }), { '*': ['a', 'b'], ops: [] });
});

test('choosing services for a profile or `*` keeps the other entries; hiding one starts from what the profile shows', () => {
  const current = { '*': ['a', 'b'], ops: ['c'] };
  assert.deepEqual(withServices(current, 'dev', ['b', 'b']), { '*': ['a', 'b'], ops: ['c'], dev: ['b'] });
  assert.deepEqual(current, { '*': ['a', 'b'], ops: ['c'] }, 'a new object');
  const known = ['a', 'b', 'c'];
  assert.deepEqual(withoutService({}, {}, 'dev', 'b', known), { dev: ['a', 'c'] });
  assert.deepEqual(withoutService(current, current, 'dev', 'a', known), { '*': ['a', 'b'], ops: ['c'], dev: ['b'] });
  // A workspace value in force is the starting point, but only the profile's entry is written to the user value.
  assert.deepEqual(withoutService({ '*': ['a', 'c'] }, { ops: ['c'] }, 'dev', 'c', known), { ops: ['c'], dev: ['a'] });
});

test('package.json offers exactly the registry service ids in snapshotExplorer.services, default {}', () => {
  const manifest = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as {
    contributes: {
      configuration: {
        properties: Record<string, { default?: unknown; additionalProperties?: { items?: { enum?: string[] } } }>;
      };
    };
  };
  const property = manifest.contributes.configuration.properties['snapshotExplorer.services'];
  assert.ok(property);
  assert.deepEqual(property.default, {});
  assert.deepEqual(property.additionalProperties?.items?.enum, ids(services));
});

test('the stored sort order: a known value, else newest first', () => {
  assert.deepEqual(sortOrders, ['newest', 'oldest', 'name']);
  assert.equal(parseSortOrder('name'), 'name');
  assert.equal(parseSortOrder('oldest'), 'oldest');
  assert.equal(parseSortOrder('sideways'), 'newest');
  assert.equal(parseSortOrder(undefined), 'newest');
});

test('unreachable in every region where offered; a region not loaded yet, or one answer, keeps it reachable', () => {
  const weaver = new FakeService('simspaceweaver');
  const graphs = new FakeService('neptune-graph');
  const gone = { error: 'gone' };
  const other = { error: 'throttled' };
  const isGone = (e: unknown) => e === 'gone';
  const region = (name: string, states: RegionState['services']): RegionState => ({ region: name, services: states });
  const both = (w: { error: unknown } | undefined, g: { error: unknown } | undefined = undefined) => [
    { service: weaver, offered: true, ...(w ? { firstFailure: w } : {}) },
    { service: graphs, offered: true, ...(g ? { firstFailure: g } : {}) },
  ];
  const found = unreachableServices([region('us-east-1', both(gone)), region('eu-west-1', both(gone, other))], isGone);
  assert.deepEqual(
    found.map((u) => [u.service.id, u.regions, u.error]),
    [['simspaceweaver', ['us-east-1', 'eu-west-1'], 'gone']],
  );
  assert.deepEqual(
    unreachableServices([region('us-east-1', both(gone)), region('eu-west-1', both(undefined))], isGone),
    [],
  );
  assert.deepEqual(unreachableServices([region('us-east-1', both(gone)), region('eu-west-1', undefined)], isGone), []);
  assert.deepEqual(unreachableServices([], isGone), []);
  const notOfferedThere = [region('us-east-1', both(gone)), region('eu-west-1', [{ service: weaver, offered: false }])];
  assert.deepEqual(
    unreachableServices(notOfferedThere, isGone).map((u) => u.regions),
    [['us-east-1']],
  );
  assert.deepEqual(unreachableServices([region('eu-west-1', [{ service: weaver, offered: false }])], isGone), []);
});
