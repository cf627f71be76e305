// The botocore suite's frame: `describeBotocore` starts the emulator (port 0, signatures verified) and driver.py once
// per file and resets the emulator before each test; without botocore it skips with a message locally and fails in
// CI. `shapeIssues` checks what botocore parsed against the model's output shape, `ok` / `refused` check a result.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe } from 'node:test';
import { loadModel, modelsDir } from '../../../emulator/model/load';
import { PatternCache } from '../../../emulator/model/patterns';
import { type Shape, type ServiceModel, shapeOf } from '../../../emulator/model/types';
import { validateInput } from '../../../emulator/model/validate';
import { startTestEmulator, type TestEmulator } from '../emulator/helpers';
import { type BotoDriver, type BotoResult, findPython, startDriver } from './harness';

export interface BotocoreContext {
  readonly emulator: TestEmulator;
  readonly boto: BotoDriver;
}

const inCi = (): boolean => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

const MISSING =
  'no Python with botocore found ($BOTOCORE_PYTHON, else /usr/bin/python3 and python3): install it with ' +
  '`apt-get install -y python3-botocore` (bash scripts/e2e/install-deps.sh does, as root)';

/** A describe block whose tests get the running emulator and botocore driver from `ctx()`. */
export function describeBotocore(name: string, body: (ctx: () => BotocoreContext) => void): void {
  const python = findPython();
  if (!python && !inCi()) {
    describe(name, { skip: `${MISSING}; CI fails here instead of skipping` }, () => {});
    return;
  }
  describe(name, () => {
    let context: BotocoreContext | undefined;
    before(async () => {
      if (!python) throw new Error(`${MISSING}. The botocore suite must run in CI.`);
      const emulator = await startTestEmulator({ snapshotSeconds: 5 });
      context = { emulator, boto: await startDriver(python, emulator.url) };
    });
    after(async () => {
      await context?.boto.stop();
      await context?.emulator.stop();
    });
    beforeEach(() => context?.emulator.reset());
    body(() => {
      if (!context) throw new Error('the botocore suite did not start');
      return context;
    });
  });
}

/** Turns botocore's JSON (timestamps as ISO text) back into model values: a Date for each timestamp member. */
function revive(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'timestamp':
      return typeof value === 'string' ? new Date(value) : value;
    case 'structure':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => {
          const ref = shape.members?.[k];
          return [k, ref ? revive(model, shapeOf(model, ref.shape), v) : v];
        }),
      );
    case 'list':
      return (value as unknown[]).map((v) => revive(model, shapeOf(model, shape.member!.shape), v));
    case 'map':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          revive(model, shapeOf(model, shape.value!.shape), v),
        ]),
      );
    default:
      return value;
  }
}

/**
 * Values AWS answers although the model's (input-oriented) constraints say otherwise, so the emulator answers them
 * too: service → member name → the value and where AWS documents it.
 */
const AWS_ANSWERS: Readonly<Record<string, Readonly<Record<string, { value: string; why: string }>>>> = {
  'neptune-graph': {
    // KmsKeyArn's pattern is an ARN; graphs encrypted with the default key report the literal below.
    kmsKeyIdentifier: { value: 'AWS_OWNED_KEY', why: 'the default key of CreateGraph, reported as such by GetGraph' },
  },
};

/** Model folders by service id, loaded once per file. */
const models = new Map<string, ServiceModel>();
const patterns = new PatternCache();

/**
 * The ways botocore's parsed output of `operation` breaks its model output shape (required members, lengths,
 * patterns, enums, ranges): what AWS itself never answers.
 */
export function shapeIssues(service: string, operation: string, output: Record<string, unknown>): string[] {
  let model = models.get(service);
  if (!model) {
    model = loadModel(modelsDir(), service);
    models.set(service, model);
  }
  const shapeName = model.operations[operation]?.output?.shape;
  if (!shapeName) return [];
  const value = revive(model, shapeOf(model, shapeName), output);
  const known = AWS_ANSWERS[service] ?? {};
  return validateInput(model, shapeName, value, patterns)
    .filter((i) => {
      const member = i.path.split('.').pop() ?? '';
      return !(i.kind === 'pattern' && known[member] && i.message.startsWith(`Value '${known[member].value}' `));
    })
    .map((i) => i.message);
}

/** Asserts a call succeeded with `status` and an output that fits the model; returns the output. */
export function ok(
  result: BotoResult | undefined,
  service: string,
  operation: string,
  status = 200,
): Record<string, unknown> {
  assert.ok(result, 'no result');
  assert.equal(result.ok, true, `${service} ${operation} failed: ${result.code} ${result.message}`);
  assert.equal(result.status, status);
  for (const page of result.pages ?? [result.response ?? {}]) {
    assert.deepEqual(shapeIssues(service, operation, page), [], `${service} ${operation} output breaks its model`);
  }
  return result.response ?? {};
}

/** Asserts a call was refused with the modeled error `code` and HTTP `status`; returns the result. */
export function refused(result: BotoResult | undefined, code: string, status: number, message?: RegExp): BotoResult {
  assert.ok(result, 'no result');
  assert.equal(result.ok, false, `expected ${code}, got a success`);
  assert.equal(result.code, code, result.message);
  assert.equal(result.status, status, `${code}: HTTP status`);
  if (message) assert.match(result.message ?? '', message);
  return result;
}

/** Every item of every page, by `key` of the list `list`, asserting none appears twice. */
export function everyItemOnce(result: BotoResult, list: string, key: string): string[] {
  assert.ok(result.pages, 'not paginated');
  const ids = result.pages.flatMap((p) =>
    ((p[list] as Record<string, unknown>[] | undefined) ?? []).map((i) => i[key]),
  );
  assert.equal(new Set(ids).size, ids.length, `an item of ${list} appears on two pages`);
  return ids as string[];
}
