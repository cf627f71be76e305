// Preloaded into every test process (scripts/run-tests.mjs): refuses any TCP or TLS connection to a host other than
// the loopback interface, before a packet leaves, and fails the process at exit when one was attempted. Tests reach
// only the emulator and their own listeners on 127.0.0.1; a request meant for AWS (a lost endpoint override, a
// credential provider probing the instance metadata service) fails the run instead of going out.
import net from 'node:net';

/** What the guard holds, on a global symbol so a test can see it whichever way the module was loaded. */
export interface NetworkGuardState {
  /** The hosts refused so far; a test that provokes a refusal on purpose removes its own entries. */
  readonly blocked: string[];
}

const stateKey = Symbol.for('snapshot-explorer.network-guard');
type Holder = { [stateKey]?: NetworkGuardState };

export function networkGuardState(): NetworkGuardState | undefined {
  return (globalThis as Holder)[stateKey];
}

export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::1' || /^::ffff:127\.\d+\.\d+\.\d+$/.test(bare);
}

/** The host a `socket.connect(...)` call names; undefined for IPC paths and the default (localhost). */
function hostOf(args: unknown[]): string | undefined {
  // net.connect() and tls.connect() pass their normalized arguments as one array: [options, callback].
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined;
    return typeof options.host === 'string' ? options.host : undefined;
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? second : undefined;
  }
  return undefined; // a string that is not a port: an IPC path
}

function install(): void {
  const holder = globalThis as Holder;
  if (holder[stateKey]) return;
  const state: NetworkGuardState = { blocked: [] };
  holder[stateKey] = state;
  // Patching the prototype is the point of this module: every client (http, https, tls, the SDK's handler) ends here.
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const host = hostOf(args);
    if (isLoopback(host)) return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    state.blocked.push(String(host));
    const error = Object.assign(new Error(`network guard: no connection to ${host} (tests reach 127.0.0.1 only)`), {
      code: 'ECONNREFUSED',
    });
    process.nextTick(() => this.destroy(error));
    return this;
  } as typeof original;
  process.on('exit', () => {
    if (state.blocked.length === 0) return;
    console.error(`network guard: the tests tried to reach ${[...new Set(state.blocked)].join(', ')}`);
    process.exitCode = 1;
  });
}

install();
