// SimSpace Weaver (restJson1), EC2 (ec2 query) and S3 (rest-xml) through Python botocore with the seed's models,
// signatures verified: ListSimulations, DescribeSimulation, CreateSnapshot, StartSimulation (from the snapshot);
// DescribeSnapshots (with the Tags it
// returns); ListBuckets, HeadBucket (botocore's region redirect follows the emulator's 301); shapes, paging, errors.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeBotocore, everyItemOnce, ok, refused } from './suite';

const weaver = 'simspaceweaver';

describeBotocore('botocore: simspaceweaver, ec2 and s3', (ctx) => {
  it('simspaceweaver: lists, describes and snapshots a simulation into a bucket of its region', async () => {
    const [list, created, described] = await ctx().boto.run([
      { service: weaver, operation: 'ListSimulations' },
      {
        service: weaver,
        operation: 'CreateSnapshot',
        params: {
          Simulation: 'city-traffic',
          Destination: { BucketName: 'weaver-demo-snapshots-use1', ObjectKeyPrefix: 'botocore' },
        },
      },
      { service: weaver, operation: 'DescribeSimulation', params: { Simulation: 'city-traffic' } },
    ]);
    const names = (ok(list, weaver, 'ListSimulations').Simulations as { Name: string }[]).map((s) => s.Name);
    assert.deepEqual(names, ['city-traffic', 'crowd-evacuation']);
    assert.deepEqual(ok(created, weaver, 'CreateSnapshot'), {});
    const simulation = ok(described, weaver, 'DescribeSimulation');
    assert.equal(simulation.Status, 'SNAPSHOT_IN_PROGRESS');
    assert.deepEqual(simulation.SnapshotS3Location, {
      BucketName: 'weaver-demo-snapshots-use1',
      ObjectKey: 'botocore/snapshot/city-traffic-260115-1200-00.zip',
    });
  });

  it('simspaceweaver: pages simulations (no model paginator: NextToken by hand), every one once', async () => {
    const result = await ctx().boto.call({
      service: weaver,
      region: 'eu-west-1',
      operation: 'ListSimulations',
      paginate: true,
      tokens: ['NextToken', 'MaxResults'],
      pageSize: 40,
    });
    ok(result, weaver, 'ListSimulations');
    assert.equal(result.pages?.length, 3);
    assert.equal(everyItemOnce(result, 'Simulations', 'Name').length, 106); // eu-weather and 105 bulk
  });

  it('simspaceweaver: answers the modeled errors with their HTTP statuses', async () => {
    const snapshot = (simulation: string, bucket: string) => ({
      service: weaver,
      operation: 'CreateSnapshot',
      params: { Simulation: simulation, Destination: { BucketName: bucket } },
    });
    const [missing, stopped, otherRegion, busy] = await ctx().boto.run([
      { service: weaver, operation: 'DescribeSimulation', params: { Simulation: 'no-such-simulation' } },
      snapshot('crowd-evacuation', 'weaver-demo-snapshots-use1'),
      snapshot('city-traffic', 'weaver-demo-snapshots-euw1'),
      snapshot('city-traffic', 'weaver-demo-snapshots-use1'),
    ]);
    refused(missing, 'ResourceNotFoundException', 404);
    refused(stopped, 'ValidationException', 400, /STOPPED/);
    refused(otherRegion, 'ValidationException', 400, /eu-west-1/);
    assert.equal(busy?.ok, true);
    const again = await ctx().boto.call(snapshot('city-traffic', 'weaver-demo-snapshots-use1'));
    refused(again, 'ConflictException', 409, /SNAPSHOT_IN_PROGRESS/);
  });

  it('simspaceweaver: starts a simulation from a snapshot once it is written (STARTING, then STARTED)', async () => {
    const location = {
      BucketName: 'weaver-demo-snapshots-use1',
      ObjectKey: 'botocore/snapshot/city-traffic-260115-1200-00.zip',
    };
    const start = (Name: string, extra: Record<string, unknown> = {}) => ({
      service: weaver,
      operation: 'StartSimulation',
      params: {
        Name,
        RoleArn: 'arn:aws:iam::123456789012:role/weaver-city-traffic',
        SnapshotS3Location: location,
        MaximumDuration: '2D',
        ...extra,
      },
    });
    const describe = (name: string) => ({
      service: weaver,
      operation: 'DescribeSimulation',
      params: { Simulation: name },
    });
    const [created, early] = await ctx().boto.run([
      {
        service: weaver,
        operation: 'CreateSnapshot',
        params: {
          Simulation: 'city-traffic',
          Destination: { BucketName: location.BucketName, ObjectKeyPrefix: 'botocore' },
        },
      },
      start('city-copy'),
    ]);
    ok(created, weaver, 'CreateSnapshot');
    refused(early, 'ValidationException', 400, /no such object/); // the snapshot is still being written
    ctx().emulator.clock.advance(5_000);
    const [started, starting, taken, denied, tooLong] = await ctx().boto.run([
      start('city-copy', { Tags: { team: 'sim' } }), // botocore fills ClientToken (idempotencyToken)
      describe('city-copy'),
      start('city-traffic'),
      start('other', { RoleArn: 'arn:aws:iam::210987654321:role/elsewhere' }),
      start('longer', { MaximumDuration: '15D' }),
    ]);
    const output = ok(started, weaver, 'StartSimulation');
    assert.equal(output.Arn, 'arn:aws:simspaceweaver:us-east-1:123456789012:simulation/city-copy');
    assert.equal(ok(starting, weaver, 'DescribeSimulation').Status, 'STARTING');
    refused(taken, 'ConflictException', 409, /city-traffic/);
    refused(denied, 'AccessDeniedException', 403, /iam:PassRole/);
    refused(tooLong, 'ValidationException', 400, /MaximumDuration/);
    ctx().emulator.clock.advance(5_000);
    const running = ok(await ctx().boto.call(describe('city-copy')), weaver, 'DescribeSimulation');
    assert.deepEqual(
      [running.Status, running.MaximumDuration, running.RoleArn],
      ['STARTED', '2D', 'arn:aws:iam::123456789012:role/weaver-city-traffic'],
    );
  });

  it('ec2: describes EBS snapshots with their tags, pages them, and refuses a bad id', async () => {
    const [byVolume, paged, badId, missing] = await ctx().boto.run([
      {
        service: 'ec2',
        operation: 'DescribeSnapshots',
        params: { Filters: [{ Name: 'volume-id', Values: ['vol-1122AABB'] }], OwnerIds: ['self'] },
      },
      { service: 'ec2', region: 'eu-west-1', operation: 'DescribeSnapshots', paginate: true, pageSize: 100 },
      { service: 'ec2', operation: 'DescribeSnapshots', params: { SnapshotIds: ['vol-123'] } },
      { service: 'ec2', operation: 'DescribeSnapshots', params: { SnapshotIds: ['snap-0000000000000000f'] } },
    ]);
    const snapshots = ok(byVolume, 'ec2', 'DescribeSnapshots').Snapshots as { SnapshotId: string; Tags?: unknown }[];
    assert.deepEqual(snapshots.map((s) => s.SnapshotId).sort(), ['snap-0a1b2c3d4e5f60001', 'snap-0a1b2c3d4e5f60002']);
    assert.deepEqual(snapshots.find((s) => s.SnapshotId === 'snap-0a1b2c3d4e5f60002')?.Tags, [
      { Key: 'reason', Value: 'migration' },
    ]);
    ok(paged, 'ec2', 'DescribeSnapshots');
    assert.equal(paged?.pages?.length, 3);
    assert.equal(everyItemOnce(paged!, 'Snapshots', 'SnapshotId').length, 208); // 3 demo + 205 bulk
    refused(badId, 'InvalidParameterValue', 400);
    refused(missing, 'InvalidSnapshot.NotFound', 400);
  });

  it("s3: lists buckets, heads one (404 when missing) and follows the 301 to the bucket's region", async () => {
    const [buckets, here, missing, elsewhere] = await ctx().boto.run([
      { service: 's3', operation: 'ListBuckets' },
      { service: 's3', operation: 'HeadBucket', params: { Bucket: 'weaver-demo-snapshots-use1' } },
      { service: 's3', operation: 'HeadBucket', params: { Bucket: 'no-such-bucket-here' } },
      { service: 's3', region: 'eu-west-1', operation: 'HeadBucket', params: { Bucket: 'weaver-demo-snapshots-use1' } },
    ]);
    const names = (ok(buckets, 's3', 'ListBuckets').Buckets as { Name: string }[]).map((b) => b.Name);
    assert.deepEqual(names, [
      'weaver-123456789012-schemas',
      'weaver-demo-snapshots-euw1',
      'weaver-demo-snapshots-use1',
    ]);
    assert.equal(ok(here, 's3', 'HeadBucket').BucketRegion, 'us-east-1');
    refused(missing, '404', 404); // a HEAD error has no body: botocore names it by its status
    assert.equal(ok(elsewhere, 's3', 'HeadBucket').BucketRegion, 'us-east-1');
    const heads = (await ctx().emulator.calls()).filter((c) => c.operation === 'HeadBucket');
    assert.deepEqual(
      heads.slice(-2).map((c) => [c.region, c.status]),
      [
        ['eu-west-1', 301],
        ['us-east-1', 200],
      ],
      "botocore re-sent the request to the region in the 301's x-amz-bucket-region",
    );
  });
});
