// SimSpace Weaver restore (StartSimulation from a snapshot) against a fake of our client: the form's defaults from the
// source simulation (and without it), the exact request calls() builds and send() sends, the name check, the states
// of simulations being started, refusals and error sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceNotFoundException } from '../../../src/aws/simspaceweaver/errors';
import type { AwsClients } from '../../../src/aws/clients';
import type { FormInput } from '../../../src/services/forms';
import type { AwsContext, RestoredRef, Snapshot } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { restoredState } from '../../../src/services/simSpaceWeaverRestore';

type Handler = (input: Record<string, unknown>) => unknown;

function fakeWeaver(handlers: Record<string, Handler>) {
  const calls: { name: string; input: Record<string, unknown>; region: string }[] = [];
  const clients = {
    async get(_spec: unknown, _profile: string, region: string) {
      const method = (name: string) => async (input: Record<string, unknown>) => {
        calls.push({ name, input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>, region });
        const handler = handlers[name];
        if (!handler) throw new Error(`unexpected call ${name}`);
        return handler(input);
      };
      return {
        listSimulations: method('listSimulations'),
        describeSimulation: method('describeSimulation'),
        startSimulation: method('startSimulation'),
      };
    },
  } as unknown as AwsClients; // a structural fake of our client: only the methods the restore calls
  const ctx: AwsContext = { profile: 'dev', region: 'us-east-1', clients };
  return { ctx, calls };
}

const snapshot: Snapshot = {
  service: 'simspaceweaver',
  id: 's3://snaps/runs/snapshot/city-260105-0708-09.zip',
  name: 'city-260105-0708-09.zip',
  resourceId: 'city',
  state: 'available',
  status: 'AVAILABLE',
  details: [],
};

const source = {
  Name: 'city',
  Status: 'STARTED',
  RoleArn: 'arn:aws:iam::123456789012:role/weaver-city',
  MaximumDuration: '2D',
  Description: 'Downtown traffic',
  $metadata: {},
};

const notFound = () => {
  throw new ResourceNotFoundException({ message: 'Simulation city does not exist.', $metadata: {} });
};

const input = (values: Record<string, string>, extra: Partial<FormInput> = {}): FormInput => ({
  values,
  tags: [],
  clientToken: '0f8fad5b-d9cb-469f-a165-70867728950e',
  ...extra,
});

const restore = svc.restore!;

