// The defaults and bounds the code reads (src/settingsDefaults.ts) are the ones package.json contributes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { numberSetting, numberSettings, settingsSection } from '../../../src/settingsDefaults';

interface Property {
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

test('every numeric setting has the default, minimum and maximum of package.json', () => {
  const manifest = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as {
    contributes: { configuration: { properties: Record<string, Property> } };
  };
  const properties = manifest.contributes.configuration.properties;
  for (const [key, expected] of Object.entries(numberSettings)) {
    const property = properties[`${settingsSection}.${key}`];
    assert.ok(property, `${key} is contributed`);
    assert.deepEqual(
      { default: property.default, minimum: property.minimum, maximum: property.maximum },
      expected,
      key,
    );
  }
});

test('a numeric setting falls back to its default and stays within its bounds', () => {
  assert.equal(numberSetting('requestTimeoutSeconds', undefined), 30);
  assert.equal(numberSetting('requestTimeoutSeconds', 'x'), 30);
  assert.equal(numberSetting('requestTimeoutSeconds', 0), 1);
  assert.equal(numberSetting('maxConcurrentRequests', 1000), 64);
  assert.equal(numberSetting('pageSize', 20), 20);
});
