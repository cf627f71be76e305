import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ConflictException,
  CreateGraphSnapshotCommand,
  DeleteGraphSnapshotCommand,
  GetGraphCommand,
  GetGraphSnapshotCommand,
  ListGraphSnapshotsCommand,
  ListGraphsCommand,
  ListTagsForResourceCommand,
  NeptuneGraphClient,
  ResourceNotFoundException,
  ValidationException,
  paginateListGraphs,
  paginateListGraphSnapshots,
} from '@aws-sdk/client-neptune-graph';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';

describe('emulator: neptune-graph over restJson1 with the real SDK client', () => {
  let emu: TestEmulator;
  let client: NeptuneGraphClient;
  before(async () => {
    emu = await startTestEmulator({ snapshotSeconds: 5 });
    client = new NeptuneGraphClient(emu.config());
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('lists the demo graphs with their modeled fields, one not AVAILABLE', async () => {
    const out = await client.send(new ListGraphsCommand({}));
    assert.deepEqual(
      out.graphs?.map((g) => [g.id, g.name, g.status]),
      [
        ['g-cust0demo1', 'customer-graph', 'AVAILABLE'],
        ['g-frau0demo2', 'fraud-detection', 'AVAILABLE'],
        ['g-reco0demo3', 'recommendations', 'STOPPED'],
      ],
    );
    assert.equal(out.graphs?.[0]?.arn, 'arn:aws:neptune-graph:us-east-1:123456789012:graph/g-cust0demo1');
    assert.equal(out.nextToken, undefined);
  });

  it('gets a graph with its create time as a Date', async () => {
    const g = await client.send(new GetGraphCommand({ graphIdentifier: 'g-frau0demo2' }));
    assert.equal(g.name, 'fraud-detection');
    assert.deepEqual(g.createTime, new Date('2025-04-02T14:30:00Z'));
    assert.equal(g.vectorSearchConfiguration?.dimension, 384);
  });

  it('answers an unknown graph with ResourceNotFoundException (404) and a malformed id with ValidationException', async () => {
    await rejects(client.send(new GetGraphCommand({ graphIdentifier: 'g-0000000000' })), {
      cls: ResourceNotFoundException,
      message: /g-0000000000/,
      status: 404,
    });
    const error = await rejects(client.send(new GetGraphCommand({ graphIdentifier: 'G-BAD' })), {
      cls: ValidationException,
      message:
        /at 'graphIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: g-\[a-z0-9\]\{10\}/,
      status: 400,
    });
    assert.equal((error as ValidationException).reason, 'CONSTRAINT_VIOLATION');
  });

  it('creates a snapshot (201) that is CREATING, the graph SNAPSHOTTING, then both AVAILABLE after snapshotSeconds', async () => {
    const created = await client.send(
      new CreateGraphSnapshotCommand({
        graphIdentifier: 'g-cust0demo1',
        snapshotName: 'nightly-1',
        tags: { env: 'test' },
      }),
    );
    assert.equal(created.$metadata.httpStatusCode, 201);
    assert.match(created.id ?? '', /^gs-[a-z0-9]{10}$/);
    assert.equal(created.status, 'CREATING');
    assert.equal(created.sourceGraphId, 'g-cust0demo1');
    assert.equal((await client.send(new GetGraphCommand({ graphIdentifier: 'g-cust0demo1' }))).status, 'SNAPSHOTTING');
    await rejects(
      client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-cust0demo1', snapshotName: 'nightly-2' })),
      {
        cls: ConflictException,
        message: /SNAPSHOTTING/,
        status: 409,
      },
    );
    emu.clock.advance(4_999);
    assert.equal(
      (await client.send(new GetGraphSnapshotCommand({ snapshotIdentifier: created.id! }))).status,
      'CREATING',
    );
    emu.clock.advance(1);
    assert.equal(
      (await client.send(new GetGraphSnapshotCommand({ snapshotIdentifier: created.id! }))).status,
      'AVAILABLE',
    );
    assert.equal((await client.send(new GetGraphCommand({ graphIdentifier: 'g-cust0demo1' }))).status, 'AVAILABLE');
  });

  it('refuses a duplicate snapshot name and a graph that is not AVAILABLE with ConflictException', async () => {
    await rejects(
      client.send(
        new CreateGraphSnapshotCommand({ graphIdentifier: 'g-frau0demo2', snapshotName: 'customer-graph-2025-06-01' }),
      ),
      { cls: ConflictException, message: /already exists/ },
    );
    await rejects(
      client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-reco0demo3', snapshotName: 'reco-1' })),
      {
        cls: ConflictException,
        message: /STOPPED/,
      },
    );
    await rejects(client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-0000000000', snapshotName: 'x' })), {
      cls: ResourceNotFoundException,
    });
  });

  it('matches patterns against the whole value: Upper is not a snapshot name, xg-0123456789x not a graph id', async () => {
    // `(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*` is found inside 'Upper' ('pper'), 'ab-', 'a_b' and 'gs-x'; the service
    // validates the whole name, so each is rejected (on an AVAILABLE graph, where a valid name is created).
    for (const name of ['Upper', 'ab-', 'a_b', 'gs-x', 'a'.repeat(64), '', '---', 'GS-123', '9-9']) {
      await rejects(
        client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-frau0demo2', snapshotName: name })),
        {
          cls: ValidationException,
          message: /at 'snapshotName' failed to satisfy constraint/,
        },
      );
    }
    await rejects(client.send(new GetGraphCommand({ graphIdentifier: 'xg-0123456789x' })), {
      cls: ValidationException,
      message: /at 'graphIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    });
    const accepted = await client.send(
      new CreateGraphSnapshotCommand({ graphIdentifier: 'g-frau0demo2', snapshotName: 'lower-1' }),
    );
    assert.equal(accepted.name, 'lower-1');
  });

  it('lists snapshots of one graph, gets and deletes one: DELETING for the snapshot time, then gone', async () => {
    const list = await client.send(new ListGraphSnapshotsCommand({ graphIdentifier: 'g-cust0demo1' }));
    assert.deepEqual(
      list.graphSnapshots?.map((s) => s.id),
      ['gs-cust0snap1', 'gs-cust0snap2'],
    );
    const failed = await client.send(new GetGraphSnapshotCommand({ snapshotIdentifier: 'gs-reco0snap1' }));
    assert.equal(failed.status, 'FAILED');
    const deleted = await client.send(new DeleteGraphSnapshotCommand({ snapshotIdentifier: 'gs-cust0snap1' }));
    assert.equal(deleted.status, 'DELETING');
    assert.equal(deleted.name, 'customer-graph-2025-06-01');
    const deleting = await client.send(new GetGraphSnapshotCommand({ snapshotIdentifier: 'gs-cust0snap1' }));
    assert.equal(deleting.status, 'DELETING');
    await rejects(client.send(new DeleteGraphSnapshotCommand({ snapshotIdentifier: 'gs-cust0snap1' })), {
      cls: ConflictException,
      message: /DELETING/,
    });
    emu.clock.advance(5_000);
    await rejects(client.send(new GetGraphSnapshotCommand({ snapshotIdentifier: 'gs-cust0snap1' })), {
      cls: ResourceNotFoundException,
    });
    const after = await client.send(new ListGraphSnapshotsCommand({ graphIdentifier: 'g-cust0demo1' }));
    assert.deepEqual(
      after.graphSnapshots?.map((s) => s.id),
      ['gs-cust0snap2'],
    );
    await rejects(client.send(new DeleteGraphSnapshotCommand({ snapshotIdentifier: 'gs-cust0snap1' })), {
      cls: ResourceNotFoundException,
    });
    // A FAILED snapshot can be deleted; one still CREATING cannot.
    const gone = await client.send(new DeleteGraphSnapshotCommand({ snapshotIdentifier: 'gs-reco0snap1' }));
    assert.equal(gone.status, 'DELETING');
    const made = await client.send(
      new CreateGraphSnapshotCommand({ graphIdentifier: 'g-frau0demo2', snapshotName: 'in-progress' }),
    );
    await rejects(client.send(new DeleteGraphSnapshotCommand({ snapshotIdentifier: made.id })), {
      cls: ConflictException,
      message: /CREATING/,
    });
  });

  it('pages through the eu-west-1 bulk data at the default page size, every graph and snapshot exactly once', async () => {
    const eu = new NeptuneGraphClient(emu.config('eu-west-1'));
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateListGraphs({ client: eu }, {})) {
      pages.push(page.graphs?.length ?? 0);
      ids.push(...(page.graphs ?? []).map((g) => g.id!));
    }
    assert.deepEqual(pages, [100, 100, 6]);
    assert.equal(new Set(ids).size, 206);
    const snapshotIds: string[] = [];
    for await (const page of paginateListGraphSnapshots({ client: eu, pageSize: 37 }, {})) {
      assert.ok((page.graphSnapshots?.length ?? 0) <= 37);
      snapshotIds.push(...(page.graphSnapshots ?? []).map((s) => s.id!));
    }
    assert.equal(snapshotIds.length, 206);
    assert.equal(new Set(snapshotIds).size, 206);
  });

  it("serves ListTagsForResource for graphs and snapshots, and refuses 'aws:' tag keys as the API reference does", async () => {
    const arn = (kind: string, id: string) => `arn:aws:neptune-graph:us-east-1:123456789012:${kind}/${id}`;
    const seeded = await client.send(
      new ListTagsForResourceCommand({ resourceArn: arn('graph-snapshot', 'gs-frau0snap1') }),
    );
    assert.deepEqual(seeded.tags, { team: 'risk' });
    const graph = await client.send(new ListTagsForResourceCommand({ resourceArn: arn('graph', 'g-cust0demo1') }));
    assert.deepEqual(graph.tags, {});
    await rejects(
      client.send(new ListTagsForResourceCommand({ resourceArn: arn('graph-snapshot', 'gs-0000000000') })),
      {
        cls: ResourceNotFoundException,
        status: 404,
      },
    );
    await rejects(
      client.send(
        new CreateGraphSnapshotCommand({
          graphIdentifier: 'g-cust0demo1',
          snapshotName: 'reserved-key',
          tags: { 'aws:owner': 'me' },
        }),
      ),
      { cls: ValidationException, status: 400, message: /Invalid tag key 'aws:owner'/ },
    );
  });

  it('rejects a forged pagination token and out-of-range maxResults with ValidationException', async () => {
    await rejects(client.send(new ListGraphsCommand({ nextToken: 'not-a-token' })), {
      cls: ValidationException,
      message: /token/,
    });
    await rejects(client.send(new ListGraphsCommand({ maxResults: 101 })), {
      cls: ValidationException,
      message: /maxResults/,
    });
    await rejects(client.send(new ListGraphsCommand({ maxResults: 0 })), {
      cls: ValidationException,
      message: /maxResults/,
    });
  });
});
