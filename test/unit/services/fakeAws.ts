// A fake AwsClients for service-module unit tests: SDK clients whose `send` answers from a handler per command
// name, and a SimSpace Weaver client whose methods answer from handlers. Every call is recorded.
import type { AwsClients } from '../../../src/aws/clients';
import type { AwsContext } from '../../../src/services/service';

export interface RecordedCall {
  /** The client spec's kind (e.g. `docdb`, `ec2`). */
  readonly kind: string;
  readonly profile: string;
  readonly region: string;
  /** The SDK command's class name (e.g. ListGraphsCommand) or the client method name. */
  readonly name: string;
  /** The input as sent on the wire: members set to undefined are left out. */
  readonly input: Record<string, unknown>;
  readonly abortSignal: AbortSignal | undefined;
}

type Handler = (input: Record<string, unknown>) => unknown;
export type Handlers = Record<string, Handler>;

export function fakeAws(handlers: Handlers, options: { profile?: string; region?: string; signal?: AbortSignal } = {}) {
  const calls: RecordedCall[] = [];
  const answer = async (
    kind: string,
    profile: string,
    region: string,
    name: string,
    input: unknown,
    signal?: AbortSignal,
  ) => {
    const recorded = {
      kind,
      profile,
      region,
      name,
      input: JSON.parse(JSON.stringify(input ?? {})) as Record<string, unknown>,
      abortSignal: signal,
    };
    calls.push(recorded);
    const handler = handlers[name];
    if (!handler) throw new Error(`unexpected call ${name}`);
    return handler(recorded.input);
  };
  const clients: AwsClients = {
    async get(spec, profile, region) {
      const { kind } = spec;
      if (kind === 'simspaceweaver') {
        const method = (name: string) => (input: unknown, opts?: { abortSignal?: AbortSignal }) =>
          answer(kind, profile, region, name, input, opts?.abortSignal);
        return {
          region,
          listSimulations: method('listSimulations'),
          describeSimulation: method('describeSimulation'),
          createSnapshot: method('createSnapshot'),
        } as never; // a structural fake of our client, only the methods the services call
      }
      return {
        send: (command: { constructor: { name: string }; input: unknown }, opts?: { abortSignal?: AbortSignal }) =>
          answer(kind, profile, region, command.constructor.name, command.input, opts?.abortSignal),
      } as never; // a structural fake of an SDK client: only `send`
    },
  };
  const ctx: AwsContext = {
    profile: options.profile ?? 'dev',
    region: options.region ?? 'us-east-1',
    clients,
    signal: options.signal ?? new AbortController().signal,
  };
  const named = (name: string) => calls.filter((c) => c.name === name);
  return { ctx, calls, named };
}

/** One page of `items` for a fake listing: `token` is the offset as text; `next` is absent on the last page. */
export function pageOf<T>(items: readonly T[], token: unknown, size: unknown): { items: T[]; next?: string } {
  const offset = token === undefined ? 0 : Number(token);
  const count = typeof size === 'number' ? size : 100;
  const end = offset + count;
  return { items: items.slice(offset, end), next: end < items.length ? String(end) : undefined };
}

/** Snapshots (or anything with an id) in id order, to compare two listings whatever order each lists in. */
export function byId<T extends { readonly id: string }>(items: readonly T[] | undefined): T[] {
  return [...(items ?? [])].sort((a, b) => a.id.localeCompare(b.id));
}
