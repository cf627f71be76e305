// The first steps of a flow started from the command palette: profile → region → service → resource. Shared by the
// create and restore flows, which differ in the services they offer and in the resources they accept. Pure: no
// `vscode` import; it talks to the user through a `Prompter`.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { Resource, SnapshotService } from '../services/service';
import type { Answer, Prompter, StepInfo } from './prompter';
import * as l10n from '../l10n';

export type Move = 'next' | 'back' | 'cancel';

/** What the palette steps fill in. */
export interface PaletteState {
  profile?: string;
  region?: string;
  service?: SnapshotService;
  resource?: Resource;
}

export interface PaletteStep<S extends PaletteState> {
  readonly id: string;
  run(state: S, info: StepInfo): Promise<Move>;
}

export interface PaletteDeps {
  readonly clients: AwsClients;
  readonly log: Logger;
  profiles(): Promise<ReadonlyArray<{ readonly name: string }>>;
  regionsFor(profile: string): readonly string[];
}

export interface PaletteOptions<S extends PaletteState> {
  /** The services to offer. */
  readonly services: readonly SnapshotService[];
  /** Why a resource cannot be picked (its item shows it, disabled), or undefined. */
  unavailable?(resource: Resource): string | undefined;
  /** The sentence above the list when such a resource is picked anyway. */
  refusedMessage?(resource: Resource, reason: string): string;
  /** Called when the picked resource changes (to forget the later steps' values). */
  onResourceChange?(state: S): void;
}

const text = {
  pickProfile: () => l10n.t('Pick the AWS profile, e.g. default'),
  noProfiles: () => l10n.t('No AWS profiles found: add one to your AWS config or credentials file.'),
  pickRegion: () => l10n.t('Pick the region, e.g. us-east-1'),
  noRegions: () => l10n.t('No regions are set for this profile: see the snapshotExplorer.regions setting.'),
  pickService: () => l10n.t('Pick the service, e.g. DocumentDB'),
  notOffered: (label: string, region: string) => l10n.t('{0} is not offered in {1}.', label, region),
  pickResource: (many: string) => l10n.t('Pick one of the {0}', many),
  loadFailed: (what: string, reason: string) => l10n.t('Could not list {0}: {1}', what, reason),
  noResources: (many: string, region: string) =>
    l10n.t('No {0} in this region ({1}). Go back to pick another.', many, region),
  tooMany: () => l10n.t('More resources exist than are listed here: start from the resource in the tree.'),
};

/** The most pages of resources the palette lists before suggesting the tree. */
const maxResourcePages = 10;

