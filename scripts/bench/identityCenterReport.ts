// Figure 7 (IAM Identity Center, see ./identityCenter.ts) as `npm run bench` prints it: its options, its table rows
// and its part of the JSON line.
import type { IdentityCenterOptions, IdentityCenterResult } from './identityCenter';
import { formatMs, round } from './support';

/** 100 accounts × 3 roles, L = 100 ms (as the tree load's), the default page size, 3 accounts expanded. */
export function identityCenterOptions(quick: boolean): IdentityCenterOptions {
  return { latencyMs: 100, accounts: 100, pageSize: 50, expand: 3, region: 'us-east-1', runs: quick ? 1 : 3 };
}

export function identityCenterRows(r: IdentityCenterResult): Array<[string, string, string]> {
  const per = r.perAccount;
  return [
    [
      `IAM Identity Center: ${r.accountsShown} accounts listed (${r.pages} ListAccounts pages × ${r.options.latencyMs} ms)`,
      `${formatMs(r.listMs)} / ${formatMs(r.latencySumMs)} = ${round(r.ratio, 2).toFixed(2)}`,
      '≈ 1 (about its pages’ latency)',
    ],
    ['  the ListAccounts calls’ own time, summed', formatMs(r.callsMs), '—'],
    [
      `  per expanded account (${r.expanded.length}): ListAccountRoles / GetRoleCredentials / service calls`,
      `${round(per.listAccountRoles, 1)} / ${round(per.getRoleCredentials, 1)} / ${round(per.serviceCalls, 1)}`,
      '1 / one per role / services × roles',
    ],
    ['  calls for collapsed accounts', String(r.collapsedCalls), '0'],
    ['  device-flow sign-in (approved by the admin route)', formatMs(r.signInMs), '—'],
  ];
}

export function identityCenterJson(r: IdentityCenterResult): object {
  return {
    identityCenter: {
      latencyMs: r.options.latencyMs,
      accounts: r.accountsShown,
      pageSize: r.options.pageSize,
      pages: r.pages,
      listMs: round(r.listMs, 0),
      runsMs: r.runsMs.map((ms) => round(ms, 0)),
      latencySumMs: r.latencySumMs,
      callsMs: round(r.callsMs, 0),
      ratio: round(r.ratio, 2),
      perExpandedAccount: {
        listAccountRoles: round(r.perAccount.listAccountRoles, 2),
        getRoleCredentials: round(r.perAccount.getRoleCredentials, 2),
        serviceCalls: round(r.perAccount.serviceCalls, 2),
      },
      expanded: r.expanded.map((e) => ({ ...e, ms: round(e.ms, 0) })),
      collapsedCalls: r.collapsedCalls,
      operations: r.operations,
      signInMs: round(r.signInMs, 0),
    },
  };
}
