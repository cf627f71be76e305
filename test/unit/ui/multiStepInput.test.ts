// The QuickInput prompter against a fake `vscode`: what each step shows, what Enter and Back do.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InputStep, PickStep } from '../../../src/snapshots/prompter';
import { installVscodeRecorder, type FakeInputBox, type FakeQuickPick } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());
const load = async () => new (await import('../../../src/ui/multiStepInput')).QuickInputPrompter();

const tick = () => new Promise((resolve) => setImmediate(resolve));

function inputStep(extra: Partial<InputStep> = {}): InputStep {
  return {
    id: 'name',
    title: 'Create DocumentDB Snapshot: orders',
    step: 2,
    totalSteps: 4,
    value: 'orders-1',
    prompt: 'rules',
    placeholder: 'e.g. my-snapshot',
    validate: (v) =>
      v.startsWith('1')
        ? { message: 'must start with a letter', severity: 'error' }
        : /[A-Z]/.test(v)
          ? { message: 'stored lowercase', severity: 'warning' }
          : undefined,
    ...extra,
  };
}

test('an input step shows title, counter, Back from step 2, placeholder, and keeps focus', async () => {
  const prompter = await load();
  const answer = prompter.input(inputStep());
  const box = rec.current() as FakeInputBox;
  assert.equal(box.title, 'Create DocumentDB Snapshot: orders');
  assert.equal(box.step, 2);
  assert.equal(box.totalSteps, 4);
  assert.equal(box.value, 'orders-1');
  assert.equal(box.placeholder, 'e.g. my-snapshot');
  assert.equal(box.ignoreFocusOut, true);
  assert.equal(box.buttons.length, 1);
  box.back();
  assert.deepEqual(await answer, { kind: 'back' });
  assert.ok(box.disposed);
});

test('step 1 has no Back button', async () => {
  const prompter = await load();
  const answer = prompter.input(inputStep({ step: 1 }));
  const box = rec.current() as FakeInputBox;
  assert.deepEqual(box.buttons, []);
  box.escape();
  assert.deepEqual(await answer, { kind: 'cancel' });
});

test('validation runs on every keystroke; an error blocks Enter, a warning does not', async () => {
  const prompter = await load();
  const answer = prompter.input(inputStep());
  const box = rec.current() as FakeInputBox;
  box.type('1abc');
  assert.deepEqual(box.validationMessage, { message: 'must start with a letter', severity: 3 });
  box.enter();
  await tick();
  assert.equal(box.disposed, false, 'Enter was refused');
  box.type('Abc');
  assert.deepEqual(box.validationMessage, { message: 'stored lowercase', severity: 2 });
  box.enter();
  assert.deepEqual(await answer, { kind: 'value', value: 'Abc' });
});

test('the on-Enter check is busy while it runs, refuses a taken name, and a double Enter checks once', async () => {
  const prompter = await load();
  const checked: string[] = [];
  let release: (r: string | undefined) => void = () => undefined;
  const answer = prompter.input(
    inputStep({
      accept: (value) => {
        checked.push(value);
        return new Promise((resolve) => (release = resolve));
      },
    }),
  );
  const box = rec.current() as FakeInputBox;
  box.type('taken');
  box.enter();
  box.enter();
  assert.equal(box.busy, true);
  release('A snapshot named "taken" already exists.');
  await tick();
  assert.deepEqual(checked, ['taken']);
  assert.equal(box.busy, false);
  assert.deepEqual(box.validationMessage, { message: 'A snapshot named "taken" already exists.', severity: 3 });
  box.type('free');
  box.enter();
  release(undefined);
  assert.deepEqual(await answer, { kind: 'value', value: 'free' });
});

test('only the latest check counts: an answer for a value edited meanwhile is dropped', async () => {
  const prompter = await load();
  const releases: ((r: string | undefined) => void)[] = [];
  const answer = prompter.input(inputStep({ accept: () => new Promise((resolve) => releases.push(resolve)) }));
  const box = rec.current() as FakeInputBox;
  box.type('first');
  box.enter();
  box.type('second');
  releases[0]?.(undefined); // "first" is free, but the user has moved on
  await tick();
  assert.equal(box.disposed, false, 'the stale answer did not accept');
  box.enter();
  releases[1]?.(undefined);
  assert.deepEqual(await answer, { kind: 'value', value: 'second' });
});