export async function move<T>(answer: Promise<Answer<T>>, apply: (value: T) => Move | Promise<Move>): Promise<Move> {
  const result = await answer;
  if (result.kind === 'value') return apply(result.value);
  return result.kind;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function regionItems(regions: readonly string[]) {
  if (regions.length > 0) return regions.map((r) => ({ label: r, value: r }));
  return [{ label: text.noRegions(), value: '', disabledReason: text.noRegions() }];
}

function profileStep<S extends PaletteState>(prompter: Prompter, deps: PaletteDeps): PaletteStep<S> {
  return {
    id: 'profile',
    run: (state, info) =>
      move(
        prompter.pick({
          ...info,
          id: 'profile',
          placeholder: text.pickProfile(),
          activeValue: state.profile,
          items: async () => {
            const profiles = await deps.profiles();
            if (profiles.length === 0)
              return [{ label: text.noProfiles(), value: '', disabledReason: text.noProfiles() }];
            return profiles.map((p) => ({ label: p.name, value: p.name }));
          },
        }),
        (profile) => {
          if (profile !== state.profile) state.region = undefined;
          state.profile = profile;
          return 'next';
        },
      ),
  };
}

function regionStep<S extends PaletteState>(prompter: Prompter, deps: PaletteDeps): PaletteStep<S> {
  return {
    id: 'region',
    run: (state, info) =>
      move(
        prompter.pick({
          ...info,
          id: 'region',
          placeholder: text.pickRegion(),
          activeValue: state.region,
          items: regionItems(deps.regionsFor(state.profile ?? '')),
        }),
        (region) => {
          if (region !== state.region) state.resource = undefined;
          state.region = region;
          return 'next';
        },
      ),
  };
}

function serviceStep<S extends PaletteState>(prompter: Prompter, options: PaletteOptions<S>): PaletteStep<S> {
  return {
    id: 'service',
    run: async (state, info) => {
      const region = state.region ?? '';
      let message: string | undefined;
      for (;;) {
        const answer = await prompter.pick<SnapshotService>({
          ...info,
          id: 'service',
          placeholder: text.pickService(),
          message,
          activeValue: state.service,
          same: (a, b) => a.id === b.id,
          items: options.services.map((s) => ({
            label: s.label,
            description: s.resourceNoun.many,
            value: s,
            disabledReason: s.isOfferedIn(region) ? undefined : text.notOffered(s.label, region),
          })),
        });
        if (answer.kind !== 'value') return answer.kind;
        if (!answer.value.isOfferedIn(region)) {
          message = text.notOffered(answer.value.label, region);
          continue;
        }
        if (answer.value.id !== state.service?.id) state.resource = undefined;
        state.service = answer.value;
        return 'next';
      }
    },
  };
}

function resourceStep<S extends PaletteState>(
  prompter: Prompter,
  deps: PaletteDeps,
  options: PaletteOptions<S>,
): PaletteStep<S> {
  return {
    id: 'resource',
    run: async (state, info) => {
      const service = state.service;
      if (!service || !state.profile || !state.region) return 'back';
      const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
      let message: string | undefined;
      for (;;) {
        const answer = await prompter.pick<Resource | null>({
          ...info,
          id: 'resource',
          placeholder: text.pickResource(service.resourceNoun.many),
          message,
          activeValue: state.resource ?? null,
          same: (a, b) => a?.id === b?.id,
          items: async (signal) => {
            try {
              return await loadResourceItems(service, { ...ctx, signal }, options);
            } catch (error) {
              deps.log.warn(`Listing ${service.id} in ${ctx.profile}/${ctx.region} failed`, error);
              const reason = text.loadFailed(service.resourceNoun.many, errorText(error));
              return [{ label: reason, value: null, disabledReason: reason }];
            }
          },
        });
        if (answer.kind !== 'value') return answer.kind;
        const resource = answer.value;
        if (!resource) continue;
        const reason = options.unavailable?.(resource);
        if (reason) {
          message = options.refusedMessage?.(resource, reason) ?? reason;
          continue;
        }
        if (resource.id !== state.resource?.id) options.onResourceChange?.(state);
        state.resource = resource;
        return 'next';
      }
    },
  };
}

async function loadResourceItems<S extends PaletteState>(
  service: SnapshotService,
  ctx: { profile: string; region: string; clients: AwsClients; signal: AbortSignal },
  options: PaletteOptions<S>,
) {
  const resources: Resource[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await service.listResources(ctx, { nextToken });
    resources.push(...page.items);
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < maxResourcePages && !ctx.signal.aborted);
  const items = resources.map((r) => ({
    label: r.name,
    description: [r.status, r.summary].filter(Boolean).join(' · '),
    detail: r.name === r.id ? undefined : r.id,
    value: r as Resource | null,
    disabledReason: options.unavailable?.(r),
  }));
  if (items.length === 0) {
    const none = text.noResources(service.resourceNoun.many, ctx.region);
    items.push({ label: none, description: '', detail: undefined, value: null, disabledReason: none });
  }
  if (nextToken) {
    items.push({
      label: text.tooMany(),
      description: '',
      detail: undefined,
      value: null,
      disabledReason: text.tooMany(),
    });
  }
  return items;
}

/** profile → region → service → resource. */
export function paletteSteps<S extends PaletteState>(
  prompter: Prompter,
  deps: PaletteDeps,
  options: PaletteOptions<S>,
): PaletteStep<S>[] {
  return [
    profileStep(prompter, deps),
    regionStep(prompter, deps),
    serviceStep(prompter, options),
    resourceStep(prompter, deps, options),
  ];
}
