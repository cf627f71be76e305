/**
 * SimSpace Weaver's state: each region's simulations and StartSimulation's client tokens (snapshots go to S3
 * buckets, which S3's state holds), and the account's simulation limit.
 */
import { accountSlice, regionSlice } from '../../state/slices';
import { type AccountState, type RegionState } from '../../state/types';

export interface SimulationRecord {
  name: string;
  status: string;
  targetStatus: string;
  createTime: number;
  description?: string;
  maximumDuration: string;
  executionId: string;
  roleArn: string;
  /** Absent for a simulation started from a snapshot. */
  schemaBucket?: string;
  schemaKey?: string;
  snapshotBucket?: string;
  snapshotKey?: string;
  /** While a snapshot is being taken the simulation reports SNAPSHOT_IN_PROGRESS. */
  busyUntil?: number;
  /** A simulation being started (StartSimulation) reports STARTING until then, then its `status`. */
  startingUntil?: number;
  tags?: Record<string, string>;
}

/** A StartSimulation answered: a request with the same ClientToken gets the same answer, not a second simulation. */
export interface StartedRequest {
  /** The request's members other than ClientToken, as JSON: the same token with other members is refused. */
  fingerprint: string;
  output: Record<string, unknown>;
}

/**
 * The emulator's limit of simulations per account and Region (every simulation not DELETED counts): its own number,
 * not AWS's (data file `quotas.simSpaceWeaverSimulations`); past it StartSimulation answers
 * ServiceQuotaExceededException. High enough for the demo data (eu-west-1 holds 106).
 */
export const DEFAULT_SIMULATION_QUOTA = 200;

export interface SimSpaceWeaverQuotas {
  simulations: number;
}

const SIMULATIONS = regionSlice('simspaceweaver', (): SimulationRecord[] => []);
const TOKENS = regionSlice('simspaceweaver.tokens', () => new Map<string, StartedRequest>());
const QUOTAS = accountSlice('simspaceweaver', (): SimSpaceWeaverQuotas => ({ simulations: DEFAULT_SIMULATION_QUOTA }));

export function simulationsIn(state: RegionState): SimulationRecord[] {
  return state.get(SIMULATIONS);
}

export function startTokensIn(state: RegionState): Map<string, StartedRequest> {
  return state.get(TOKENS);
}

export function simSpaceWeaverQuotas(account: AccountState): SimSpaceWeaverQuotas {
  return account.shared.get(QUOTAS);
}
