import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultsKeys, entryKeys, topLevelKeys } from '../../../src/plans/model';
import { templateVariables } from '../../../src/plans/template';
import { planSchema } from '../../../src/plans/schema';
import { services } from '../../../src/services/registry';

interface Schema {
  properties: Record<string, { properties?: Record<string, unknown> }>;
  definitions: { entry: { properties: Record<string, { enum?: string[] }> }; template: { pattern: string } };
}
const schema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../../schemas/snapshot-plan.schema.json'), 'utf8'),
) as Schema;

test('the JSON schema knows exactly the keys, services and template variables the language server knows', () => {
  assert.deepEqual(Object.keys(schema.properties).sort(), [...topLevelKeys].sort());
  assert.deepEqual(Object.keys(schema.properties.defaults?.properties ?? {}).sort(), [...defaultsKeys].sort());
  assert.deepEqual(Object.keys(schema.definitions.entry.properties).sort(), [...entryKeys].sort());
  assert.deepEqual(
    schema.definitions.entry.properties.service?.enum,
    services.map((s) => s.id),
  );
  const template = new RegExp(schema.definitions.template.pattern);
  for (const v of templateVariables) assert.ok(template.test(`x-{${v}}`), v);
  assert.equal(template.test('x-{nope}'), false);
});

test('the checked-in JSON schema is the one the registry gives (the build writes it)', () => {
  assert.deepEqual(schema, planSchema(services));
});

test('a new service is in the schema with only its registry entry: its id, its resource noun and its keys', () => {
  const docdb = services.find((s) => s.id === 'docdb');
  assert.ok(docdb);
  const next = JSON.stringify(planSchema([...services, { ...docdb, id: 'aurora', label: 'Aurora' }]));
  assert.match(next, /"enum":\["neptune-graph","storagegateway","docdb","simspaceweaver","neptune","aurora"\]/);
  assert.match(next, /"service":\{"enum":\["neptune-graph","docdb","neptune","aurora"\]\}/);
  assert.match(next, /Neptune Database DBClusterSnapshotIdentifier, Aurora DBClusterSnapshotIdentifier/);
});
