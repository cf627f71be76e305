import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clampPageSize, formatBytes, newestFirst, toDate } from '../../../src/services/common';
import { regionName } from '../../../src/services/regions';
import { allRegions, serviceById, services } from '../../../src/services/registry';

describe('service registry', () => {
  it('holds the five services under their fixed ids, each findable by id', () => {
    assert.deepEqual(
      services.map((s) => s.id),
      ['neptune-graph', 'storagegateway', 'docdb', 'simspaceweaver', 'neptune'],
    );
    for (const s of services) assert.equal(serviceById(s.id), s);
    assert.equal(serviceById('nope'), undefined);
  });

  it('gives every service a label, nouns, an icon, a create operation and input rules', () => {
    for (const s of services) {
      assert.ok(s.label && s.icon && s.createOperation, s.id);
      assert.match(s.resourceNoun.one, /^[a-z]+$/);
      assert.match(s.resourceNoun.many, /^[a-z]+$/);
      assert.ok(s.rules.fields.length > 0, `${s.id} has input fields`);
    }
  });

  it('gives every service what the create flow and the error explanations ask it for', () => {
    for (const s of services) {
      assert.match(s.resourceParameter ?? '', /^[A-Za-z]+$/, `${s.id} names its resource parameter`);
      assert.match(s.iamActions?.create ?? '', /^[a-z-]+:Create[A-Za-z]+$/, `${s.id} names its create IAM action`);
      assert.ok(s.explainError, `${s.id} explains its modeled errors`);
      const unique = s.uniqueName?.field;
      if (unique)
        assert.ok(
          s.rules.fields.some((f) => f.key === unique),
          `${s.id}: ${unique} is one of its fields`,
        );
      const kinds = s.rules.fields.map((f) => f.kind);
      assert.equal(new Set(kinds).size, kinds.length, `${s.id}: one field per kind`);
    }
  });

  it('lists every region where a service is offered, once, and only those', () => {
    assert.equal(new Set(allRegions).size, allRegions.length);
    for (const region of allRegions)
      assert.ok(
        services.some((s) => s.isOfferedIn(region)),
        region,
      );
    for (const s of services) for (const r of s.regions ?? []) assert.ok(allRegions.includes(r), `${s.id} ${r}`);
    assert.equal(allRegions[0], 'us-east-1');
    assert.equal(regionName('eu-west-1'), 'Europe (Ireland)');
  });

  it('links each service to the console of the region asked for', () => {
    const resource = {
      service: 'x',
      id: 'arn:aws:storagegateway:eu-west-1:1:gateway/sgw-1/volume/vol-1',
      name: 'r',
      status: 'AVAILABLE',
      summary: '',
      snapshottable: { ok: true as const },
      details: [],
    };
    for (const s of services)
      assert.match(
        s.consoleUrl('eu-west-1', resource),
        /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/.*region=eu-west-1/,
      );
  });
});

describe('service helpers', () => {
  it('bounds page sizes to what the API accepts', () => {
    assert.equal(clampPageSize(undefined, 20, 100), 100);
    assert.equal(clampPageSize(5, 20, 100), 20);
    assert.equal(clampPageSize(500, 20, 100), 100);
    assert.equal(clampPageSize(50.7, 20, 100), 50);
  });

  it('sorts newest first and keeps undated items last in their order', () => {
    const items = [{ n: 1 }, { n: 2, createdAt: new Date(1) }, { n: 3 }, { n: 4, createdAt: new Date(5) }];
    assert.deepEqual(
      newestFirst(items).map((i) => i.n),
      [4, 2, 1, 3],
    );
  });

  it('reads dates and sizes defensively', () => {
    assert.equal(toDate('not a date'), undefined);
    assert.equal(toDate(undefined), undefined);
    assert.equal(toDate(1_700_000_000)?.toISOString(), '2023-11-14T22:13:20.000Z');
    assert.equal(formatBytes(1024 ** 3), '1 GiB');
    assert.equal(formatBytes(1.5 * 1024 ** 4), '1.5 TiB');
    assert.equal(formatBytes(undefined), undefined);
  });
});
