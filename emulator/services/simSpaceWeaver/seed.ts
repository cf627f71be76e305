/**
 * SimSpace Weaver's part of the data file: each region's `simulations` (with a latest snapshot when the row names
 * one), the bulk `simulations` count and the
 * `quotas.simSpaceWeaverSimulations` limit.
 */
import { BULK_BASE, countOf, HOUR, pad } from '../../state/bulk';
import { optionalStr, rowsOf, str, time } from '../../state/rows';
import { quotaOf, type ServiceData } from '../../state/seed';
import { type AccountState } from '../../state/types';
import { putObject } from '../s3/state';
import { DEFAULT_SIMULATION_QUOTA, simSpaceWeaverQuotas, simulationsIn } from './state';

/**
 * A seeded simulation's latest snapshot (`snapshotBucket` and `snapshotKey` in its row): the simulation points at it
 * and its .zip is in the bucket, so the demo can restore it without taking one first.
 */
function snapshotOf(
  row: Record<string, unknown>,
  account: AccountState,
  loadedAt: number,
): { snapshotBucket?: string; snapshotKey?: string } {
  const bucket = optionalStr(row, 'snapshotBucket');
  const key = optionalStr(row, 'snapshotKey');
  if (!bucket || !key) return {};
  putObject(account, { bucket, key, writtenBy: `seed:${str(row, 'name')}`, availableAt: 0, writtenAt: loadedAt });
  return { snapshotBucket: bucket, snapshotKey: key };
}

export const simSpaceWeaverData: ServiceData = {
  seedAccount(file, account) {
    simSpaceWeaverQuotas(account).simulations = quotaOf(file, 'simSpaceWeaverSimulations', DEFAULT_SIMULATION_QUOTA);
  },
  seedRegion(rows, { state, account, loadedAt }) {
    const simulations = simulationsIn(state);
    for (const s of rowsOf(rows, 'simulations')) {
      const name = str(s, 'name');
      simulations.push({
        name,
        status: str(s, 'status', 'STARTED'),
        targetStatus: str(s, 'targetStatus', str(s, 'status', 'STARTED') === 'STOPPED' ? 'STOPPED' : 'STARTED'),
        createTime: time(s, 'createTime', loadedAt),
        description: optionalStr(s, 'description'),
        maximumDuration: str(s, 'maximumDuration', '14D'),
        executionId: str(s, 'executionId', '00000000-0000-4000-8000-000000000000'),
        roleArn: str(s, 'roleArn', `arn:aws:iam::${account.accountId}:role/weaver-${name}`),
        schemaBucket: str(s, 'schemaBucket', `weaver-${account.accountId}-schemas`),
        schemaKey: str(s, 'schemaKey', `${name}/schema.yaml`),
        ...snapshotOf(s, account, loadedAt),
      });
    }
  },
  generate(spec, { state, account }) {
    const simulations = simulationsIn(state);
    for (let i = 1; i <= countOf(spec, 'simulations'); i++) {
      simulations.push({
        name: `bulk-simulation-${pad(i, 4)}`,
        status: i % 2 ? 'STARTED' : 'STOPPED',
        targetStatus: i % 2 ? 'STARTED' : 'STOPPED',
        createTime: BULK_BASE + i * HOUR,
        maximumDuration: '2D',
        executionId: `00000000-0000-4000-8000-${pad(i, 12)}`,
        roleArn: `arn:aws:iam::${account.accountId}:role/weaver-bulk`,
        schemaBucket: `weaver-${account.accountId}-schemas`,
        schemaKey: `bulk/${i}/schema.yaml`,
      });
    }
  },
};
