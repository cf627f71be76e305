// The four services as the plan checks see them (PlanService: ids, nouns, small stand-ins for their input rules)
// and a plan environment, so the plan logic is tested on its own. No listing or create behavior: that is
// fakeService.ts. (The integration tests run the plans against the real service modules and rules.)
import type { PlanService } from '../../src/plans/catalog';
import type { InputField, InputKind, Issue, TagRules } from '../../src/validation/types';

const err = (message: string, start?: number, end?: number): Issue => ({ severity: 'error', message, start, end });

function field(
  key: string,
  kind: InputKind,
  label: string,
  required: boolean,
  validate: (v: string) => Issue[],
  normalize?: (v: string) => string,
): InputField {
  return { key, kind, label, placeholder: '', prompt: '', required, validate, ...(normalize ? { normalize } : {}) };
}

const tagRules: TagRules = {
  maxTags: 3,
  validateKey: (k) =>
    k.length === 0 || k.length > 128
      ? [err('must be 1–128 characters')]
      : k.startsWith('aws:')
        ? [err('must not start with aws:', 0, 4)]
        : [],
  validateValue: (v) => (v.length > 20 ? [err('must be at most 20 characters')] : []),
};

const snapshotName = field('snapshotName', 'name', 'Snapshot name', true, (v) => {
  const issues: Issue[] = [];
  if (v.length < 1 || v.length > 63) issues.push(err('must be 1–63 characters'));
  if (!/^[a-z]/.test(v)) issues.push(err('must start with a lowercase letter', 0, 1));
  const bad = v.search(/[^a-z0-9-]/);
  if (bad >= 0) issues.push(err(`must not contain \`${v[bad]}\``, bad, bad + 1));
  return issues;
});

export const neptune: PlanService = {
  id: 'neptune-graph',
  label: 'Neptune Analytics',
  createOperation: 'CreateGraphSnapshot',
  resourceNoun: { one: 'graph', many: 'graphs' },
  rules: { fields: [snapshotName], tags: tagRules },
  isOfferedIn: (r) => r !== 'af-south-1',
};

export const gateway: PlanService = {
  id: 'storagegateway',
  label: 'Storage Gateway',
  createOperation: 'CreateSnapshot',
  resourceNoun: { one: 'volume', many: 'volumes' },
  rules: {
    fields: [
      field('SnapshotDescription', 'description', 'Snapshot description', true, (v) =>
        v.length < 1 || v.length > 255 ? [err('must be 1–255 characters')] : [],
      ),
    ],
    tags: tagRules,
  },
  isOfferedIn: () => true,
};

export const docdb: PlanService = {
  id: 'docdb',
  label: 'DocumentDB',
  createOperation: 'CreateDBClusterSnapshot',
  resourceNoun: { one: 'cluster', many: 'clusters' },
  rules: {
    fields: [
      field(
        'DBClusterSnapshotIdentifier',
        'name',
        'Snapshot identifier',
        true,
        (v) =>
          /[A-Z]/.test(v)
            ? [{ severity: 'warning', message: 'is stored in lowercase' }]
            : v.includes('--')
              ? [err('must not contain two hyphens in a row')]
              : [],
        (v) => v.toLowerCase(),
      ),
    ],
    tags: tagRules,
  },
  isOfferedIn: () => true,
};

export const weaver: PlanService = {
  id: 'simspaceweaver',
  label: 'SimSpace Weaver',
  createOperation: 'CreateSnapshot',
  resourceNoun: { one: 'simulation', many: 'simulations' },
  rules: {
    fields: [
      field('BucketName', 'bucket', 'Bucket', true, (v) => (v.length < 3 ? [err('must be 3–63 characters')] : [])),
      field('ObjectKeyPrefix', 'prefix', 'Object key prefix', false, (v) => (v.length > 1024 ? [err('too long')] : [])),
    ],
  },
  isOfferedIn: (r) => ['us-east-1', 'eu-west-1'].includes(r),
};

export const fakeServices: readonly PlanService[] = [neptune, gateway, docdb, weaver];

export const env = {
  services: fakeServices,
  profiles: [{ name: 'default', region: 'us-east-1' }, { name: 'prod', region: 'eu-west-1' }, { name: 'noregion' }],
  regions: ['us-east-1', 'eu-west-1', 'us-west-2', 'af-south-1'],
  now: new Date(Date.UTC(2026, 10, 23, 14, 5, 9)),
};