test('a check that times out warns, and Enter again goes on without it', async () => {
  const prompter = await load();
  const answer = prompter.input(inputStep({ accept: () => new Promise(() => undefined), acceptTimeoutMs: 10 }));
  const box = rec.current() as FakeInputBox;
  box.enter();
  await new Promise((resolve) => setTimeout(resolve, 30));
  await tick();
  const message = box.validationMessage as { message: string; severity: number };
  assert.equal(message.severity, 2);
  assert.match(message.message, /Enter again/);
  box.enter();
  assert.deepEqual(await answer, { kind: 'value', value: 'orders-1' });
});

function pickStep(extra: Partial<PickStep<string>> = {}): PickStep<string> {
  return {
    id: 'resource',
    title: 'Create Snapshot',
    step: 4,
    totalSteps: 7,
    placeholder: 'Pick one of the clusters',
    items: [
      { label: 'orders', value: 'orders' },
      { label: 'stopped', value: 'stopped', disabledReason: 'the cluster is stopped' },
      { label: 'users', value: 'users' },
    ],
    ...extra,
  };
}

test('a disabled item says why and cannot be accepted', async () => {
  const prompter = await load();
  const answer = prompter.pick(pickStep());
  const pick = rec.current() as FakeQuickPick;
  const stopped = pick.items.find((i) => i.label.includes('stopped'));
  // Words in the label and detail (a screen reader reads them), the icon apart.
  assert.equal(stopped?.label, 'stopped');
  assert.equal(stopped?.detail, 'Not available: the cluster is stopped');
  assert.equal((stopped as { iconPath?: { id: string } } | undefined)?.iconPath?.id, 'circle-slash');
  pick.choose('stopped');
  await tick();
  assert.equal(pick.disposed, false);
  assert.equal(pick.placeholder, 'the cluster is stopped');
  pick.choose('users');
  assert.deepEqual(await answer, { kind: 'value', value: 'users' });
});

test('items loaded live: busy while loading, then the previous choice is active again', async () => {
  const prompter = await load();
  let release: () => void = () => undefined;
  const answer = prompter.pick(
    pickStep({
      activeValue: 'users',
      items: () =>
        new Promise((resolve) => {
          release = () =>
            resolve([
              { label: 'orders', value: 'orders' },
              { label: 'users', value: 'users' },
            ]);
        }),
    }),
  );
  const pick = rec.current() as FakeQuickPick;
  assert.equal(pick.busy, true);
  release();
  await tick();
  assert.equal(pick.busy, false);
  assert.deepEqual(
    pick.activeItems.map((i) => i.label),
    ['users'],
  );
  pick.back();
  assert.deepEqual(await answer, { kind: 'back' });
});

test('an item icon goes to iconPath, never into the label', async () => {
  const prompter = await load();
  const answer = prompter.pick(
    pickStep({
      items: [
        { label: 'Create snapshot', icon: 'check', value: 'create' },
        { label: 'Cancel', icon: 'close', value: 'cancel' },
      ],
    }),
  );
  const pick = rec.current() as FakeQuickPick;
  const shown = pick.items as Array<{ label: string; iconPath?: { id: string } }>;
  assert.deepEqual(
    shown.map((i) => [i.label, i.iconPath?.id]),
    [
      ['Create snapshot', 'check'],
      ['Cancel', 'close'],
    ],
  );
  assert.ok(shown.every((i) => !i.label.includes('$(')));
  pick.choose('Create snapshot');
  assert.deepEqual(await answer, { kind: 'value', value: 'create' });
});

test('the suggested value stays reachable: placeholder, and a button that puts it back', async () => {
  const prompter = await load();
  const answer = prompter.input(inputStep({ value: 'orders-1', suggestion: 'orders-1' }));
  const box = rec.current() as FakeInputBox;
  assert.match(box.placeholder ?? '', /Suggested: orders-1/);
  assert.equal(box.buttons.length, 1, 'only Back while the value is the suggestion');
  box.type('1bad');
  assert.equal(box.buttons.length, 2, 'the suggestion button once the value differs');
  const suggest = box.buttons[1] as { tooltip?: string };
  assert.match(suggest.tooltip ?? '', /orders-1/);
  box.button.fire(suggest);
  assert.equal(box.value, 'orders-1');
  assert.equal(box.validationMessage, undefined, 'the suggestion is checked again');
  assert.equal(box.buttons.length, 1);
  box.enter();
  assert.deepEqual(await answer, { kind: 'value', value: 'orders-1' });
});
