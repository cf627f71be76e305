// A service that does not answer, through the real SDK clients against the emulator (its `hang` fault): its branch
// says it is still loading, then shows its error node (with Retry) after ONE request timeout, not three; the other
// services of the region load meanwhile; Retry loads it once the service answers again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../../src/tree/model/messages';
import type { ErrorNode, ServiceNode } from '../../../src/tree/model/nodes';
import { emulatorWithProfiles } from '../../support/emulatorProfiles';

const REQUEST_TIMEOUT_MS = 1_500;
const emulator = emulatorWithProfiles({ prefix: 'tree-hang-', profiles: ['demo'] });

test('a hanging listing shows its error node after one request timeout; the rest of the tree is unaffected', async () => {
  await emulator.setFaults({ hang: ['docdb'] });
  const model = emulator.model({
    settings: { regions: { '*': ['us-east-1'] } },
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    deps: { checkCredentials: undefined, slowLoads: { afterMs: 500 } },
  });
  const [profile] = await model.getChildren();
  const [region] = await model.getChildren(profile);
  const nodes = (await model.getChildren(region)) as ServiceNode[];
  const docdb = nodes.find((n) => n.service.id === 'docdb');
  const graphs = nodes.find((n) => n.service.id === 'neptune-graph');
  assert.ok(docdb && graphs);

  const started = Date.now();
  const hanging = model.getChildren(docdb);
  const others = await model.getChildren(graphs);
  assert.ok(
    others.some((n) => n.kind === 'resource'),
    'the other services load meanwhile',
  );
  assert.ok(Date.now() - started < REQUEST_TIMEOUT_MS, 'without waiting for the hanging one');
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.equal(model.isLoadingSlowly(docdb), true, 'it says it is still loading');
  assert.equal(model.isLoadingSlowly(graphs), false);

  const [error] = await hanging;
  const elapsed = Date.now() - started;
  assert.equal(error?.kind, 'error');
  const view = model.describe(error);
  assert.equal(view.label, 'Could not list clusters: ' + messages.noAnswer);
  assert.equal(view.description, 'ETIMEDOUT');
  assert.match(view.contextValue, /\bretryable\b/);
  assert.equal((error as ErrorNode).error.kind, 'network');
  assert.ok(elapsed >= REQUEST_TIMEOUT_MS - 50, `after the timeout (${elapsed} ms)`);
  assert.ok(elapsed < 2 * REQUEST_TIMEOUT_MS, `after one timeout, not three (${elapsed} ms)`);
  assert.equal(model.isLoadingSlowly(docdb), false);

  // The service answers again (the emulator then answers, and logs, the calls it held): Retry loads it.
  await emulator.setFaults({});
  await new Promise((resolve) => setTimeout(resolve, 100));
  const log = await emulator.calls();
  assert.equal(log.filter((c) => c.service === 'docdb').length, 1, 'the timed-out listing was sent once');
  await model.retry(error as ErrorNode);
  const clusters = await model.getChildren(docdb);
  assert.ok(
    clusters.some((n) => n.kind === 'resource'),
    'Retry loads the clusters',
  );
  model.dispose();
});
