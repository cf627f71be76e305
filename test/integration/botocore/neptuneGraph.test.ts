// Neptune Analytics (restJson1) through Python botocore with the seed's models, signatures verified: every call the
// extension makes (ListGraphs, GetGraph, ListGraphSnapshots, GetGraphSnapshot, CreateGraphSnapshot,
// ListTagsForResource, RestoreGraphFromSnapshot, DeleteGraphSnapshot), their output shapes, paging, modeled errors and
// HTTP statuses.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeBotocore, everyItemOnce, ok, refused } from './suite';

const svc = 'neptune-graph';

describeBotocore('botocore: neptune-graph', (ctx) => {
  it('lists and gets graphs and snapshots in the modeled shapes', async () => {
    const [graphs, graph, snapshots, snapshot] = await ctx().boto.run([
      { service: svc, operation: 'ListGraphs' },
      { service: svc, operation: 'GetGraph', params: { graphIdentifier: 'g-frau0demo2' } },
      { service: svc, operation: 'ListGraphSnapshots', params: { graphIdentifier: 'g-cust0demo1' } },
      { service: svc, operation: 'GetGraphSnapshot', params: { snapshotIdentifier: 'gs-frau0snap1' } },
    ]);
    const list = ok(graphs, svc, 'ListGraphs').graphs as { id: string; status: string }[];
    assert.deepEqual(
      list.map((g) => [g.id, g.status]),
      [
        ['g-cust0demo1', 'AVAILABLE'],
        ['g-frau0demo2', 'AVAILABLE'],
        ['g-reco0demo3', 'STOPPED'],
      ],
    );
    const got = ok(graph, svc, 'GetGraph');
    assert.equal(got.name, 'fraud-detection');
    assert.equal(got.createTime, '2025-04-02T14:30:00+00:00');
    const snaps = ok(snapshots, svc, 'ListGraphSnapshots').graphSnapshots as { id: string }[];
    assert.deepEqual(snaps.map((s) => s.id).sort(), ['gs-cust0snap1', 'gs-cust0snap2']);
    assert.equal(ok(snapshot, svc, 'GetGraphSnapshot').sourceGraphId, 'g-frau0demo2');
  });

  it('pages graphs and snapshots with the model paginators: every item once', async () => {
    const [graphs, snapshots] = await ctx().boto.run([
      { service: svc, region: 'eu-west-1', operation: 'ListGraphs', paginate: true, pageSize: 50 },
      { service: svc, region: 'eu-west-1', operation: 'ListGraphSnapshots', paginate: true, pageSize: 100 },
    ]);
    ok(graphs, svc, 'ListGraphs');
    assert.equal(graphs!.pages!.length, 5);
    const graphIds = everyItemOnce(graphs!, 'graphs', 'id');
    assert.equal(graphIds.length, 206); // eu-knowledge-graph and 205 bulk graphs
    assert.ok(graphIds.includes('g-eugr0demo4') && graphIds.includes('g-bulk000205'));
    ok(snapshots, svc, 'ListGraphSnapshots');
    assert.equal(everyItemOnce(snapshots!, 'graphSnapshots', 'id').length, 206);
  });

  it('creates a snapshot (201, CREATING) whose tags ListTagsForResource reads back', async () => {
    const created = await ctx().boto.call({
      service: svc,
      operation: 'CreateGraphSnapshot',
      params: { graphIdentifier: 'g-cust0demo1', snapshotName: 'botocore-snap', tags: { team: 'data', env: 'prod' } },
    });
    const out = ok(created, svc, 'CreateGraphSnapshot', 201);
    assert.equal(out.status, 'CREATING');
    const [tags, seeded, none] = await ctx().boto.run([
      { service: svc, operation: 'ListTagsForResource', params: { resourceArn: out.arn } },
      {
        service: svc,
        operation: 'ListTagsForResource',
        params: { resourceArn: 'arn:aws:neptune-graph:us-east-1:123456789012:graph-snapshot/gs-frau0snap1' },
      },
      {
        service: svc,
        operation: 'ListTagsForResource',
        params: { resourceArn: 'arn:aws:neptune-graph:us-east-1:123456789012:graph/g-cust0demo1' },
      },
    ]);
    assert.deepEqual(ok(tags, svc, 'ListTagsForResource').tags, { team: 'data', env: 'prod' });
    assert.deepEqual(ok(seeded, svc, 'ListTagsForResource').tags, { team: 'risk' });
    assert.deepEqual(ok(none, svc, 'ListTagsForResource').tags, {});
  });

  it('answers the modeled errors with their HTTP statuses', async () => {
    const [missing, malformed, duplicate, stopped, unknownArn, foreignArn] = await ctx().boto.run([
      { service: svc, operation: 'GetGraph', params: { graphIdentifier: 'g-0000000000' } },
      { service: svc, operation: 'GetGraph', params: { graphIdentifier: 'G-BAD' } },
      {
        service: svc,
        operation: 'CreateGraphSnapshot',
        params: { graphIdentifier: 'g-cust0demo1', snapshotName: 'customer-graph-2025-06-01' },
      },
      {
        service: svc,
        operation: 'CreateGraphSnapshot',
        params: { graphIdentifier: 'g-reco0demo3', snapshotName: 'from-a-stopped-graph' },
      },
      {
        service: svc,
        operation: 'ListTagsForResource',
        params: { resourceArn: 'arn:aws:neptune-graph:us-east-1:123456789012:graph-snapshot/gs-0000000000' },
      },
      { service: svc, operation: 'ListTagsForResource', params: { resourceArn: 'arn:aws:s3:::a-bucket' } },
    ]);
    refused(missing, 'ResourceNotFoundException', 404, /g-0000000000/);
    refused(malformed, 'ValidationException', 400, /graphIdentifier/);
    refused(duplicate, 'ConflictException', 409, /already exists/);
    refused(stopped, 'ConflictException', 409, /STOPPED/);
    refused(unknownArn, 'ResourceNotFoundException', 404, /gs-0000000000/);
    refused(foreignArn, 'ValidationException', 400);
  });

  it("refuses a tag key starting with 'aws:' (the API reference's pattern (?!aws:)…), as AWS does", async () => {
    const result = await ctx().boto.call({
      service: svc,
      operation: 'CreateGraphSnapshot',
      params: { graphIdentifier: 'g-cust0demo1', snapshotName: 'reserved-tag', tags: { 'aws:owner': 'me' } },
    });
    refused(result, 'ValidationException', 400, /aws:owner/);
    const listed = await ctx().boto.call({ service: svc, operation: 'ListGraphSnapshots' });
    const names = (ok(listed, svc, 'ListGraphSnapshots').graphSnapshots as { name: string }[]).map((s) => s.name);
    assert.ok(!names.includes('reserved-tag'), 'nothing was created');
  });

  it('deletes a snapshot (200, DELETING for the snapshot time, then gone) and refuses with the modeled errors', async () => {
    const [deleted, deleting, again, missing, malformed, failed] = await ctx().boto.run([
      { service: svc, operation: 'DeleteGraphSnapshot', params: { snapshotIdentifier: 'gs-cust0snap1' } },
      { service: svc, operation: 'GetGraphSnapshot', params: { snapshotIdentifier: 'gs-cust0snap1' } },
      { service: svc, operation: 'DeleteGraphSnapshot', params: { snapshotIdentifier: 'gs-cust0snap1' } },
      { service: svc, operation: 'DeleteGraphSnapshot', params: { snapshotIdentifier: 'gs-0000000000' } },
      { service: svc, operation: 'DeleteGraphSnapshot', params: { snapshotIdentifier: 'GS-BAD' } },
      { service: svc, operation: 'DeleteGraphSnapshot', params: { snapshotIdentifier: 'gs-reco0snap1' } },
    ]);
    const out = ok(deleted, svc, 'DeleteGraphSnapshot');
    assert.deepEqual([out.id, out.name, out.status], ['gs-cust0snap1', 'customer-graph-2025-06-01', 'DELETING']);
    assert.equal(ok(deleting, svc, 'GetGraphSnapshot').status, 'DELETING');
    refused(again, 'ConflictException', 409, /DELETING/);
    refused(missing, 'ResourceNotFoundException', 404, /gs-0000000000/);
    refused(malformed, 'ValidationException', 400, /snapshotIdentifier/);
    assert.equal(ok(failed, svc, 'DeleteGraphSnapshot').status, 'DELETING');
    ctx().emulator.clock.advance(5_000);
    const created = ok(
      await ctx().boto.call({
        service: svc,
        operation: 'CreateGraphSnapshot',
        params: { graphIdentifier: 'g-frau0demo2', snapshotName: 'still-creating' },
      }),
      svc,
      'CreateGraphSnapshot',
      201,
    );
    const [gone, listed, creating] = await ctx().boto.run([
      { service: svc, operation: 'GetGraphSnapshot', params: { snapshotIdentifier: 'gs-cust0snap1' } },
      { service: svc, operation: 'ListGraphSnapshots', params: { graphIdentifier: 'g-cust0demo1' } },
      { service: svc, operation: 'DeleteGraphSnapshot', params: { snapshotIdentifier: created.id } },
    ]);
    refused(gone, 'ResourceNotFoundException', 404, /gs-cust0snap1/);
    const ids = (ok(listed, svc, 'ListGraphSnapshots').graphSnapshots as { id: string }[]).map((s) => s.id);
    assert.deepEqual(ids, ['gs-cust0snap2']);
    // A snapshot still being taken cannot be deleted.
    refused(creating, 'ConflictException', 409, /CREATING/);
  });

  it('restores a snapshot (201, CREATING) into a graph GetGraph reads, and refuses a taken name (409)', async () => {
    const restored = await ctx().boto.call({
      service: svc,
      operation: 'RestoreGraphFromSnapshot',
      params: {
        snapshotIdentifier: 'gs-frau0snap1',
        graphName: 'botocore-restored',
        provisionedMemory: 32,
        replicaCount: 0,
        publicConnectivity: false,
        deletionProtection: false,
        tags: { team: 'data' },
      },
    });
    const out = ok(restored, svc, 'RestoreGraphFromSnapshot', 201);
    assert.equal(out.status, 'CREATING');
    assert.equal(out.name, 'botocore-restored');
    assert.equal(out.sourceSnapshotId, 'gs-frau0snap1');
    assert.equal(
      out.vectorSearchConfiguration && (out.vectorSearchConfiguration as { dimension: number }).dimension,
      384,
    );
    const [graph, tags, taken, missing] = await ctx().boto.run([
      { service: svc, operation: 'GetGraph', params: { graphIdentifier: out.id } },
      { service: svc, operation: 'ListTagsForResource', params: { resourceArn: out.arn } },
      {
        service: svc,
        operation: 'RestoreGraphFromSnapshot',
        params: { snapshotIdentifier: 'gs-cust0snap1', graphName: 'customer-graph' },
      },
      {
        service: svc,
        operation: 'RestoreGraphFromSnapshot',
        params: { snapshotIdentifier: 'gs-0000000000', graphName: 'from-nothing' },
      },
    ]);
    const got = ok(graph, svc, 'GetGraph');
    assert.deepEqual([got.provisionedMemory, got.replicaCount, got.deletionProtection], [32, 0, false]);
    assert.deepEqual(ok(tags, svc, 'ListTagsForResource').tags, { team: 'data' });
    refused(taken, 'ConflictException', 409, /customer-graph already exists/);
    refused(missing, 'ResourceNotFoundException', 404, /gs-0000000000/);
  });
});
