// src/l10n.ts: English with no bundle, the loaded bundle's text once configured (read when a text is shown, so the
// pure modules' message tables follow it), and a bundle file that cannot be read reported, not thrown.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { configureL10n, t } from '../../../src/l10n';
import { messages } from '../../../src/plans/messages';
import { regionName } from '../../../src/services/regions';

test('with no bundle, t returns the English text with its placeholders filled', () => {
  assert.equal(configureL10n(undefined), undefined);
  assert.equal(t('Delete {0} snapshots of {1}?', 3, 'orders-prod'), 'Delete 3 snapshots of orders-prod?');
  assert.equal(t('No placeholders here.'), 'No placeholders here.');
  assert.equal(regionName('eu-west-1'), 'Europe (Ireland)');
});

test('a bundle file that cannot be read is reported and changes nothing', () => {
  const error = configureL10n({ fsPath: path.join(tmpdir(), 'no-such-bundle.l10n.json') });
  assert.ok(error instanceof Error);
  assert.equal(t('Delete {0} snapshots of {1}?', 3, 'x'), 'Delete 3 snapshots of x?');
});

test('once a bundle is loaded, every text shown afterwards comes from it, tables included', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-'));
  const file = path.join(dir, 'bundle.l10n.de.json');
  writeFileSync(
    file,
    JSON.stringify({
      'Delete {0} snapshots of {1}?': '{0} Snapshots von {1} löschen?',
      'Europe (Ireland)': 'Europa (Irland)',
      'YAML syntax: {0}': 'YAML-Syntax: {0}',
    }),
  );
  assert.equal(configureL10n({ fsPath: file }), undefined);
  assert.equal(t('Delete {0} snapshots of {1}?', 3, 'orders-prod'), '3 Snapshots von orders-prod löschen?');
  assert.equal(t('Not in the bundle: {0}', 'x'), 'Not in the bundle: x');
  assert.equal(regionName('eu-west-1'), 'Europa (Irland)');
  assert.equal(messages.yamlSyntax('bad indent'), 'YAML-Syntax: bad indent');
  configureL10n({ contents: {} });
  assert.equal(regionName('eu-west-1'), 'Europe (Ireland)');
});
