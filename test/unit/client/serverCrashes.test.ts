// The plan language server's crash policy: restarted quietly a bounded number of times within a window, then stopped
// and said once with a Restart action that starts it again (and forgets the crashes). The pure RestartPolicy with an
// injected clock; the error handler given to vscode-languageclient against the recording fake of `vscode`.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientActions } from '../../../src/client/serverCrashes';
import { silentLogger } from '../../../src/log';
import { RestartPolicy } from '../../../src/client/restartPolicy';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
// vscode-languageclient's enums (its module needs a real `vscode` to load): CloseAction and ErrorAction.
const CloseAction = { DoNotRestart: 1, Restart: 2 } as const;
const ErrorAction = { Continue: 1, Shutdown: 2 } as const;
const lib = { CloseAction, ErrorAction } as unknown as ClientActions;
after(() => rec.restore());

test('the policy restarts 4 times within 3 minutes, stops at the 5th crash, and forgets crashes older than the window', () => {
  let now = 0;
  const policy = new RestartPolicy({ now: () => now });
  for (let i = 1; i <= 4; i++) {
    assert.deepEqual(policy.crashed(), { kind: 'restart', restarts: i });
    now += 10_000;
  }
  assert.deepEqual(policy.crashed(), { kind: 'stop', crashes: 5, windowMs: 180_000 });
  // After a stop the count starts again (the user restarted it).
  assert.equal(policy.crashed().kind, 'restart');
  // Crashes spread wider than the window never stop it.
  const spread = new RestartPolicy({ maxRestarts: 2, windowMs: 1_000, now: () => now });
  for (let i = 0; i < 10; i++) {
    now += 600;
    assert.equal(spread.crashed().kind, 'restart', `crash ${i}`);
  }
  policy.reset();
  assert.deepEqual(policy.crashed(), { kind: 'restart', restarts: 1 });
});

test('the error handler restarts quietly, then says once that the server stopped; Restart starts it again', async () => {
  const { ServerCrashes } = await import('../../../src/client/serverCrashes');
  let restarts = 0;
  const crashes = new ServerCrashes({
    log: { ...silentLogger, show: () => undefined } as never,
    restart: async () => void restarts++,
    policy: { maxRestarts: 2, windowMs: 60_000 },
  });
  const handler = crashes.handler(lib);
  rec.notifications.length = 0;
  rec.answer = (n) => (n.actions.includes('Restart') ? 'Restart' : undefined);
  assert.deepEqual(await handler.closed(), { action: CloseAction.Restart, handled: true });
  assert.deepEqual(await handler.closed(), { action: CloseAction.Restart, handled: true });
  assert.equal(rec.notifications.length, 0, 'a restart is not a notification');
  assert.deepEqual(await handler.closed(), { action: CloseAction.DoNotRestart, handled: true });
  assert.equal(rec.notifications.length, 1);
  assert.equal(rec.notifications[0]?.level, 'error');
  assert.match(rec.notifications[0]?.message ?? '', /crashed 3 times in 1 minutes and was not restarted/);
  assert.deepEqual(rec.notifications[0]?.actions, ['Restart', 'Show Logs']);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(restarts, 1, 'Restart starts the server again');
  // The crashes were forgotten: the next one restarts quietly.
  assert.deepEqual(await handler.closed(), { action: CloseAction.Restart, handled: true });
  assert.equal(rec.notifications.length, 1);
});

test('connection errors are tolerated three times in a row, then the server is shut down and that is said once', async () => {
  const { ServerCrashes } = await import('../../../src/client/serverCrashes');
  const crashes = new ServerCrashes({
    log: { ...silentLogger, show: () => undefined } as never,
    restart: async () => {},
  });
  const handler = crashes.handler(lib);
  rec.notifications.length = 0;
  rec.answer = () => undefined;
  for (const count of [1, 2, 3])
    assert.deepEqual(await handler.error(new Error('write EPIPE'), undefined, count), {
      action: ErrorAction.Continue,
      handled: true,
    });
  assert.deepEqual(await handler.error(new Error('write EPIPE'), undefined, 4), {
    action: ErrorAction.Shutdown,
    handled: true,
  });
  assert.equal(rec.notifications.length, 1);
  assert.match(rec.notifications[0]?.message ?? '', /stopped answering/);
});

test('a failed initialize (a server killed while starting) is logged, not shown: the close handler decides', async () => {
  const { ServerCrashes } = await import('../../../src/client/serverCrashes');
  const warnings: string[] = [];
  const crashes = new ServerCrashes({
    log: { ...silentLogger, warn: (m: string) => void warnings.push(m), show: () => undefined } as never,
    restart: async () => {},
  });
  const options = crashes.clientOptions(lib);
  rec.notifications.length = 0;
  assert.equal(
    options.initializationFailedHandler(new Error('Pending response rejected since connection got disposed')),
    false,
  );
  assert.match(warnings.join('\n'), /did not initialize: Error: Pending response rejected/);
  assert.equal(rec.notifications.length, 0);
  assert.deepEqual(await options.errorHandler.closed(), { action: CloseAction.Restart, handled: true });
});
