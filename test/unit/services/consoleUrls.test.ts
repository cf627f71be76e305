// Open in AWS Console: the exact console URL of every node kind of every service (resource, snapshot, and a snapshot
// in the group of snapshots without a resource here where the service has one), in the commercial, China and
// GovCloud (US) partitions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docdbService } from '../../../src/services/docdb';
import { neptuneService } from '../../../src/services/neptune';
import { neptuneGraphService } from '../../../src/services/neptuneGraph';
import { services } from '../../../src/services/registry';
import type { Resource, Snapshot } from '../../../src/services/service';
import { simSpaceWeaverService } from '../../../src/services/simSpaceWeaver';
import { storageGatewayService } from '../../../src/services/storageGateway';
import { unattachedGroup } from '../../../src/tree/model/branchPages';

function resource(service: string, id: string, extra: Partial<Resource> = {}): Resource {
  return {
    service,
    id,
    name: id,
    status: 'available',
    summary: '',
    snapshottable: { ok: true },
    details: [],
    ...extra,
  };
}

function snapshot(service: string, id: string, resourceId: string): Snapshot {
  return { service, id, name: id, resourceId, state: 'available', status: 'available', details: [] };
}

const VOLUME = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B/volume/vol-1122AABB';

describe('console URLs: Neptune Analytics', () => {
  const svc = neptuneGraphService;
  const graph = resource(svc.id, 'g-cust0demo1', { name: 'customer-graph' });
  it('a graph and its snapshot open the Analytics graphs list (no per-graph or per-snapshot page confirmed)', () => {
    const list = 'https://us-east-1.console.aws.amazon.com/neptune/home?region=us-east-1#analytics-graphs:';
    assert.equal(svc.consoleUrl('us-east-1', graph), list);
    assert.equal(svc.snapshotConsoleUrl('us-east-1', snapshot(svc.id, 'gs-abc1234567', graph.id), graph), list);
  });
});

