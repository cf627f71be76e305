// Snapshot Activity's tooltip: the start time in the one date format (src/dates.ts, not the machine's locale
// format), and the service's status word only when it says more than the state.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { silentLogger } from '../../../src/log';
import { Tracker } from '../../../src/snapshots/tracker';
import { FakeClock } from '../../support/fakeClock';
import { noClients } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());

test('the Activity tooltip shows the start time as 2023-11-14 22:13 UTC and no state twice', async () => {
  const { ActivityTreeProvider } = await import('../../../src/ui/activityView');
  const clock = new FakeClock(); // 1_700_000_000_000: 2023-11-14 22:13:20 UTC
  const tracker = new Tracker({
    serviceById: () => undefined,
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock,
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
  });
  const op = tracker.begin({
    service: 'docdb',
    profile: 'demo',
    region: 'us-east-1',
    resourceId: 'orders',
    resourceName: 'orders',
    snapshotName: 'orders-1',
    input: { values: {}, tags: [] },
    requestKey: 'k',
  });
  tracker.accepted(op.id, { id: 'orders-1', state: 'available', status: 'available', progress: 100 });
  const provider = new ActivityTreeProvider(
    tracker,
    (id) => id,
    () => clock.now(),
  );
  const [done] = provider.getChildren();
  assert.ok(done);
  const tooltip = (provider.getTreeItem(done).tooltip as { value: string }).value;
  assert.match(tooltip, /\*\*Started:\*\* 2023-11-14 22:13 UTC/);
  assert.match(tooltip, /\*\*State:\*\* available {2}\n/, tooltip);
  provider.dispose();
  tracker.dispose();
});
