// Figure 7: an IAM Identity Center session over an organisation of 100 accounts × 3 roles, with the emulator adding a
// latency L to every call. (a) The time until the session's account list is complete (every page of ListAccounts,
// through "Load more…") against the sum of those calls' latency. (b) N accounts expanded down to every service of
// each role: calls per expanded account (ListAccountRoles, GetRoleCredentials, the services' list calls), and the
// calls made for any collapsed account (none expected), from the emulator's call log and the product's own calls.
import { performance } from 'node:perf_hooks';
import type { ExplorerModel } from '../../src/tree/model/explorerModel';
import type { ExplorerNode, LoadMoreNode, SsoAccountNode, SsoSessionNode } from '../../src/tree/model/nodes';
import { BENCH_SESSION, benchSsoModel, startSsoBench, type SsoBench } from './identityCenterSetup';
import { median } from './support';

export interface IdentityCenterOptions {
  readonly latencyMs: number;
  /** The organisation's size (the emulator's `ssoAccounts`); each generated account has 3 roles. */
  readonly accounts: number;
  /** The tree's page size setting (ListAccounts' maxResults). */
  readonly pageSize: number;
  /** How many accounts are expanded, spread over the list. */
  readonly expand: number;
  /** The one region shown under each role. */
  readonly region: string;
  /** Measured loads of the account list (a fresh model each). */
  readonly runs: number;
}

export interface ExpandedAccount {
  readonly account: string;
  readonly roles: number;
  /** From the emulator's call log while this account was expanded. */
  readonly listAccountRoles: number;
  readonly getRoleCredentials: number;
  readonly serviceCalls: number;
  /** Service calls made in another account than this one (0 expected). */
  readonly serviceCallsElsewhere: number;
  readonly ms: number;
}

export interface IdentityCenterResult {
  readonly options: IdentityCenterOptions;
  readonly signInMs: number;
  readonly accountsShown: number;
  /** ListAccounts pages of one load of the list. */
  readonly pages: number;
  /** Median wall time from the root's load to the last account page shown. */
  readonly listMs: number;
  readonly runsMs: number[];
  /** pages × L: the latency the list's calls cannot avoid. */
  readonly latencySumMs: number;
  /** The ListAccounts calls' own durations, summed (median run). */
  readonly callsMs: number;
  readonly ratio: number;
  readonly expanded: ExpandedAccount[];
  /** Mean calls per expanded account. */
  readonly perAccount: { listAccountRoles: number; getRoleCredentials: number; serviceCalls: number };
  /** Portal or service calls, and credential resolutions, for an account nobody expanded. */
  readonly collapsedCalls: number;
  /** Every call of the measured expansion by operation (service:Operation), as the emulator saw them. */
  readonly operations: Record<string, number>;
}

type Call = Awaited<ReturnType<SsoBench['emulator']['calls']>>[number] & { accountId?: string; accessKeyId?: string };

/** Loads the root and every page of the session's accounts, the way "Load more…" clicks do. */
async function loadAccountList(model: ExplorerModel): Promise<{ session: SsoSessionNode; accounts: SsoAccountNode[] }> {
  const session = (await model.getChildren()).find((n): n is SsoSessionNode => n.kind === 'ssoSession');
  if (!session) throw new Error(`no session node ${BENCH_SESSION}`);
  let children = await model.getChildren(session);
  for (let more = findMore(children); more; more = findMore(children)) {
    await model.loadMore(more);
    children = await model.getChildren(session);
  }
  const failed = children.find((n) => n.kind === 'error');
  if (failed) throw new Error(`the account list failed: ${model.describe(failed).label}`);
  return { session, accounts: children.filter((n): n is SsoAccountNode => n.kind === 'ssoAccount') };
}

const findMore = (nodes: readonly ExplorerNode[]): LoadMoreNode | undefined =>
  nodes.find((n): n is LoadMoreNode => n.kind === 'loadMore');

/** Expands an account down to the first page of every service of each of its roles; the number of roles. */
async function expandAccount(model: ExplorerModel, account: SsoAccountNode): Promise<number> {
  const roles = (await model.getChildren(account)).filter((n) => n.kind === 'profile');
  const errors: string[] = [];
  const expand = async (node: ExplorerNode): Promise<void> => {
    const children = await model.getChildren(node);
    for (const child of children) if (child.kind === 'error') errors.push(model.describe(child).label);
    await Promise.all(
      children.filter((c) => c.kind === 'region' || (c.kind === 'service' && c.offered)).map((c) => expand(c)),
    );
  };
  await Promise.all(roles.map((role) => expand(role)));
  if (errors.length > 0) throw new Error(`expanding ${account.account.name}: ${errors.join('; ')}`);
  return roles.length;
}

