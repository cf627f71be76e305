// Loads what the name filter needs to decide what to show: under each branch owner, every level down to the first
// page of each offered service (a place), so a branch is hidden only when it is known to hold no match. Loads go
// through a limiter (a few places at once); a slot is held for one branch's own load, never while waiting for the
// levels under it, so the recursion cannot starve itself.
import type { Limiter } from '../../aws/concurrency';
import { isBranchOwner, type BranchOwner, type ExplorerNode } from './nodes';

/**
 * Places (and profiles, for their credential check) loaded at once while a filter is set. The client factory's
 * per-profile-and-region request limit still applies underneath; this keeps a filter over many profiles and
 * regions from queueing every listing at once.
 */
export const filterScanConcurrency = 4;

/** Loads an owner's first page (or returns what is loaded) and gives its children as the tree renders them. */
export type LoadChildren = (owner: BranchOwner) => Promise<readonly ExplorerNode[]>;

/** Loads, under every branch owner among `nodes`, each level down to the first page of each offered service. */
export async function scanOwners(nodes: readonly ExplorerNode[], load: LoadChildren, limiter: Limiter): Promise<void> {
  await Promise.all(nodes.filter(isBranchOwner).map((owner) => scanUnder(owner, load, limiter)));
}

async function scanUnder(owner: BranchOwner, load: LoadChildren, limiter: Limiter): Promise<void> {
  switch (owner.kind) {
    case 'resource':
    case 'ssoAccount':
      // An account's roles are listed only when someone expands it (the filter matches accounts by name).
      return;
    case 'service':
      if (owner.offered) await limiter.run(() => load(owner));
      return;
    default: {
      const children = await limiter.run(() => load(owner));
      await scanOwners(children, load, limiter);
    }
  }
}
