import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyDocsFor } from '../../../src/plans/keyDocs';
import { docdb, gateway, neptune, weaver } from '../../support/fakePlanServices';

test('the key docs name the services that take each key, from the services passed in', () => {
  const docs = keyDocsFor([neptune, gateway, docdb, weaver]);
  assert.equal(docs.service, 'The service: `neptune-graph`, `storagegateway`, `docdb` or `simspaceweaver`.');
  assert.match(
    docs.resource ?? '',
    /\(a Neptune Analytics graph, a Storage Gateway volume, .*a SimSpace Weaver simulation\)/,
  );
  assert.match(docs.name ?? '', /^The snapshot name \(Neptune Analytics, DocumentDB\): a template/);
  assert.match(docs.description ?? '', /^The snapshot description \(Storage Gateway\)/);
  assert.match(
    docs.bucket ?? '',
    /SimSpace Weaver writes the snapshot to \(it must exist in the simulation’s region\)/,
  );
  assert.match(docs.prefix ?? '', /\(SimSpace Weaver\); a template/);
});

test('a key no service takes has no doc, and a new service shows up by itself', () => {
  const docs = keyDocsFor([neptune, { ...docdb, id: 'neptune', label: 'Neptune' }]);
  assert.equal(docs.bucket, undefined);
  assert.match(docs.service ?? '', /`neptune-graph` or `neptune`/);
  assert.match(docs.name ?? '', /\(Neptune Analytics, Neptune\)/);
});
