// The create flow's name step as README "Try it" step 2 walks it: every error of a bad name at once, and the
// suggested name still offered after typing over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCreateFlow, type CreateFlowDeps } from '../../../src/snapshots/createFlow';
import { issuesMessage } from '../../../src/snapshots/inputSteps';
import type { Answer, InputStep, PickStep, Prompter } from '../../../src/snapshots/prompter';
import { neptuneGraphRules } from '../../../src/validation';
import { silentLogger } from '../../../src/log';
import { fakeService, noClients, resource } from '../../support/fakeService';

const now = new Date(Date.UTC(2026, 10, 22, 15, 30, 0));

/** Shows the name step, records it, and cancels. */
class FirstInput implements Prompter {
  step: InputStep | undefined;
  async input(step: InputStep): Promise<Answer<string>> {
    this.step = step;
    return { kind: 'cancel' };
  }
  async pick<T>(_step: PickStep<T>): Promise<Answer<T>> {
    return { kind: 'cancel' };
  }
}

function deps(): CreateFlowDeps {
  return {
    clients: noClients,
    services: [],
    log: silentLogger,
    profiles: async () => [],
    regionsFor: () => [],
    defaultTags: () => ({}),
    listBuckets: async () => [],
    now: () => now,
  };
}

async function nameStep(): Promise<InputStep> {
  const service = fakeService({ id: 'neptune-graph', label: 'Neptune Analytics', rules: neptuneGraphRules });
  const target = {
    profile: 'demo',
    region: 'us-east-1',
    service,
    resource: resource('g-1', { name: 'customer-graph' }),
  };
  const prompter = new FirstInput();
  await runCreateFlow(prompter, deps(), { target });
  assert.ok(prompter.step, 'the flow asked for the name');
  return prompter.step;
}

test('Bad_Name: the input box shows every error of the value, joined, as the plan checker lists them', async () => {
  const step = await nameStep();
  const message = step.validate('Bad_Name');
  assert.equal(message?.severity, 'error');
  const errors = neptuneGraphRules.fields[0]!.validate('Bad_Name').filter((i) => i.severity === 'error');
  assert.ok(errors.length >= 2, 'the rules find two problems in Bad_Name');
  assert.equal(message?.message, errors.map((i) => i.message).join(' '));
  assert.match(message?.message ?? '', /lowercase letter.*'_' at position 4/);
});

test('the suggested name stays offered after typing over it', async () => {
  const step = await nameStep();
  assert.equal(step.value, 'customer-graph-20261122-1530');
  assert.equal(step.suggestion, 'customer-graph-20261122-1530');
  assert.equal(step.validate(step.suggestion ?? ''), undefined, 'the suggestion is valid');
});

test('issuesMessage: errors before warnings, duplicates once, nothing for a clean value', () => {
  const issue = (severity: 'error' | 'warning' | 'info', message: string) => ({ severity, message, start: 0, end: 1 });
  assert.equal(issuesMessage([]), undefined);
  assert.deepEqual(
    issuesMessage([issue('warning', 'W.'), issue('error', 'A.'), issue('error', 'B.'), issue('error', 'A.')]),
    {
      severity: 'error',
      message: 'A. B.',
    },
  );
  assert.deepEqual(issuesMessage([issue('info', 'I.'), issue('warning', 'W.')]), {
    severity: 'warning',
    message: 'W.',
  });
});
