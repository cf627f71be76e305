import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DBClusterSnapshotAlreadyExistsFault,
  InvalidDBClusterStateFault,
  SnapshotQuotaExceededFault,
} from '@aws-sdk/client-docdb';
import { ServiceQuotaExceededException, ThrottlingException } from '@aws-sdk/client-neptune-graph';
import { InvalidGatewayRequestException } from '@aws-sdk/client-storage-gateway';
import { ConflictException as WeaverConflict } from '../../../src/aws/simspaceweaver/errors';
import { serviceById } from '../../../src/services/registry';
import type { SnapshotService } from '../../../src/services/service';
import { createErrorMessage, type CreateErrorContext } from '../../../src/snapshots/errorMessages';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const modelsDir = process.env.AWS_MODELS_DIR
  ? path.resolve(process.env.AWS_MODELS_DIR)
  : path.resolve(repoRoot, '..', 'shared', 'aws-models');

const creates = [
  { serviceId: 'neptune-graph', operation: 'CreateGraphSnapshot', label: 'Neptune Analytics' },
  { serviceId: 'storagegateway', operation: 'CreateSnapshot', label: 'Storage Gateway' },
  { serviceId: 'docdb', operation: 'CreateDBClusterSnapshot', label: 'DocumentDB' },
  { serviceId: 'simspaceweaver', operation: 'CreateSnapshot', label: 'SimSpace Weaver' },
  { serviceId: 'neptune', operation: 'CreateDBClusterSnapshot', label: 'Neptune Database' },
] as const;

interface Model {
  operations: Record<string, { errors?: { shape: string }[] }>;
  shapes: Record<string, { error?: { code?: string; httpStatusCode?: number } }>;
}

type Context = CreateErrorContext & { readonly service: SnapshotService };

function context(serviceId: string, operation: string, label: string): Context {
  const service = serviceById(serviceId);
  assert.ok(service, serviceId);
  assert.deepEqual([service.createOperation, service.label], [operation, label]);
  return {
    service,
    profile: 'prod',
    region: 'eu-west-1',
    resourceName: 'orders',
    snapshotName: 'nightly-1',
  };
}

/** The sentence for an error of the context's service. */
const explain = (error: unknown, c: Context): string => createErrorMessage(error, c.service, c);

const meta = (httpStatusCode: number, attempts = 1) => ({ httpStatusCode, attempts, totalRetryDelay: 0 });

test('every modeled error of the five create calls (read from the models) has its own sentence', () => {
  for (const c of creates) {
    const model = JSON.parse(readFileSync(path.join(modelsDir, c.serviceId, 'service-2.json'), 'utf8')) as Model;
    const errors = model.operations[c.operation]?.errors ?? [];
    assert.ok(errors.length > 0, `${c.serviceId} ${c.operation} declares errors`);
    for (const { shape } of errors) {
      const wire = model.shapes[shape]?.error;
      // As the SDK raises it (name = shape), and as an unmapped wire code would arrive.
      for (const name of new Set([shape, wire?.code ?? shape])) {
        const error = Object.assign(new Error('detail from AWS'), {
          name,
          $metadata: meta(wire?.httpStatusCode ?? 400),
        });
        const message = explain(error, context(c.serviceId, c.operation, c.label));
        assert.ok(!message.startsWith(`${c.operation} failed (`), `${c.serviceId} ${name} fell back to: ${message}`);
        assert.match(message, /\.$/, `${c.serviceId} ${name}: a full sentence`);
      }
    }
  }
});

test('DocumentDB: name taken, cluster not available, quota', () => {
  const c = context('docdb', 'CreateDBClusterSnapshot', 'DocumentDB');
  const taken = explain(new DBClusterSnapshotAlreadyExistsFault({ message: 'x', $metadata: meta(400) }), c);
  assert.match(taken, /"nightly-1" already exists in eu-west-1.*Choose another identifier/);
  const state = explain(new InvalidDBClusterStateFault({ message: 'x', $metadata: meta(400) }), c);
  assert.match(state, /Cluster orders is not available.*"available"/);
  const quota = explain(new SnapshotQuotaExceededFault({ message: 'x', $metadata: meta(400) }), c);
  assert.match(quota, /quota of manual cluster snapshots/);
});

test('Neptune Analytics: quota exceeded names its quota code', () => {
  const c = context('neptune-graph', 'CreateGraphSnapshot', 'Neptune Analytics');
  const error = new ServiceQuotaExceededException({
    message: 'Snapshot limit reached',
    $metadata: meta(402),
    quotaCode: 'L-12345678',
    serviceCode: 'neptune-graph',
  });
  assert.match(explain(error, c), /quota code L-12345678, service neptune-graph/);
});

test('throttling says it was after retries', () => {
  const c = context('neptune-graph', 'CreateGraphSnapshot', 'Neptune Analytics');
  const error = new ThrottlingException({ message: 'Rate exceeded', $metadata: meta(429, 3) });
  assert.equal(
    explain(error, c),
    'AWS throttled the CreateGraphSnapshot request even after 3 attempts. Wait a minute, then retry.',
  );
});

test('Storage Gateway: gateway not connected and snapshot in progress come from error.errorCode', () => {
  const c = context('storagegateway', 'CreateSnapshot', 'Storage Gateway');
  const notConnected = new InvalidGatewayRequestException({
    message: 'The specified gateway is not connected.',
    $metadata: meta(400),
    error: { errorCode: 'GatewayNotConnected', errorDetails: {} },
  });
  assert.match(explain(notConnected, c), /gateway is not connected to AWS.*VM is running/);
  const inProgress = new InvalidGatewayRequestException({
    message: 'x',
    $metadata: meta(400),
    error: { errorCode: 'SnapshotInProgress' },
  });
  assert.match(explain(inProgress, c), /already in progress/);
});

test('access denied names the IAM action (rds: for DocumentDB)', () => {
  const denied = Object.assign(new Error('User is not authorized'), {
    name: 'AccessDeniedException',
    $metadata: meta(403),
  });
  assert.match(
    explain(denied, context('docdb', 'CreateDBClusterSnapshot', 'DocumentDB')),
    /rds:CreateDBClusterSnapshot/,
  );
  assert.match(
    explain(denied, context('simspaceweaver', 'CreateSnapshot', 'SimSpace Weaver')),
    /profile prod may not call simspaceweaver:CreateSnapshot/,
  );
});

test('SimSpace Weaver: a conflict says the simulation must be STARTED', () => {
  const error = new WeaverConflict({ message: 'Simulation is not running', $metadata: meta(409) });
  const message = explain(error, context('simspaceweaver', 'CreateSnapshot', 'SimSpace Weaver'));
  assert.match(message, /Simulation orders cannot take a snapshot now: Simulation is not running\. .*STARTED/);
});

test('network and credential failures say what to do', () => {
  const c = context('docdb', 'CreateDBClusterSnapshot', 'DocumentDB');
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  assert.match(explain(refused, c), /Could not reach DocumentDB in eu-west-1 \(ECONNREFUSED\)/);
  const expired = Object.assign(new Error('The security token included in the request is expired'), {
    name: 'ExpiredToken',
  });
  assert.match(explain(expired, c), /profile prod.*expired.*aws sso login --profile prod/);
});

test('an unknown error keeps its code and message', () => {
  const c = context('docdb', 'CreateDBClusterSnapshot', 'DocumentDB');
  const odd = Object.assign(new Error('Something new'), { name: 'BrandNewFault' });
  assert.equal(explain(odd, c), 'CreateDBClusterSnapshot failed (BrandNewFault): Something new.');
});