describe('console URLs: Storage Gateway', () => {
  const svc = storageGatewayService;
  const volume = resource(svc.id, VOLUME, {
    displayId: 'vol-1122AABB',
    parent: { id: 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B', name: 'office' },
  });
  it('a volume opens its gateway’s page, which lists its volumes', () => {
    assert.equal(
      svc.consoleUrl('us-east-1', volume),
      'https://us-east-1.console.aws.amazon.com/storagegateway/home?region=us-east-1#/gateways/sgw-12A3456B',
    );
  });
  it('an EBS snapshot opens its own page in the EC2 console', () => {
    assert.equal(
      svc.snapshotConsoleUrl('us-east-1', snapshot(svc.id, 'snap-0a1b2c3d4e5f60001', VOLUME), volume),
      'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SnapshotDetails:snapshotId=snap-0a1b2c3d4e5f60001',
    );
  });
  it('a copy from another region (group without a volume here) opens its own page too', () => {
    assert.equal(
      svc.snapshotConsoleUrl('eu-west-1', snapshot(svc.id, 'snap-0c0c0c0c0c0c0c0c1', 'vol-X'), unattachedGroup(svc)),
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SnapshotDetails:snapshotId=snap-0c0c0c0c0c0c0c0c1',
    );
  });
});

describe('console URLs: DocumentDB', () => {
  const svc = docdbService;
  const cluster = resource(svc.id, 'orders-prod');
  it('a cluster opens its cluster details page', () => {
    assert.equal(
      svc.consoleUrl('us-east-1', cluster),
      'https://us-east-1.console.aws.amazon.com/docdb/home?region=us-east-1#cluster-details/orders-prod',
    );
  });
  it('a snapshot opens its snapshot details page, also one without a cluster here', () => {
    assert.equal(
      svc.snapshotConsoleUrl('us-east-1', snapshot(svc.id, 'orders-prod-2025-07-01', cluster.id), cluster),
      'https://us-east-1.console.aws.amazon.com/docdb/home?region=us-east-1#snapshot-details/orders-prod-2025-07-01',
    );
    assert.equal(
      svc.snapshotConsoleUrl('eu-west-1', snapshot(svc.id, 'orders-copy', 'orders-prod'), unattachedGroup(svc)),
      'https://eu-west-1.console.aws.amazon.com/docdb/home?region=eu-west-1#snapshot-details/orders-copy',
    );
  });
});

describe('console URLs: Neptune Database', () => {
  const svc = neptuneService;
  const cluster = resource(svc.id, 'social-neptune');
  it('a cluster opens its own page', () => {
    assert.equal(
      svc.consoleUrl('us-east-1', cluster),
      'https://us-east-1.console.aws.amazon.com/neptune/home?region=us-east-1#database:id=social-neptune;is-cluster=true',
    );
  });
  it('a snapshot, also one without a cluster here, opens the snapshot list (no per-snapshot page confirmed)', () => {
    const list = 'https://us-east-1.console.aws.amazon.com/neptune/home?region=us-east-1#snapshots-list:';
    assert.equal(svc.snapshotConsoleUrl('us-east-1', snapshot(svc.id, 'social-weekly', cluster.id), cluster), list);
    assert.equal(svc.snapshotConsoleUrl('us-east-1', snapshot(svc.id, 'copy', 'x'), unattachedGroup(svc)), list);
  });
});

describe('console URLs: SimSpace Weaver', () => {
  const svc = simSpaceWeaverService;
  const simulation = resource(svc.id, 'city-traffic');
  it('a simulation opens its own page', () => {
    assert.equal(
      svc.consoleUrl('us-east-1', simulation),
      'https://us-east-1.console.aws.amazon.com/simspaceweaver/home?region=us-east-1#/simulations/city-traffic',
    );
  });
  it('a snapshot opens the S3 console’s page of its object, the key encoded but its slashes kept', () => {
    const id = 's3://weaver-demo-snapshots-use1/drills 2/snapshot/city-traffic+x-250612-1500-00.zip';
    assert.equal(
      svc.snapshotConsoleUrl('us-east-1', snapshot(svc.id, id, simulation.id), simulation),
      'https://us-east-1.console.aws.amazon.com/s3/object/weaver-demo-snapshots-use1?region=us-east-1' +
        '&prefix=drills%202/snapshot/city-traffic%2Bx-250612-1500-00.zip',
    );
  });
});

describe('console URLs: partitions', () => {
  it('use the console host of China and GovCloud (US) regions', () => {
    const snap = snapshot('storagegateway', 'snap-0a1b2c3d4e5f60001', VOLUME);
    const group = unattachedGroup(storageGatewayService);
    assert.equal(
      storageGatewayService.snapshotConsoleUrl('cn-north-1', snap, group),
      'https://console.amazonaws.cn/ec2/home?region=cn-north-1#SnapshotDetails:snapshotId=snap-0a1b2c3d4e5f60001',
    );
    assert.equal(
      docdbService.snapshotConsoleUrl('us-gov-west-1', snapshot('docdb', 's-1', 'c'), group),
      'https://console.amazonaws-us-gov.com/docdb/home?region=us-gov-west-1#snapshot-details/s-1',
    );
    assert.equal(
      simSpaceWeaverService.snapshotConsoleUrl('cn-north-1', snapshot('simspaceweaver', 's3://b/k.zip', 's'), group),
      'https://console.amazonaws.cn/s3/object/b?region=cn-north-1&prefix=k.zip',
    );
  });

  it('every registered service answers a snapshot URL on the region’s console host', () => {
    for (const svc of services) {
      const url = svc.snapshotConsoleUrl('eu-west-1', snapshot(svc.id, 's3://b/k', 'r'), resource(svc.id, 'r'));
      assert.match(url, /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/.*region=eu-west-1/, svc.id);
    }
  });
});
