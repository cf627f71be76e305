import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  docdbRules,
  neptuneGraphRules,
  simSpaceWeaverRules,
  storageGatewayRules,
  validateInput,
  type ServiceInputRules,
} from '../../../src/validation';

const all: Record<string, ServiceInputRules> = {
  'neptune-graph': neptuneGraphRules,
  storagegateway: storageGatewayRules,
  docdb: docdbRules,
  simspaceweaver: simSpaceWeaverRules,
};

describe('input fields of every service', () => {
  it('each field has a label, an example placeholder that is valid, and a one-line prompt', () => {
    for (const [service, rules] of Object.entries(all)) {
      for (const field of rules.fields) {
        const where = `${service} ${field.key}`;
        assert.ok(field.label.length > 0, where);
        assert.ok(field.prompt.length > 0 && !field.prompt.includes('\n'), where);
        assert.match(field.placeholder, /^e\.g\. \S/, where);
        assert.deepEqual(field.validate(field.placeholder.slice('e.g. '.length)), [], where);
      }
    }
  });

  it('the name and description fields have defaults; their tag rules allow 50 tags', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 15, 30));
    for (const rules of [neptuneGraphRules, storageGatewayRules, docdbRules]) {
      const field = rules.fields[0];
      const value = field?.defaultValue?.({ resourceName: 'Prod DB #1', now });
      assert.ok(value !== undefined && field?.validate(value).length === 0, `${field?.key}: ${value}`);
      assert.equal(rules.tags?.maxTags, 50);
    }
  });
});

describe('validateInput', () => {
  it('returns issues per field, tag issues, parsed tags and normalized values', () => {
    const result = validateInput(docdbRules, { DBClusterSnapshotIdentifier: 'Nightly-1' }, 'team=data, rds:x=1');
    assert.equal(result.hasErrors, true);
    assert.equal(result.fields.DBClusterSnapshotIdentifier?.[0]?.severity, 'warning');
    assert.equal(result.tags.length, 1);
    assert.match(result.tags[0]?.message ?? '', /^Tag 2 \('rds:x=1'\)/);
    assert.deepEqual(result.parsedTags, [
      { key: 'team', value: 'data' },
      { key: 'rds:x', value: '1' },
    ]);
    assert.deepEqual(result.normalized, { DBClusterSnapshotIdentifier: 'nightly-1' });
  });

  it('valid input has no errors', () => {
    const result = validateInput(neptuneGraphRules, { snapshotName: 'before-release' }, 'team=data');
    assert.equal(result.hasErrors, false);
    assert.deepEqual(result.fields, { snapshotName: [] });
  });

  it('a missing required field is an error, a missing optional one is fine', () => {
    const result = validateInput(simSpaceWeaverRules, {});
    assert.equal(result.hasErrors, true);
    assert.match(result.fields.BucketName?.[0]?.message ?? '', /Enter a bucket name/);
    assert.deepEqual(result.fields.ObjectKeyPrefix, []);
    assert.equal(validateInput(simSpaceWeaverRules, { BucketName: 'my-bucket', ObjectKeyPrefix: '' }).hasErrors, false);
  });

  it('unknown keys and tags for a service without tags are errors', () => {
    const unknown = validateInput(storageGatewayRules, { SnapshotDescription: 'x', Name: 'y' });
    assert.match(
      unknown.fields.Name?.[0]?.message ?? '',
      /'Name' is not an input of this service \(its inputs: SnapshotDescription\)/,
    );
    const tagged = validateInput(simSpaceWeaverRules, { BucketName: 'my-bucket' }, 'a=b');
    assert.equal(tagged.hasErrors, true);
    assert.match(tagged.tags[0]?.message ?? '', /takes no tags/);
    assert.equal(validateInput(simSpaceWeaverRules, { BucketName: 'my-bucket' }, '  ').hasErrors, false);
  });
});
