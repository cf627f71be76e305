// Fuzzed inputs derived from the model constraints: for each constrained member, a few hundred seeded values
// (matching and non-matching the pattern, around the length bounds, Unicode) are sent with the real clients; the
// emulator must reject exactly the values the model forbids, with the service's validation error naming the member.
// The oracle reads the model JSON itself (independently of the emulator's validator).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CreateGraphSnapshotCommand,
  GetGraphCommand,
  ListGraphsCommand,
  NeptuneGraphClient,
} from '@aws-sdk/client-neptune-graph';
import { CreateSnapshotCommand, StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import { CreateDBClusterSnapshotCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { SimSpaceWeaverClient } from '../../../src/aws/simspaceweaver/client';
import { REPO, startTestEmulator, type TestEmulator } from './helpers';

const MODELS = process.env.AWS_MODELS_DIR ?? path.resolve(REPO, '..', 'shared', 'aws-models');
const RUNS = 150;
const SEED = 20261122;

interface StringShape {
  min?: number;
  max?: number;
  pattern?: string;
}
function shape(service: string, name: string): StringShape {
  const model = JSON.parse(readFileSync(path.join(MODELS, service, 'service-2.json'), 'utf8')) as {
    shapes: Record<string, StringShape>;
  };
  return model.shapes[name]!;
}

/**
 * The model's verdict: lengths in code points, the pattern matched against the whole value (the services validate
 * whole values; Smithy patterns are not implicitly anchored, so the oracle anchors them), `\A`/`\z` as `^`/`$`.
 */
function allowedBy(s: StringShape): (value: string) => boolean {
  const source = s.pattern?.replace(/\\A/g, '^').replace(/\\z/g, '$');
  const re = source === undefined ? undefined : new RegExp(`^(?:${source})$`, /\\p\{/.test(source) ? 'u' : '');
  return (value) => {
    const length = [...value].length;
    return length >= (s.min ?? 0) && length <= (s.max ?? Infinity) && (re === undefined || re.test(value));
  };
}

/**
 * Values around the constraints: whole matches of the pattern, values that only contain a match (with text around
 * it), capitalised matches, boundary lengths, Unicode and ASCII noise.
 */
function candidates(s: StringShape, minLength = 0): fc.Arbitrary<string> {
  const max = s.max ?? 80;
  const around = (n: number) =>
    fc.string({ minLength: Math.max(minLength, n - 1), maxLength: Math.max(minLength, n + 1) });
  const parts: fc.Arbitrary<string>[] = [
    fc.string({ minLength, maxLength: Math.min(max + 3, 300) }),
    fc.string({ unit: 'grapheme', minLength, maxLength: 20 }),
    around(s.min ?? 0),
    around(max),
  ];
  if (s.pattern) {
    // fast-check cannot generate from lookaheads: generate from the pattern without them (the oracle keeps them).
    const generated = s.pattern
      .replace(/\(\?[!=][^)]*\)/g, '')
      .replace(/\\A/g, '^')
      .replace(/\\z/g, '$');
    const flags = /\\p\{/.test(generated) ? 'u' : '';
    const whole = new RegExp(`^(?:${generated})$`, flags);
    const re = new RegExp(generated, flags);
    parts.push(fc.stringMatching(whole).filter((v) => v.length >= minLength && v.length <= max + 2));
    parts.push(fc.stringMatching(re).filter((v) => v.length >= minLength && v.length <= max + 2));
    parts.push(
      fc
        .stringMatching(re)
        .map((v) => v.toUpperCase())
        .filter((v) => v.length >= minLength),
    );
  }
  return fc.oneof(...parts);
}

interface Outcome {
  validation: boolean;
  message: string;
}
async function outcome(call: Promise<unknown>, isValidation: (e: Error) => boolean): Promise<Outcome> {
  try {
    await call;
    return { validation: false, message: 'ok' };
  } catch (error) {
    const e = error as Error;
    return { validation: isValidation(e), message: `${e.name}: ${e.message}` };
  }
}

describe('emulator: fuzzed inputs are rejected exactly where the model says', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.stop());

  async function check(
    values: fc.Arbitrary<string>,
    allowed: (v: string) => boolean,
    send: (v: string) => Promise<Outcome>,
    member: RegExp,
  ): Promise<void> {
    const samples = fc.sample(values, { numRuns: RUNS, seed: SEED });
    let rejected = 0;
    for (const value of samples) {
      const result = await send(value);
      const expected = !allowed(value);
      assert.equal(result.validation, expected, `value ${JSON.stringify(value)}: ${result.message}`);
      if (expected) {
        assert.match(result.message, member);
        rejected += 1;
      }
    }
    assert.ok(
      rejected > RUNS / 10 && rejected < RUNS,
      `a mix of valid and invalid values (rejected ${rejected} of ${RUNS})`,
    );
  }

  const constraintFailure = (e: Error) => /failed to satisfy constraint/.test(e.message);

  it('neptune-graph CreateGraphSnapshot snapshotName (length 1–63, pattern over the whole name)', async () => {
    const client = new NeptuneGraphClient(emu.config());
    const s = shape('neptune-graph', 'SnapshotName');
    await check(
      candidates(s),
      allowedBy(s),
      // The graph is STOPPED: a valid name gets ConflictException, so nothing is created.
      (v) =>
        outcome(
          client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-reco0demo3', snapshotName: v })),
          (e) => e.name === 'ValidationException',
        ),
      /at 'snapshotName'/,
    );
  });

  it('neptune-graph GetGraph graphIdentifier (URI label, pattern g-[a-z0-9]{10})', async () => {
    const client = new NeptuneGraphClient(emu.config());
    const s = shape('neptune-graph', 'GraphIdentifier');
    await check(
      candidates(s, 1),
      allowedBy(s),
      (v) => outcome(client.send(new GetGraphCommand({ graphIdentifier: v })), (e) => e.name === 'ValidationException'),
      /at 'graphIdentifier'/,
    );
  });

  it('neptune-graph ListGraphs maxResults (range 1–100)', async () => {
    const client = new NeptuneGraphClient(emu.config());
    const values = fc.sample(fc.integer({ min: -20, max: 130 }), { numRuns: RUNS, seed: SEED });
    for (const maxResults of values) {
      const result = await outcome(
        client.send(new ListGraphsCommand({ maxResults })),
        (e) => e.name === 'ValidationException',
      );
      assert.equal(result.validation, maxResults < 1 || maxResults > 100, `${maxResults}: ${result.message}`);
    }
  });

  it('neptune-graph CreateGraphSnapshot tags (at most 50; key 1–128 matching [a-zA-Z+-=._:/]+; value ≤ 256)', async () => {
    const client = new NeptuneGraphClient(emu.config());
    const key = shape('neptune-graph', 'TagKey');
    const value = shape('neptune-graph', 'TagValue');
    const keyOk = allowedBy(key);
    const valueOk = allowedBy(value);
    const maps = fc.oneof(
      fc.dictionary(candidates(key, 1), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
      fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), candidates(value), { maxKeys: 2 }),
      fc
        .integer({ min: 45, max: 56 })
        .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']))),
    );
    const samples = fc.sample(maps, { numRuns: RUNS, seed: SEED });
    for (const tags of samples) {
      const entries = Object.entries(tags);
      const expected = entries.length > 50 || entries.some(([k, v]) => !keyOk(k) || !valueOk(v));
      const result = await outcome(
        client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-reco0demo3', snapshotName: 'fuzz', tags })),
        (e) => e.name === 'ValidationException',
      );
      assert.equal(result.validation, expected, `${JSON.stringify(tags).slice(0, 200)}: ${result.message}`);
      if (expected) assert.match(result.message, /at 'tags/);
    }
  });

  it('storagegateway CreateSnapshot SnapshotDescription, VolumeARN and tag keys', async () => {
    const client = new StorageGatewayClient(emu.config('eu-west-1'));
    // The volume's gateway is shut down: valid input gets GatewayNotConnected, so nothing is created.
    const offline = 'arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-45D6789E/volume/vol-99BB1122';
    const isValidation = (e: Error) =>
      (e as { error?: { errorCode?: string } }).error?.errorCode === 'InvalidParameters';
    const description = shape('storagegateway', 'SnapshotDescription');
    await check(
      candidates(description),
      allowedBy(description),
      (v) =>
        outcome(client.send(new CreateSnapshotCommand({ VolumeARN: offline, SnapshotDescription: v })), isValidation),
      /at 'snapshotDescription'/,
    );
    const arn = shape('storagegateway', 'VolumeARN');
    await check(
      fc.oneof(
        candidates(arn),
        fc.string({ maxLength: 12 }).map((s) => `${offline.slice(0, -8)}${s}`),
      ),
      allowedBy(arn),
      (v) =>
        outcome(client.send(new CreateSnapshotCommand({ VolumeARN: v, SnapshotDescription: 'fuzz' })), isValidation),
      /at 'volumeARN'/,
    );
    const tagKey = shape('storagegateway', 'TagKey');
    await check(
      candidates(tagKey),
      allowedBy(tagKey),
      (v) =>
        outcome(
          client.send(
            new CreateSnapshotCommand({ VolumeARN: offline, SnapshotDescription: 'x', Tags: [{ Key: v, Value: 'v' }] }),
          ),
          isValidation,
        ),
      /at 'tags\.1\.member\.key'/,
    );
  });

  it('simspaceweaver DescribeSimulation name (query string) and CreateSnapshot destination bucket', async () => {
    const client = new SimSpaceWeaverClient(emu.config());
    const name = shape('simspaceweaver', 'SimSpaceWeaverResourceName');
    await check(
      candidates(name),
      allowedBy(name),
      (v) => outcome(client.describeSimulation({ Simulation: v }), (e) => e.name === 'ValidationException'),
      /at 'simulation'/,
    );
    const bucket = shape('simspaceweaver', 'BucketName');
    await check(
      candidates(bucket),
      allowedBy(bucket),
      // A STOPPED simulation: valid input gets a (state) ValidationException without a constraint message.
      (v) =>
        outcome(
          client.createSnapshot({ Simulation: 'crowd-evacuation', Destination: { BucketName: v } }),
          constraintFailure,
        ),
      /at 'destination\.bucketName'/,
    );
  });

  it('docdb CreateDBClusterSnapshot identifier (documented rules, not in the model)', async () => {
    const client = new DocDBClient(emu.config());
    const documented = (v: string) => /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/.test(v) && !v.endsWith('-') && v.length <= 63;
    const values = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,70}$/),
      fc.string({ minLength: 1, maxLength: 70 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
    );
    // The cluster is `modifying`: a valid identifier gets InvalidDBClusterStateFault, so nothing is created.
    await check(
      values,
      documented,
      (v) =>
        outcome(
          client.send(
            new CreateDBClusterSnapshotCommand({
              DBClusterIdentifier: 'analytics-docdb',
              DBClusterSnapshotIdentifier: v,
            }),
          ),
          (e) => e.name === 'InvalidParameterValue',
        ),
      /DBClusterSnapshotIdentifier/,
    );
  });
});