describe('SimSpace Weaver restore', () => {
  it('declares StartSimulation, its IAM actions, what it makes and the model members', () => {
    assert.equal(restore.operation, 'StartSimulation');
    assert.deepEqual(restore.iamActions, ['simspaceweaver:StartSimulation', 'iam:PassRole', 's3:GetObject']);
    assert.equal(restore.makes, 'simulation');
    assert.deepEqual(restore.modelMembers?.StartSimulation?.slice(0, 6), [
      'Name',
      'RoleArn',
      'MaximumDuration',
      'Description',
      'SnapshotS3Location.BucketName',
      'SnapshotS3Location.ObjectKey',
    ]);
    assert.equal(typeof svc.getRestoredStatuses, 'function');
  });

  it('prefills role, duration and description from the source simulation, each saying where it came from', async () => {
    const { ctx, calls } = fakeWeaver({ describeSimulation: () => source });
    const form = await restore.prepare(ctx, snapshot, undefined);
    assert.deepEqual(calls, [{ name: 'describeSimulation', input: { Simulation: 'city' }, region: 'us-east-1' }]);
    const byKey = Object.fromEntries(form.fields.map((f) => [f.key, f]));
    assert.deepEqual(Object.keys(byKey), ['Name', 'RoleArn', 'MaximumDuration', 'Description']);
    assert.deepEqual(
      form.fields.map((f) => [f.key, f.kind, f.required]),
      [
        ['Name', 'text', true],
        ['RoleArn', 'text', true],
        ['MaximumDuration', 'text', false],
        ['Description', 'text', false],
      ],
    );
    assert.match(byKey.Name?.defaultValue?.value ?? '', /^city-\d{8}-\d{4}$/);
    assert.deepEqual(byKey.RoleArn?.defaultValue, { value: source.RoleArn, source: "the source simulation's" });
    assert.deepEqual(byKey.MaximumDuration?.defaultValue, { value: '2D', source: "the source simulation's" });
    assert.deepEqual(byKey.Description?.defaultValue, { value: 'Downtown traffic', source: "the source simulation's" });
    assert.equal(form.nameField, 'Name');
    assert.equal(form.tags?.maxTags, 50);
    for (const f of form.fields) {
      if (f.defaultValue) assert.deepEqual(f.validate(f.defaultValue.value, {}), [], `${f.key} default is valid`);
    }
  });

  it("without the source: no role default, the API's 14D, no description", async () => {
    const { ctx } = fakeWeaver({ describeSimulation: notFound });
    const form = await restore.prepare(ctx, snapshot, undefined);
    const byKey = Object.fromEntries(form.fields.map((f) => [f.key, f]));
    assert.equal(byKey.RoleArn?.defaultValue, undefined);
    assert.deepEqual(byKey.MaximumDuration?.defaultValue, { value: '14D', source: "the API's default" });
    assert.equal(byKey.Description?.defaultValue, undefined);
    assert.match(byKey.Name?.defaultValue?.value ?? '', /^city-/);
  });

  it('builds exactly one StartSimulation from the snapshot location, and send sends that request', async () => {
    const { ctx, calls } = fakeWeaver({
      describeSimulation: () => source,
      startSimulation: () => ({ Arn: 'arn', ExecutionId: 'e', $metadata: {} }),
    });
    const form = await restore.prepare(ctx, snapshot, undefined);
    const values = {
      Name: 'city-2',
      RoleArn: source.RoleArn,
      MaximumDuration: '3D',
      Description: 'again',
    };
    const given = input(values, { tags: [{ key: 'team', value: 'sim' }] });
    const expected = {
      operation: 'StartSimulation',
      input: {
        Name: 'city-2',
        RoleArn: source.RoleArn,
        MaximumDuration: '3D',
        Description: 'again',
        SnapshotS3Location: { BucketName: 'snaps', ObjectKey: 'runs/snapshot/city-260105-0708-09.zip' },
        Tags: { team: 'sim' },
        ClientToken: '0f8fad5b-d9cb-469f-a165-70867728950e',
      },
    };
    assert.deepEqual(form.calls(given), [expected]);
    const restored = await form.send(given);
    assert.deepEqual(restored, { id: 'city-2', name: 'city-2', state: 'creating', status: 'STARTING' });
    assert.deepEqual(calls.at(-1), { name: 'startSimulation', input: expected.input, region: 'us-east-1' });
    // Optional members left empty are left out (AWS's 14D applies), and no tags means no Tags member.
    const minimal = form.calls(input({ Name: 'c', RoleArn: source.RoleArn, MaximumDuration: '', Description: '' }));
    assert.deepEqual(Object.keys(minimal[0]?.input ?? {}), ['Name', 'RoleArn', 'SnapshotS3Location', 'ClientToken']);
    // A token the model's ClientToken (32–128 of [a-zA-Z0-9-]) refuses is left for our client to make.
    const short = form.calls(input({ Name: 'c', RoleArn: source.RoleArn }, { clientToken: 'short' }));
    assert.equal(short[0]?.input.ClientToken, undefined);
  });

  it('refuses on Enter a name a simulation of the region already has (ListSimulations pages until found)', async () => {
    const { ctx, calls } = fakeWeaver({
      describeSimulation: () => source,
      listSimulations: (i) =>
        i.NextToken
          ? { Simulations: [{ Name: 'taken', Status: 'STOPPED' }], $metadata: {} }
          : { Simulations: [{ Name: 'city', Status: 'STARTED' }], NextToken: 't2', $metadata: {} },
    });
    const form = await restore.prepare(ctx, snapshot, undefined);
    const name = form.fields.find((f) => f.key === 'Name');
    const signal = new AbortController().signal;
    assert.match((await name?.accept?.('taken', signal, {})) ?? '', /taken already exists in us-east-1 \(STOPPED\)/);
    assert.equal(await name?.accept?.('free', signal, {}), undefined);
    assert.equal((await name?.accept?.('city', signal, {})) !== undefined, true);
    assert.deepEqual(
      calls.filter((c) => c.name === 'listSimulations').map((c) => c.input.NextToken ?? null),
      [null, 't2', null, 't2', null],
    );
  });

  it('reads one simulation with DescribeSimulation, several with one ListSimulations, stopping once all are found', async () => {
    const listed = {
      first: {
        Simulations: [
          { Name: 'a', Status: 'STARTING' },
          { Name: 'x', Status: 'STARTED' },
        ],
        NextToken: 'p2',
      },
      p2: { Simulations: [{ Name: 'b', Status: 'STARTED' }], NextToken: 'p3' },
    };
    const { ctx, calls } = fakeWeaver({
      describeSimulation: (i) => (i.Simulation === 'a' ? { Name: 'a', Status: 'STARTING', $metadata: {} } : notFound()),
      listSimulations: (i) => ({ ...(i.NextToken === 'p2' ? listed.p2 : listed.first), $metadata: {} }),
    });
    const ref = (resourceId: string): RestoredRef => ({ profile: 'dev', region: 'us-east-1', resourceId });
    const one = await svc.getRestoredStatuses!(ctx, [ref('a')]);
    assert.deepEqual([...one], [['a', { id: 'a', state: 'creating', status: 'STARTING' }]]);
    assert.deepEqual([...(await svc.getRestoredStatuses!(ctx, [ref('gone')]))], []);
    calls.length = 0;
    const many = await svc.getRestoredStatuses!(ctx, [ref('a'), ref('b'), ref('a')]);
    assert.deepEqual(
      calls.map((c) => c.name),
      ['listSimulations', 'listSimulations'],
      'two pages, not one call per simulation; the third page is not read',
    );
    assert.deepEqual(many.get('b'), { id: 'b', state: 'available', status: 'STARTED' });
    assert.equal(many.get('a')?.state, 'creating');
  });

  it("maps every SimulationStatus of the model to a restore's state", () => {
    assert.deepEqual(
      [
        'STARTING',
        'STARTED',
        'SNAPSHOT_IN_PROGRESS',
        'FAILED',
        'STOPPING',
        'STOPPED',
        'DELETING',
        'DELETED',
        'UNKNOWN',
      ].map(restoredState),
      ['creating', 'available', 'available', 'failed', 'failed', 'failed', 'deleting', 'deleting', 'unknown'],
    );
  });

  it('refuses a snapshot that is not available; explains each modeled StartSimulation error', () => {
    assert.equal(restore.refusal?.(snapshot), undefined);
    assert.match(
      restore.refusal?.({ ...snapshot, state: 'creating', status: 'SNAPSHOT_IN_PROGRESS' }) ?? '',
      /still being created/,
    );
    const c = { profile: 'dev', region: 'us-east-1', resourceName: 'city', newName: 'city-2' };
    const say = (code: string, message = 'm') => restore.explainError?.({ code, message }, c) ?? '';
    assert.match(say('ConflictException'), /city-2.*already exist in us-east-1; choose another name/);
    assert.match(say('ServiceQuotaExceededException'), /another simulation in us-east-1.*Service Quotas/);
    assert.match(say('AccessDeniedException'), /dev.*simspaceweaver:StartSimulation and iam:PassRole.*s3:GetObject/);
    assert.match(say('ValidationException', 'The snapshot object does not exist'), /Check the snapshot location/);
    assert.match(say('ValidationException', 'RoleArn is not valid'), /Check the IAM role ARN/);
    assert.match(say('ValidationException', 'Bad MaximumDuration'), /Check the maximum duration/);
    assert.match(say('InternalServerException'), /Retry in a few minutes/);
    assert.equal(restore.explainError?.({ code: 'ThrottlingException', message: 'x' }, c), undefined);
  });
});