const isSso = (call: Call): boolean => call.service === 'sso' || call.service === 'sso-oidc';

function spread(count: number, total: number): number[] {
  if (count <= 1 || total <= 1) return [0];
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1))))];
}

export async function benchIdentityCenter(
  options: IdentityCenterOptions,
  log: (line: string) => void,
): Promise<IdentityCenterResult> {
  const bench = await startSsoBench(options.accounts);
  const { emulator } = bench;
  try {
    log(`  signed in through the device flow in ${bench.signInMs.toFixed(0)} ms`);
    // Warm-up without latency: loads the SDK's clients and compiles the code paths once.
    const warm = benchSsoModel(bench, options);
    const warmList = await loadAccountList(warm.model);
    const first = warmList.accounts[0];
    if (first) await expandAccount(warm.model, first);
    warm.dispose();
    await emulator.admin('POST', '/_emulator/faults', { latencyMs: options.latencyMs });

    // (a) The account list, from a fresh model each run.
    const runs: Array<{ ms: number; pages: number; callsMs: number; accounts: number }> = [];
    for (let i = 0; i < options.runs; i++) {
      const run = benchSsoModel(bench, options);
      const started = performance.now();
      const { accounts } = await loadAccountList(run.model);
      const ms = performance.now() - started;
      const pages = run.recorder.accountPagesMs.length;
      const callsMs = run.recorder.accountPagesMs.reduce((a, b) => a + b, 0);
      run.dispose();
      log(`  account list ${i + 1}/${options.runs}: ${accounts.length} accounts, ${pages} pages, ${ms.toFixed(0)} ms`);
      runs.push({ ms, pages, callsMs, accounts: accounts.length });
    }
    const listMs = median(runs.map((r) => r.ms));
    const pages = runs[0]?.pages ?? 0;

    // (b) Expand N accounts of a fresh, fully listed tree, one after another, attributing the calls to each.
    const measured = benchSsoModel(bench, options);
    const { accounts } = await loadAccountList(measured.model);
    const mark = (await emulator.calls()).length;
    const chosen = spread(options.expand, accounts.length).flatMap((i) => accounts[i] ?? []);
    const expanded: ExpandedAccount[] = [];
    for (const account of chosen) {
      const before = (await emulator.calls()).length;
      const started = performance.now();
      const roles = await expandAccount(measured.model, account);
      const ms = performance.now() - started;
      const calls = ((await emulator.calls()) as Call[]).slice(before);
      const services = calls.filter((c) => !isSso(c));
      expanded.push({
        account: account.account.id,
        roles,
        listAccountRoles: calls.filter((c) => c.operation === 'ListAccountRoles').length,
        getRoleCredentials: calls.filter((c) => c.operation === 'GetRoleCredentials').length,
        serviceCalls: services.length,
        serviceCallsElsewhere: services.filter((c) => c.accountId !== account.account.id).length,
        ms,
      });
    }
    const all = ((await emulator.calls()) as Call[]).slice(mark);
    const ids = new Set(chosen.map((a) => a.account.id));
    const { recorder } = measured;
    measured.dispose();
    // The portal's calls are unsigned (the call log names no account for them): the product's own record says
    // which account each ListAccountRoles and GetRoleCredentials was for; a signed call's log entry names its account.
    const collapsedCalls =
      recorder.roleListings.filter((id) => !ids.has(id)).length +
      recorder.credentialResolutions.filter((id) => !ids.has(id)).length +
      all.filter((c) => !isSso(c) && !ids.has(c.accountId ?? '')).length;
    const operations: Record<string, number> = {};
    for (const call of all)
      operations[`${call.service}:${call.operation}`] = (operations[`${call.service}:${call.operation}`] ?? 0) + 1;
    const mean = (pick: (e: ExpandedAccount) => number): number =>
      expanded.length === 0 ? 0 : expanded.reduce((sum, e) => sum + pick(e), 0) / expanded.length;
    const latencySumMs = pages * options.latencyMs;
    const medianRun = runs.find((r) => r.ms === listMs) ?? runs[0];
    return {
      options,
      signInMs: bench.signInMs,
      accountsShown: accounts.length,
      pages,
      listMs,
      runsMs: runs.map((r) => r.ms),
      latencySumMs,
      callsMs: medianRun?.callsMs ?? 0,
      ratio: latencySumMs > 0 ? listMs / latencySumMs : Number.NaN,
      expanded,
      perAccount: {
        listAccountRoles: mean((e) => e.listAccountRoles),
        getRoleCredentials: mean((e) => e.getRoleCredentials),
        serviceCalls: mean((e) => e.serviceCalls),
      },
      collapsedCalls,
      operations,
    };
  } finally {
    await bench.close();
  }
}
