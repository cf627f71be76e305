// The network guard every test process runs with: loopback connections go through, any other host is refused before
// a packet leaves, and the refusal is recorded so the process fails at exit.
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { test } from 'node:test';
import { isLoopback, networkGuardState } from '../../support/networkGuard';

test('loopback hosts are allowed; everything else is not', () => {
  for (const host of [undefined, 'localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1']) {
    assert.equal(isLoopback(host), true, String(host));
  }
  for (const host of ['docdb.us-east-1.amazonaws.com', '169.254.169.254', '10.0.0.1', '128.0.0.1', '::2']) {
    assert.equal(isLoopback(host), false, host);
  }
});

test('the guard is loaded in this process; a connection to 127.0.0.1 works, one to a public host is refused', async () => {
  const state = networkGuardState();
  assert.ok(state, 'scripts/run-tests.mjs preloads the network guard');
  const server = createServer((socket) => socket.end('hi'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += String(chunk)));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    assert.equal(reply, 'hi');
  } finally {
    server.close();
  }
  const refused = await new Promise<NodeJS.ErrnoException>((resolve) => {
    const socket = connect({ host: 'snapshots.amazonaws.com', port: 443 });
    socket.on('error', resolve);
  });
  assert.equal(refused.code, 'ECONNREFUSED');
  assert.match(refused.message, /network guard: no connection to snapshots\.amazonaws\.com/);
  // This refusal was provoked on purpose: take it off the record so the process does not fail at exit.
  assert.deepEqual(state.blocked.splice(state.blocked.indexOf('snapshots.amazonaws.com'), 1), [
    'snapshots.amazonaws.com',
  ]);
});
