// Which snapshots of a resource are a plan's own: the only ones retention may ever delete. A plan marks what it
// creates: the tag `snapshot-plan: <plan name>` where the create call takes tags (read from the listing, or for a
// service whose listing has no tags, with one `snapshotTags` call per snapshot whose name starts with the entry's
// fixed name lead), and for a service that writes to a place the user names and takes no tags (SimSpace Weaver)
// the location: the bucket and key prefix of the entry. Pure apart from the injected tag reader.
import type { Snapshot, SnapshotService } from '../services/service';
import type { Tag } from '../validation/types';
import { planTagKey, type RetentionRule } from './retention';
import { expandTemplate, type TemplateContext } from './template';

/** An entry's retention as a run carries it (plain data: it crosses the language server connection). */
export interface EntryRetention extends RetentionRule {
  /** The mark's value (see retention.ts planNameOf). */
  readonly planName: string;
  /** How the plan's snapshots are told apart. */
  readonly by: 'tag' | 'location';
  /** Lowercase: the plan's snapshot names start with it (services with a name input); only these are candidates. */
  readonly nameLead?: string;
  /** Why the plan's snapshots of this entry cannot be told apart; then a run deletes nothing for it. */
  readonly unrecognisable?: string;
}

/** The part of a service that ownership needs. */
export type OwnershipService = Pick<SnapshotService, 'destination' | 'snapshotTags'>;

const timeVariable = /\{\s*(date|time|timestamp)\s*\}/;

/** Whether a template expands the same way on every run (no `{date}`, `{time}`, `{timestamp}`). */
export function isTimeFree(template: string): boolean {
  return !timeVariable.test(template.replace(/\{\{|\}\}/g, ''));
}

/**
 * The text every expansion of a name template starts with, whenever it runs: the part before the first time
 * variable, with `{resource}`, `{profile}` and `{region}` expanded; lowercase (DocumentDB stores names in lowercase).
 */
export function fixedLead(template: string, ctx: Omit<TemplateContext, 'now'>): string {
  let cut = template.length;
  for (let i = 0; i < template.length; i++) {
    if (template.startsWith('{{', i) || template.startsWith('}}', i)) i++;
    else if (template[i] === '{' && timeVariable.test(template.slice(i, template.indexOf('}', i) + 1))) {
      cut = i;
      break;
    }
  }
  const lead = expandTemplate(template.slice(0, cut), { ...ctx, now: new Date(0) });
  return lead.ok ? lead.value.toLowerCase() : '';
}

/** Whether a name lead tells a plan's snapshots apart: it holds a letter or a digit. */
export const isRecognisable = (lead: string): boolean => /[\p{L}\p{N}]/u.test(lead);

/** The start of every location the service writes this resource's snapshots to with these inputs. */
export function locationLead(
  service: OwnershipService,
  values: Readonly<Record<string, string>>,
  resourceId: string,
): string | undefined {
  if (!service.destination) return undefined;
  const a = service.destination.location(values, resourceId, new Date(Date.UTC(2000, 0, 1, 0, 0, 0)));
  const b = service.destination.location(values, resourceId, new Date(Date.UTC(2099, 11, 31, 23, 59, 59)));
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

export interface OwnedSnapshots {
  readonly owned: Snapshot[];
  /** Candidates whose tags were not read (over the cap, or the read failed): never counted as the plan's. */
  readonly unchecked: number;
}

export interface OwnershipInput {
  readonly snapshots: readonly Snapshot[];
  readonly retention: EntryRetention;
  readonly service: OwnershipService;
  readonly values: Readonly<Record<string, string>>;
  readonly resourceId: string;
  /** Reads a snapshot's tags (the service's snapshotTags, or the live cache); only called when the listing had none. */
  readonly readTags?: (snapshot: Snapshot) => Promise<readonly Tag[]>;
  /** The most tag reads (default 50): a run or a hover makes few calls. */
  readonly maxTagReads?: number;
}

export async function planSnapshots(input: OwnershipInput): Promise<OwnedSnapshots> {
  const { retention, snapshots } = input;
  if (retention.unrecognisable) return { owned: [], unchecked: 0 };
  if (retention.by === 'location') {
    const lead = locationLead(input.service, input.values, input.resourceId);
    // A lead without the key's folder would match other places: only a full `…/` lead counts.
    if (!lead || !lead.includes('/')) return { owned: [], unchecked: 0 };
    return { owned: snapshots.filter((s) => s.id.startsWith(lead)), unchecked: 0 };
  }
  const lead = retention.nameLead;
  const candidates =
    lead === undefined ? [...snapshots] : snapshots.filter((s) => s.name.toLowerCase().startsWith(lead));
  const owned: Snapshot[] = [];
  let reads = 0;
  let unchecked = 0;
  const max = input.maxTagReads ?? 50;
  const marked = (tags: readonly Tag[]): boolean =>
    tags.some((t) => t.key === planTagKey && t.value === retention.planName);
  for (const s of candidates) {
    if (s.tags) {
      if (marked(s.tags)) owned.push(s);
      continue;
    }
    if (!input.readTags || reads >= max) {
      unchecked++;
      continue;
    }
    reads++;
    try {
      if (marked(await input.readTags(s))) owned.push(s);
    } catch {
      unchecked++;
    }
  }
  return { owned, unchecked };
}
