// The emulator's identity policies over every registered service's model: which operations change something, the
// IAM action of each, and the access-denied error each service gives the read-only identity for every one of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { modelsDir } from '../../../emulator/model/load';
import {
  allows,
  authorize,
  FULL_ACCESS,
  iamAction,
  isMutating,
  mutatingOperations,
  READ_ONLY_ACCESS,
} from '../../../emulator/policy';
import { isUnsigned } from '../../../emulator/identity/callers';
import { loadServices } from '../../../emulator/routing';
import { EMULATED_SERVICES } from '../../../emulator/services/registry';

const services = loadServices(EMULATED_SERVICES, modelsDir());
const readOnly = {
  userName: 'demo-readonly',
  policy: READ_ONLY_ACCESS,
  accountId: '123456789012',
  region: 'us-east-1',
};

/** Each service's access-denied error as AWS answers it: [code, HTTP status, IAM prefix]. */
const expected: Record<string, [string, number, string]> = {
  'neptune-graph': ['AccessDeniedException', 403, 'neptune-graph'],
  storagegateway: ['AccessDeniedException', 400, 'storagegateway'],
  docdb: ['AccessDenied', 403, 'rds'],
  neptune: ['AccessDenied', 403, 'rds'],
  simspaceweaver: ['AccessDeniedException', 403, 'simspaceweaver'],
  ec2: ['UnauthorizedOperation', 403, 'ec2'],
  s3: ['AccessDenied', 403, 's3'],
  sts: ['AccessDenied', 403, 'sts'],
  'sso-oidc': ['AccessDeniedException', 400, 'sso-oauth'],
};

describe('emulator: identity policies', () => {
  it('gives demo and demo-ops full access and demo-readonly read-only access', () => {
    assert.deepEqual(
      DEMO_CREDENTIALS.map((c) => [c.label, c.policy]),
      [
        ['demo', FULL_ACCESS],
        ['demo-ops', FULL_ACCESS],
        ['demo-readonly', READ_ONLY_ACCESS],
      ],
    );
  });

  it('classifies operations by name: List/Describe/Get/Head read, everything else changes something', () => {
    for (const op of ['ListGraphs', 'DescribeDBClusters', 'GetGraphSnapshot', 'HeadObject', 'ListTagsForResource']) {
      assert.equal(isMutating(op), false, op);
    }
    for (const op of ['CreateGraphSnapshot', 'DeleteObject', 'CopySnapshot', 'RestoreDBClusterFromSnapshot']) {
      assert.equal(isMutating(op), true, op);
    }
  });

  it('matches Action patterns as IAM does (* wildcard, case-insensitive)', () => {
    assert.equal(allows(READ_ONLY_ACCESS, 'rds:DescribeDBClusters'), true);
    assert.equal(allows(READ_ONLY_ACCESS, 'rds:describedbclusters'), true);
    assert.equal(allows(READ_ONLY_ACCESS, 'rds:CreateDBClusterSnapshot'), false);
    assert.equal(allows(READ_ONLY_ACCESS, 'ec2:DeleteSnapshot'), false);
    assert.equal(allows({ allow: ['ec2:Delete*'] }, 'ec2:DeleteSnapshot'), true);
    assert.equal(allows({ allow: ['ec2:Delete*'] }, 's3:DeleteObject'), false);
    assert.equal(allows(FULL_ACCESS, 's3:DeleteObject'), true);
  });

  // Unsigned operations (`authtype: none`: the SSO portal, SSO OIDC's sign-in) have no identity, so no policy applies.
  const signedMutating = (s: (typeof services)[number]) =>
    mutatingOperations(s.model).filter((op) => !isUnsigned(s.model, op));
  for (const service of services.filter((s) => signedMutating(s).length > 0)) {
    it(`${service.id}: refuses every mutating operation of the read-only identity with its own error`, () => {
      const [code, status, prefix] = expected[service.id] ?? ['?', 0, '?'];
      const mutating = signedMutating(service);
      assert.ok(mutating.length > 0, `${service.id} has no mutating operation`);
      for (const operation of mutating) {
        assert.equal(iamAction(service.model, operation), `${prefix}:${operation}`);
        const error = authorize(readOnly, service.model, operation, {});
        assert.ok(error, `${service.id} ${operation} was allowed`);
        assert.deepEqual([error.code, error.status], [code, status], `${service.id} ${operation}`);
        assert.match(
          error.message,
          new RegExp(
            `User: arn:aws:iam::123456789012:user/demo-readonly is not authorized to perform: ${prefix}:${operation} because no identity-based policy allows the ${prefix}:${operation} action`,
          ),
        );
        assert.equal(authorize({ ...readOnly, policy: FULL_ACCESS }, service.model, operation, {}), undefined);
      }
      for (const operation of Object.keys(service.model.operations).filter((op) => !isMutating(op))) {
        assert.equal(authorize(readOnly, service.model, operation, {}), undefined, `${service.id} ${operation}`);
      }
    });
  }

  it('names the resource when the call names an ARN, and the partition of the region in the principal', () => {
    const sgw = services.find((s) => s.id === 'storagegateway')!;
    const arn = 'arn:aws-cn:storagegateway:cn-north-1:123456789012:gateway/sgw-12A3456B/volume/vol-1122AABB';
    const error = authorize({ ...readOnly, region: 'cn-north-1' }, sgw.model, 'CreateSnapshot', { VolumeARN: arn });
    assert.match(
      error?.message ?? '',
      /^User: arn:aws-cn:iam::123456789012:user\/demo-readonly is not authorized to perform: storagegateway:CreateSnapshot on resource: arn:aws-cn:storagegateway:/,
    );
  });
});
