// The tracker's scheduler on its own: one timer only while there is work, the backoff, no overlapping polls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PollScheduler, type PollingSettings } from '../../../src/snapshots/pollScheduler';
import { FakeClock } from '../../support/fakeClock';

function setup(polling: PollingSettings = { initialSeconds: 2, maxSeconds: 5 }) {
  const clock = new FakeClock();
  const state = { work: true, polls: 0 };
  const scheduler = new PollScheduler({
    clock,
    polling: () => polling,
    hasWork: () => state.work,
    poll: async () => {
      state.polls++;
    },
  });
  return { clock, state, scheduler };
}

test('arms one timer only while there is work, and polls when it fires', async () => {
  const { clock, state, scheduler } = setup();
  state.work = false;
  scheduler.schedule(true);
  assert.equal(clock.timers.size, 0);
  state.work = true;
  scheduler.schedule(true);
  scheduler.schedule(true);
  assert.equal(clock.timers.size, 1);
  await clock.advance(2000);
  assert.equal(state.polls, 1);
});

test('each poll grows the delay ×1.5 up to the maximum; new work starts it again', async () => {
  const { clock, scheduler } = setup();
  scheduler.schedule(true);
  await clock.advance(2000 + 3000 + 4500 + 5000);
  assert.deepEqual(clock.armed, [2000, 3000, 4500, 5000, 5000]);
  assert.equal(scheduler.delaySeconds, 5);
  scheduler.schedule(true);
  assert.equal(scheduler.delaySeconds, 2);
});

test('unusable settings fall back to 5 s to start and at least 30 s at the most', async () => {
  const { scheduler } = setup({ initialSeconds: Number.NaN, maxSeconds: 1 });
  assert.equal(scheduler.delaySeconds, 5);
  await scheduler.tick();
  assert.equal(scheduler.delaySeconds, 7.5);
  for (let i = 0; i < 10; i++) await scheduler.tick();
  assert.equal(scheduler.delaySeconds, 30);
});

test('a tick while one runs does nothing; after dispose nothing polls', async () => {
  const { clock, state, scheduler } = setup();
  const first = scheduler.tick();
  await scheduler.tick();
  await first;
  assert.equal(state.polls, 1);
  scheduler.dispose();
  assert.equal(clock.timers.size, 0);
  await scheduler.tick();
  scheduler.schedule(true);
  assert.equal(state.polls, 1);
  assert.equal(clock.timers.size, 0);
});
